// Test support for the settings tests: what /proc says about a live process (its executable,
// its threads, the CPUs it may run on), read while the engine still runs it.
#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

namespace poolscope::test {

// readlink /proc/PID/exe ("" when it cannot be read).
std::string exe_of(pid_t pid);
// realpath(path), or path itself when it cannot be resolved.
std::string real_path(const std::string& path);
// Entries of /proc/PID/task: the process's threads (-1 when it cannot be read).
int task_count_of(pid_t pid);
// Cpus_allowed_list of /proc/PID/status, expanded ("0-2,5" -> 0 1 2 5); empty when unreadable.
std::vector<int> cpus_allowed_of(pid_t pid);
// Parses a kernel CPU list such as "0-2,5".
std::vector<int> parse_cpu_list(const std::string& text);
// The CPUs the calling process may run on (sched_getaffinity), ascending.
std::vector<int> own_affinity();

}  // namespace poolscope::test
