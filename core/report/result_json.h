// The JSON documents of a run: a RESULT (one run), a series (repeats: a RESULT plus "runs" and
// medians) and a comparison (serial vs parallel). What `poolscope-cli run --json` prints and
// what the event stream's run_end carries; every field is listed in docs/events.md.
// Every *_from_json reads back what *_to_json wrote, field for field.
#pragma once

#include <nlohmann/json.hpp>

#include "core/config/config_json.h"
#include "core/engine/run_result.h"
#include "core/engine/run_series.h"
#include "core/report/record_json.h"
#include "core/report/telemetry_json.h"

namespace poolscope {

struct ResultJsonOptions {
    // Per-chunk records can run to millions of rows; they are written only when asked for.
    bool chunk_records = false;
};

nlohmann::json result_to_json(const RunResult& r, const ResultJsonOptions& options = {});
// "chunk_records" is read when present (else left empty).
RunResult result_from_json(const nlohmann::json& j);

void to_json(nlohmann::json& j, const Stat& s);
void from_json(const nlohmann::json& j, Stat& s);

// The representative run's RESULT; with more than one run also "runs" (every counted run's
// RESULT) and "median", "min", "max" objects of wall_s, startup_s, teardown_s and compute_s.
nlohmann::json series_to_json(const RunSeries& s, const ResultJsonOptions& options = {});
RunSeries series_from_json(const nlohmann::json& j);

// {"config", "machine" (the parallel run's), "serial", "parallel" (series), "speedup",
// "efficiency", "T", "C", "checksums_match", "verdict"}.
nlohmann::json comparison_to_json(const Comparison& c, const ResultJsonOptions& options = {});
Comparison comparison_from_json(const nlohmann::json& j);

}  // namespace poolscope
