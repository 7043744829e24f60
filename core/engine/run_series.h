// RunSeries (one configuration run --repeat times) and Comparison (serial vs parallel, with
// the article's T, C and 10x rule) as values. Figures over repeats are medians with min and max.
// A comparison's figures and verdict are computed by make_comparison (core/analysis/comparison.h).
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
    // Which of them is the run whose wall is the median (lower median when even). An index, not
    // a copy: a million-chunk run's records are about 140 MB.
    std::size_t median_run = 0;
    Stat wall_s;
    Stat startup_s;
    Stat teardown_s;
    Stat compute_s;
    // The median run (an empty result when there are no runs).
    const RunResult& representative() const;
};

RunSeries make_series(std::vector<RunResult> runs);

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

}  // namespace poolscope
