// Chrome Trace Event JSON of a saved event stream, the format ui.perfetto.dev and
// chrome://tracing open: one process per run, one track (thread) per worker with a slice per
// chunk (or per aggregated bucket when the run was past its chunk-detail cap), the engine's
// track with the run's span and errors, and counters for memory (PSS and RSS sums) and per-core
// CPU from the samples. Times are microseconds since the stream's origin (its hello).
#pragma once

#include <nlohmann/json.hpp>

#include "core/events/event_reader.h"

namespace poolscope {

// {"traceEvents": [...], "displayTimeUnit": "ms", "otherData": {...}}
nlohmann::json chrome_trace(const EventStream& stream);

}  // namespace poolscope
