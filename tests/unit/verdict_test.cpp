// The comparison's verdict: advice from a quiet machine's figures, and none from a run that
// other programs disturbed (it says how much of the CPU they took instead).
#include <gtest/gtest.h>

#include "core/analysis/comparison.h"
#include "core/engine/run_series.h"

using namespace poolscope;

namespace {

RunSeries series(double wall, double outside, int workers) {
    RunResult r;
    r.wall_s = wall;
    r.compute_s = wall * 0.9;
    r.breakdown.compute = r.compute_s;
    r.breakdown.startup = wall * 0.1;
    r.items = 1000;
    r.checksum = 42;
    r.checksum_items = 1000;
    r.workers = workers;
    r.cpu.outside_cpu_share = outside;
    return make_series({r});
}

}  // namespace

TEST(Verdict, AQuietSlowRunGetsAdvice) {
    const Comparison c = make_comparison(series(1.0, 0.02, 1), series(2.0, 0.03, 2));
    EXPECT_NE(c.verdict.find("slower"), std::string::npos) << c.verdict;
    EXPECT_NE(c.verdict.find("try"), std::string::npos) << c.verdict;
    EXPECT_EQ(c.verdict.find("other programs"), std::string::npos) << c.verdict;
}

TEST(Verdict, ADisturbedRunSaysSoAndGivesNoAdvice) {
    for (const auto& [serial_share, parallel_share] : {std::pair{0.5, 0.02}, {0.02, 0.45}}) {
        const Comparison c =
            make_comparison(series(1.0, serial_share, 1), series(2.0, parallel_share, 2));
        EXPECT_NE(c.verdict.find("other programs used"), std::string::npos) << c.verdict;
        EXPECT_NE(c.verdict.find(" % of the CPU"), std::string::npos) << c.verdict;
        EXPECT_EQ(c.verdict.find("try"), std::string::npos) << c.verdict;
        EXPECT_EQ(c.verdict.find("pays"), std::string::npos) << c.verdict;
    }
}
