// The outputs of `poolscope-cli sweep`, from the points it ran: the table, the SWEEP JSON
// document (docs/events.md) and the CSV (one row per point, the serial baseline first).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/cli/run_options.h"
#include "core/analysis/scaling_fit.h"
#include "core/analysis/sweep_axes.h"
#include "core/engine/run_series.h"

namespace poolscope::cli {

struct SweepOptions {
    RunOptions run;
    std::vector<SweepAxis> axes;  // with two or more values
    uint64_t seed = kDefaultSweepSeed;
    std::optional<std::string> csv;  // --csv FILE
};

// A serial baseline: the sweep's one, or one per value of the swept workload parameters.
struct Baseline {
    std::vector<std::string> values;  // "item_us=10" per parameter axis; empty: the only one
    RunConfig config;                 // the serial run
    RunSeries series;
};

struct PointResult {
    SweepPoint point;
    RunConfig config;
    std::size_t baseline = 0;  // the serial baseline it is compared with
    std::size_t order = 0;     // its place in the run order
    bool ran = false;
    RunSeries series;
    Comparison figures;  // speedup, efficiency, T, C against the baseline
    bool complete = false;
};

std::vector<std::string> axis_names(const std::vector<SweepAxis>& axes);
// "at workers=2 chunksize=4: " before a refusal of that point.
std::string at_point(const std::vector<SweepAxis>& axes, const SweepPoint& p);
std::vector<SweepPointFigures> figures_of(const std::vector<SweepAxis>& axes,
                                          const std::vector<PointResult>& points);

std::string format_table(const SweepOptions& opt, const std::vector<Baseline>& baselines,
                         const std::vector<PointResult>& points, const SweepAnalysis& a,
                         const std::vector<SweepPointFigures>& figs, bool interrupted);
nlohmann::json sweep_json(const SweepOptions& opt, const MachineInfo& machine,
                          const std::vector<Baseline>& baselines,
                          const std::vector<PointResult>& points, const SweepAnalysis& a,
                          const std::vector<SweepPointFigures>& figs, bool interrupted);
// RFC 4180, lines ending in "\r\n": point (serial, one row per baseline, or the point's index), the
// axes' values, resolved_workers, resolved_chunksize (auto resolved), ran, complete, runs,
// wall_median_s, wall_min_s, wall_max_s, speedup, efficiency, T_s, C_s, checksums_match, order.
std::string sweep_csv(const SweepOptions& opt, const std::vector<Baseline>& baselines,
                      const std::vector<PointResult>& points,
                      const std::vector<SweepPointFigures>& figs);

}  // namespace poolscope::cli
