// The threads backend's child: one forked process that hosts W std::threads. The threads take
// chunks from the plan themselves (they share memory: no task travels), optionally under one
// mutex around every item (--global-lock, Python's GIL), and send each chunk's result to the
// engine over one pipe. Hosting them in a child keeps the engine single-threaded and lets the
// engine end a hung thread by ending the child.
#pragma once

#include <vector>

#include "core/config/chunk_plan.h"
#include "core/engine/run_context.h"

namespace poolscope {

// Runs in the forked child on fd kWorkerResultFd; never returns.
[[noreturn]] void threads_host_main(const RunContext& ctx, const std::vector<ChunkSpec>& plan);

}  // namespace poolscope
