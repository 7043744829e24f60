// make_comparison: a serial and a parallel series set side by side, with the article's figures
// (speedup, efficiency, T, C) and the verdict in words (the judgement itself is assess(),
// core/analysis/verdict.h). The engine runs the series; whoever asked for the comparison builds
// it.
#pragma once

#include "core/engine/run_series.h"

namespace poolscope {

Comparison make_comparison(RunSeries serial, RunSeries parallel);

}  // namespace poolscope
