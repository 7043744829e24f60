// PoolRunner: the single-threaded supervisor of a process pool. One poll() loop watches every
// worker's result pipe, task pipe (when output is queued), pidfd, the stop sources and the
// telemetry timer. It dispatches chunks (at most kInflightPerWorker per worker, so a worker
// never waits a round trip while work is queued), decodes results, notices deaths and
// deadlines, applies --on-failure, and joins the pool.
#pragma once

#include "core/engine/run_context.h"
#include "core/engine/run_result.h"

namespace poolscope {

inline constexpr std::size_t kInflightPerWorker = 2;

RunResult run_pool(const RunContext& ctx);

}  // namespace poolscope
