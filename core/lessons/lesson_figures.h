// The figures of a lesson's runs that expectations compare, taken from the engine's results:
// a comparison gives "speedup", "serial.wall", "parallel.peak_pss", ...; a run without
// --compare gives "wall", "errors", ... (names: lesson_figures() in lesson_file.h).
#pragma once

#include <map>
#include <string>

#include "core/engine/run_series.h"

namespace poolscope {

struct LessonRunFigures {
    std::map<std::string, double> values;
    // The largest share of the CPU that processes outside the run used during any of its runs.
    double outside_cpu_share = 0;
};

LessonRunFigures figures_of(const Comparison& c);
LessonRunFigures figures_of(const RunSeries& s);

// A figure's value in its unit: "1.25 s", "512 MiB", "2.31x", "0.84" ...
std::string format_figure(const std::string& figure, double value);

}  // namespace poolscope
