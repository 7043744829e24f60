// JSON form of the per-chunk and per-worker records, errors and the overhead breakdown of a run
// (docs/events.md). Stamps are seconds since an origin the caller names (the run's start in a
// result document, the stream's origin in the event stream), null when they did not happen.
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>

#include "core/engine/run_result.h"

namespace poolscope {

nlohmann::json chunk_to_json(const ChunkRecord& c, int64_t origin_ns);
ChunkRecord chunk_from_json(const nlohmann::json& j, int64_t origin_ns);

nlohmann::json worker_record_to_json(const WorkerRecord& w, int64_t origin_ns);
WorkerRecord worker_record_from_json(const nlohmann::json& j, int64_t origin_ns);

// -1 in worker, chunk and item (0 in pid and signal) means "not about one".
void to_json(nlohmann::json& j, const RunError& e);
void from_json(const nlohmann::json& j, RunError& e);

void to_json(nlohmann::json& j, const Breakdown& b);
void from_json(const nlohmann::json& j, Breakdown& b);

}  // namespace poolscope
