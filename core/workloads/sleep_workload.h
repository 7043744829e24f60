// sleep: each item waits `ms` milliseconds without using the CPU, a stand-in for I/O-bound
// work (a download, a database call). More workers than cores still helps here, unlike cpu.
// first_ms makes item 0 a straggler: what imap waits for and imap_unordered does not. fork makes
// every item fork a helper process (core/workloads/fork_helper.h): threads and fork.
#pragma once

#include "core/workloads/fork_helper.h"
#include "core/workloads/workload.h"

namespace poolscope {

class SleepWorkload final : public Workload {
  public:
    const WorkloadInfo& info() const override;
    std::optional<std::string> configure(const ParamMap& params, uint64_t size) override;
    ParamMap resolved_params() const override;
    uint64_t input_bytes() const override { return 8; }
    uint64_t output_bytes() const override { return 8; }
    void read_input(uint64_t index, std::span<std::byte> dst) const override;
    std::optional<std::string> run_item(uint64_t index, std::span<const std::byte> in,
                                        std::span<std::byte> out) override;

  private:
    double ms_ = 10;
    double first_ms_ = -1;  // item 0 sleeps this long instead, when >= 0
    ForkHelper fork_ = ForkHelper::none;
};

}  // namespace poolscope
