// cpu: sum of i·i for i < iterations, the article's complex_calculation. With item_us=N the
// iterations are calibrated (in a forked child) so one item takes about N microseconds. With
// table_mb=M each worker process builds a private table of M MiB when it starts, as a worker
// that loads a model or a lookup table: the memory a pool multiplies by its workers. With
// arg_kb=K every item carries a second argument of K KiB (the same table in every argument
// tuple, as starmap(f, [(i, table) for i in ...]) pickles it once per item); the item reads it.
#pragma once

#include <vector>

#include "core/workloads/workload.h"

namespace poolscope {

class CpuWorkload final : public Workload {
  public:
    const WorkloadInfo& info() const override;
    std::optional<std::string> configure(const ParamMap& params, uint64_t size) override;
    ParamMap resolved_params() const override;
    ParamMap calibrated_params() const override;
    uint64_t input_bytes() const override { return 16 + arg_bytes(); }
    uint64_t output_bytes() const override { return 8; }
    void read_input(uint64_t index, std::span<std::byte> dst) const override;
    void enter_worker(int lib_threads) override;
    std::optional<std::string> run_item(uint64_t index, std::span<const std::byte> in,
                                        std::span<std::byte> out) override;

    // The loop itself, shared by run_item and the calibration: one copy of its machine code,
    // never inlined and starting on a 64-byte boundary, so the calibration times the very
    // instructions the items run. Inlined, each caller had its own copy, and where a copy sat
    // decided its speed: on one CPU the calibration's ran at 2 cycles an iteration and
    // run_item's at 1, so items of "20 µs" took 11 µs.
    [[gnu::noinline, gnu::aligned(64)]] static uint64_t sum_of_squares(uint64_t start,
                                                                       uint64_t iterations);
    // Iterations that take about `item_us` microseconds on this machine; the loop is timed
    // once per process (in a forked child), so every call in one command agrees.
    static std::optional<uint64_t> calibrate_iterations(double item_us);

  private:
    static std::optional<double> measure_ns_per_iteration();
    uint64_t arg_bytes() const { return arg_kb_ * 1024; }

    uint64_t iterations_ = 10000;
    double item_us_ = 0;
    uint64_t table_mb_ = 0;
    uint64_t arg_kb_ = 0;
    std::vector<uint64_t> table_;  // the worker's private table (table_mb)
};

}  // namespace poolscope
