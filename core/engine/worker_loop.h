// The worker's side of the protocol: announce readiness, then take a task (from its own task
// pipe, or claimed from the shared queue), run its items, write the result, until the engine
// closes the pipe or the queue. Shared by fork and spawn workers.
#pragma once

#include <sys/types.h>

#include <cstddef>
#include <cstdint>
#include <mutex>
#include <span>
#include <vector>

#include "core/config/fault_plan.h"
#include "core/protocol/frame.h"
#include "core/workloads/workload.h"

namespace poolscope {

struct WorkerOptions {
    int index = 0;
    pid_t parent = 0;
    uint64_t max_frame = 0;
    int lib_threads = 1;
    int pin_cpu = -1;  // --pin: the core this worker is bound to
    // --transport shm: inputs and outputs of every item (inherited mapping or attached fd 5).
    std::span<std::byte> shm_inputs;
    std::span<std::byte> shm_outputs;
    // The shared task queue's board (a TaskBoard's memory): tasks are claimed there instead of
    // read from a pipe of the worker's own. nullptr for static dispatch and the threads backend.
    std::byte* board = nullptr;
    // --global-lock (threads backend): held around every item, like Python's GIL.
    std::mutex* item_lock = nullptr;
    FaultPlan faults;
};

// Where one task's inputs come from and its outputs go: the task frame and the result frame
// (pipe), or the shared segment (shm: the frames carry only the index range).
struct TaskIo {
    std::span<const std::byte> inputs;
    std::byte* outputs = nullptr;  // nullptr: outputs go inline into the result frame
};

// Runs one task's items (applying injected faults) and encodes its result frame into `out`.
void run_task(Workload& wl, const WorkerOptions& opt, const struct TaskHeader& th, const TaskIo& io,
              int64_t recv_start, int64_t recv_end, Bytes& out);

// Runs on fds kWorkerTaskFd/kWorkerResultFd; never returns (leaves with _exit).
[[noreturn]] void worker_main(Workload& workload, const WorkerOptions& opt);

// Blocking I/O for children (the engine itself never blocks on a pipe).
// read_full returns the bytes read: less than n only at EOF or on error.
std::size_t read_full(int fd, void* buf, std::size_t n);
bool write_all(int fd, const void* buf, std::size_t n);
// read_full of a frame's payload that feeds every piece to `sum` right after it is read (still
// in the cache), so checking a large task costs no second pass over it.
std::size_t read_full_summed(int fd, std::byte* buf, std::size_t n, FrameChecksum& sum);

}  // namespace poolscope
