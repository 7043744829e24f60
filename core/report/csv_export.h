// CSV of runs for spreadsheets: one row per run, its configuration columns then its result
// columns, quoted per RFC 4180 (fields with a comma, quote or line break are quoted, quotes
// doubled). The columns are listed in docs/events.md ("CSV export").
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/engine/run_result.h"

namespace poolscope {

std::string csv_field(std::string_view text);
std::string csv_header();
std::string csv_row(const RunResult& r);
// Header and one row per run, each line ending in "\r\n" as RFC 4180 asks.
std::string runs_to_csv(const std::vector<RunResult>& runs);

}  // namespace poolscope
