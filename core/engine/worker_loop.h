// The worker's side of the protocol: announce readiness, then read a task, run its items,
// write the result, until the engine closes the task pipe. Shared by fork and spawn workers.
#pragma once

#include <sys/types.h>

#include <cstdint>

#include "core/engine/fault_plan.h"
#include "core/workloads/workload.h"

namespace poolscope {

struct WorkerOptions {
    int index = 0;
    pid_t parent = 0;
    uint64_t max_frame = 0;
    int lib_threads = 1;
    FaultPlan faults;
};

// Runs on fds kWorkerTaskFd/kWorkerResultFd; never returns (leaves with _exit).
[[noreturn]] void worker_main(Workload& workload, const WorkerOptions& opt);

// Blocking I/O for children (the engine itself never blocks on a pipe).
// read_full returns the bytes read: less than n only at EOF or on error.
std::size_t read_full(int fd, void* buf, std::size_t n);
bool write_all(int fd, const void* buf, std::size_t n);

}  // namespace poolscope
