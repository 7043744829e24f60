// A process's children as /proc lists them, and which of a Python driver's children are
// multiprocessing's own helpers (the forkserver, the resource tracker): processes a Python run
// pays for that are neither the driver nor a pool worker, sampled under their own role.
#pragma once

#include <sys/types.h>

#include <string>
#include <string_view>
#include <vector>

namespace poolscope {

// The children of every thread of pid, from PROC_ROOT/PID/task/*/children (Linux ≥ 3.5); empty
// when the files cannot be read.
std::vector<pid_t> child_pids(pid_t pid, const std::string& proc_root = "/proc");

// "forkserver" or "resource_tracker" when the command line (NUL-separated, as in
// /proc/PID/cmdline) runs multiprocessing's forkserver or resource tracker; "" otherwise.
std::string python_helper_role(std::string_view cmdline);

}  // namespace poolscope
