// The engine's side of the threads backend: forks the threads host (threads_host.h), reads
// its Ready/Started/Result frames, keeps the records and the checksum, enforces
// --task-timeout per thread, and ends the host on a fault or a stop. The breakdown counts one
// worker slot per thread.
#pragma once

#include "core/engine/run_context.h"
#include "core/engine/run_result.h"

namespace poolscope {

RunResult run_threads(const RunContext& ctx);

}  // namespace poolscope
