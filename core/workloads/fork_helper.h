// A worker that forks a helper process per item, the way a task may call a library that forks
// (a subprocess, a daemonising logger). `clean`: nothing else runs in the worker, so the helper
// takes a lock and exits. `locked`: a second thread of the worker holds that lock at the moment
// of the fork; the helper inherits the lock held, but not the thread that would release it, and
// blocks forever. The worker waits for its helper, so the item hangs: the pitfall of mixing
// threads and fork, which --task-timeout catches.
//
// Contained: the helper dies with the worker (PR_SET_PDEATHSIG), and a worker ended by the task
// timeout's SIGTERM first kills and reaps its helper, so no process outlives the run.
#pragma once

#include <optional>
#include <string>

namespace poolscope {

enum class ForkHelper { none, clean, locked };

// Forks the helper and waits for it (none: returns at once). An error message when the helper
// could not be started or did not exit cleanly.
std::optional<std::string> run_fork_helper(ForkHelper mode);

}  // namespace poolscope
