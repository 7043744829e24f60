// fork() for a process that has signal handlers of its own (the engine's stop sources): every
// signal is blocked across the fork, and the child resets the handlers (SIGINT ignored,
// SIGTERM and SIGPIPE default) before it unblocks, so a signal meant for the new child never
// runs the parent's handler in the child's copy of the parent.
#pragma once

#include <sys/types.h>

namespace poolscope {

pid_t fork_child();

}  // namespace poolscope
