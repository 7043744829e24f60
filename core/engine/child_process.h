// The mechanics of the engine's children: pipes, the set-up every forked child does before
// anything else (descriptors, signals, dying with the parent), pidfds and reaping.
#pragma once

#include <sys/types.h>

#include <optional>
#include <string>

#include "core/platform/safe_fork.h"

namespace poolscope {

// Descriptor numbers a worker finds its pipes on (after fork, and after exec for spawn).
inline constexpr int kWorkerTaskFd = 3;
inline constexpr int kWorkerResultFd = 4;

struct ChildPipes {
    int task_read = -1;     // child reads tasks
    int task_write = -1;    // engine writes tasks (non-blocking)
    int result_read = -1;   // engine reads results (non-blocking)
    int result_write = -1;  // child writes results
};

// Two close-on-exec pipes; the engine's ends non-blocking. Message on failure. Without
// own_task_pipe (the worker reads the shared task queue) only the result pipe is made.
std::optional<std::string> make_child_pipes(ChildPipes& p, bool own_task_pipe = true);
void close_child_pipes(ChildPipes& p);

// First thing in a fork child: tasks on fd 3, results on fd 4, stdin from /dev/null, stdout
// onto stderr (so a worker never writes into the event stream), every other inherited
// descriptor closed (a sibling's pipe end must not hide a crash), SIGINT ignored (the engine
// decides how a run stops), SIGTERM default, and death with the parent (PR_SET_PDEATHSIG plus a
// getppid() check for the race where the parent died first). Exits the child on failure.
// With shm_fd >= 0 the shared segment is kept too, on fd 5 (for spawn workers).
void setup_forked_child(const ChildPipes& p, pid_t parent, int shm_fd = -1);

// The liveness half of the set-up, for a spawned worker after exec.
void die_with_parent(pid_t parent);

struct ExitStatus {
    bool exited = false;  // normal exit (code valid) vs killed by a signal
    int code = 0;
    int signal = 0;
};

int open_pidfd(pid_t pid);  // -1 on failure
// Reaps the child behind pidfd without blocking; nullopt while it still runs.
std::optional<ExitStatus> try_reap(int pidfd);
// "exited with code 3", "killed by SIGSEGV", "killed by SIGKILL (possibly out of memory)".
std::string describe_exit(const ExitStatus& s);
std::string signal_name(int sig);

// Closes fd, retrying nothing (close must not be retried on Linux); ignores -1.
void close_fd(int& fd);

}  // namespace poolscope
