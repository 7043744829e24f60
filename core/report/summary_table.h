// The human-readable tables the CLI prints (and replay re-prints from a saved stream).
#pragma once

#include <string>

#include "core/engine/run_series.h"

namespace poolscope {

// One aligned table for a series (single run or repeats), with the breakdown.
std::string format_series(const RunSeries& s);
// Serial vs parallel, one aligned table, breakdown, T, C, checksum match and the verdict.
std::string format_comparison(const Comparison& c);

}  // namespace poolscope
