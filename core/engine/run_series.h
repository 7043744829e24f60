// RunSeries (one configuration run --repeat times) and Comparison (serial vs parallel, with
// the article's T, C and 10x rule). Figures over repeats are medians with min and max.
#pragma once

#include <string>
#include <vector>

#include "core/engine/run_result.h"

namespace poolscope {

struct Stat {
    double median = 0;
    double min = 0;
    double max = 0;
    bool operator==(const Stat&) const = default;
};

Stat stat_of(std::vector<double> values);

struct RunSeries {
    std::vector<RunResult> runs;  // counted runs (warm-up runs are not kept)
    RunResult representative;     // the run whose wall is the median (lower median when even)
    Stat wall_s;
    Stat startup_s;
    Stat teardown_s;
    Stat compute_s;
    bool operator_partial() const { return representative.partial; }
};

RunSeries make_series(std::vector<RunResult> runs);

// Above this share of the CPU used by programs outside the run, a comparison is disturbed: the
// verdict says so and gives no advice (the telemetry's warning threshold).
inline constexpr double kOutsideLoadShare = 0.10;

struct Comparison {
    RunSeries serial;
    RunSeries parallel;
    double speedup = 0;     // serial wall / parallel wall (medians)
    double efficiency = 0;  // speedup / W
    double T = 0;           // serial wall / n: mean task time
    double C = 0;           // (W·wall − compute) / n: per-task overhead in worker-seconds
    bool checksums_match = false;
    std::string verdict;  // one line, plain words
};

Comparison make_comparison(RunSeries serial, RunSeries parallel);

}  // namespace poolscope
