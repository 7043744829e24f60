// The figures of a lesson's runs that expectations compare, taken from the engine's results:
// a comparison gives "speedup", "serial.wall", "parallel.peak_pss", ...; a run without
// --compare gives "wall", "errors", ... (names: lesson_figures() in lesson_file.h).
#pragma once

#include <map>
#include <string>

#include "core/analysis/scaling_fit.h"
#include "core/engine/run_series.h"

namespace poolscope {

struct LessonRunFigures {
    std::map<std::string, double> values;
    // The largest share of the CPU that processes outside the run used during any of its runs.
    double outside_cpu_share = 0;
};

LessonRunFigures figures_of(const Comparison& c);
LessonRunFigures figures_of(const RunSeries& s);

// A sweep lesson's figures (lesson_sweep_figures()) from the sweep's points and analysis; a
// figure the sweep cannot give (no chunksize axis for the U-curve, no W = cores) is absent, so
// the expectations that name it fail with a note. `outside_share`: the largest share of the CPU
// other programs took during any of the sweep's runs.
LessonRunFigures figures_of_sweep(const std::vector<std::string>& axes,
                                  const std::vector<SweepPointFigures>& points,
                                  const SweepAnalysis& analysis, int usable_cores,
                                  double outside_share);

// A figure's value in its unit: "1.25 s", "512 MiB", "2.31x", "0.84" ...
std::string format_figure(const std::string& figure, double value);

}  // namespace poolscope
