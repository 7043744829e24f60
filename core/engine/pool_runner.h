// PoolRunner: the single-threaded supervisor of a process pool. One poll() loop watches every
// worker's result pipe, the task pipes (when output is queued), pidfds, the stop sources and the
// telemetry timer. It queues chunks — on the shared task queue every worker reads (map, imap,
// imap_unordered, apply_async; pool_queue.h), or for static down each worker's own pipe, at
// most kInflightPerWorker at a time so a worker never waits a round trip for its next block —
// decodes results, notices deaths and deadlines, applies --on-failure, and joins the pool.
#pragma once

#include "core/engine/run_context.h"
#include "core/engine/run_result.h"

namespace poolscope {

inline constexpr std::size_t kInflightPerWorker = 2;  // static dispatch only

RunResult run_pool(const RunContext& ctx);

}  // namespace poolscope
