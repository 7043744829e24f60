// skewed: the cpu loop with seeded, uneven task costs. Costs rise along the index (the last
// item costs four times the first) and a few seeded "heavy" items cost tail_factor times more,
// so handing each worker one contiguous block up front (static dispatch) leaves some workers
// idle while others finish: the load-balancing lesson.
#pragma once

#include "core/workloads/workload.h"

namespace poolscope {

class SkewedWorkload final : public Workload {
  public:
    const WorkloadInfo& info() const override;
    std::optional<std::string> configure(const ParamMap& params, uint64_t size) override;
    ParamMap resolved_params() const override;
    uint64_t input_bytes() const override { return 16; }
    uint64_t output_bytes() const override { return 8; }
    void read_input(uint64_t index, std::span<std::byte> dst) const override;
    std::optional<std::string> run_item(uint64_t index, std::span<const std::byte> in,
                                        std::span<std::byte> out) override;

    // Whether item `index` is one of the seeded heavy items.
    bool is_heavy(uint64_t index) const;
    // Loop length of item `index`: base * (1 + 3*index/size) * (heavy ? tail_factor : 1).
    uint64_t iterations_for(uint64_t index) const;

  private:
    uint64_t seed_ = 1;
    uint64_t base_iterations_ = 2000;
    double tail_ = 0.02;
    double tail_factor_ = 20;
    uint64_t size_ = 1;
};

}  // namespace poolscope
