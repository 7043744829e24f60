// `--workload cpu --param item_us=U` promises items of about U µs: the calibration must time
// the same machine code the items run (cpu_workload.h). With a copy of the loop inlined into
// each caller, one build's calibration ran at half the speed of its items, and lesson 3's
// "item_us 1000" items took 550 µs.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <vector>

#include "core/platform/clock.h"
#include "core/workloads/workload_registry.h"

namespace poolscope {
namespace {

TEST(CpuCalibration, AnItemTakesAboutTheTimeAskedFor) {
    constexpr double kItemUs = 200;
    auto w = make_workload("cpu");
    ASSERT_TRUE(w);
    ASSERT_EQ(w->configure(with_defaults(w->info(), {{"item_us", "200"}}), 64).value_or(""), "");
    std::vector<std::byte> in(w->input_bytes()), out(w->output_bytes());
    // The fastest of many items: other programs can only make an item slower, so the minimum
    // is what the loop itself costs, on a loaded machine too.
    int64_t best = INT64_MAX;
    for (uint64_t i = 0; i < 50; ++i) {
        w->read_input(i, in);
        const int64_t t0 = monotonic_ns();
        ASSERT_FALSE(w->run_item(i, in, out).has_value());
        best = std::min(best, monotonic_ns() - t0);
    }
    const double us = static_cast<double>(best) / 1000;
    EXPECT_GE(us, 0.6 * kItemUs) << "items run faster than the calibration timed the loop";
    EXPECT_LE(us, 2.0 * kItemUs) << "items run slower than the calibration timed the loop";
}

}  // namespace
}  // namespace poolscope
