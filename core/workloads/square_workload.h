// square: x·x, the article's lightweight task (1000 of them are faster serially).
#pragma once

#include "core/workloads/workload.h"

namespace poolscope {

class SquareWorkload final : public Workload {
  public:
    const WorkloadInfo& info() const override;
    std::optional<std::string> configure(const ParamMap& params, uint64_t size) override;
    ParamMap resolved_params() const override { return {}; }
    uint64_t input_bytes() const override { return 8; }
    uint64_t output_bytes() const override { return 8; }
    void read_input(uint64_t index, std::span<std::byte> dst) const override;
    std::optional<std::string> run_item(uint64_t index, std::span<const std::byte> in,
                                        std::span<std::byte> out) override;
};

}  // namespace poolscope
