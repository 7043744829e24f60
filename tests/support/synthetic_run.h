// Synthetic run data for the JSON, event-stream and export tests: every field set away from its
// default (so a field that is not written or not read back fails a round trip), and field-wise
// comparisons for the structs that have no operator== (RunResult, RunSeries, Comparison).
#pragma once

#include <cstdint>
#include <string>

#include "core/engine/run_result.h"
#include "core/engine/run_series.h"
#include "core/telemetry/run_telemetry.h"

namespace poolscope::test_support {

// A CLOCK_MONOTONIC origin of about 104 days of uptime: past 2^53 ns, where integers in a
// double-based JSON reader would lose nanoseconds. Relative times must still be exact.
inline constexpr int64_t kLateOriginNs = 9'007'199'254'740'993;

RunConfig synthetic_config();
MachineInfo synthetic_machine();
// Chunk `id` of `count` items on `worker`, stamped from base_ns on.
ChunkRecord synthetic_chunk(uint64_t id, int worker, int64_t base_ns, uint64_t count = 10);
Sample synthetic_sample(int64_t t_ns, int cores, int workers);
// A finished parallel run with `chunks` chunk records over `workers` workers.
RunResult synthetic_result(const std::string& run_id, int64_t start_ns, int chunks = 6,
                           int workers = 2);

// Field-by-field gtest expectations.
void expect_same_result(const RunResult& a, const RunResult& b);
void expect_same_series(const RunSeries& a, const RunSeries& b);
void expect_same_comparison(const Comparison& a, const Comparison& b);

}  // namespace poolscope::test_support
