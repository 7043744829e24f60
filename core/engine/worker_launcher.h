// Starts one worker process for a pool slot: fork (inherits the prepared workload
// copy-on-write and runs worker_main directly) or spawn (executes `poolscope-cli worker`,
// which rebuilds the workload from its resolved parameters).
#pragma once

#include <sys/types.h>

#include <optional>
#include <string>

#include "core/engine/child_process.h"
#include "core/engine/run_context.h"
#include "core/engine/shared_segment.h"

namespace poolscope {

struct LaunchedWorker {
    pid_t pid = 0;
    int pidfd = -1;
    int task_fd = -1;    // engine writes, non-blocking (-1: the worker reads the shared queue)
    int result_fd = -1;  // engine reads, non-blocking
};

// Message on failure (nothing is left open or running then).
// seg: the run's shared segment (inputs and outputs with --transport shm, the task board with a
// shared queue), or nullptr. shared_task_read >= 0: the shared task pipe's read end, which the
// worker gets as its task descriptor instead of a pipe of its own (the engine keeps it open).
std::optional<std::string> launch_worker(const RunContext& ctx, int index, LaunchedWorker& out,
                                         const SharedSegment* seg, int shared_task_read = -1);

}  // namespace poolscope
