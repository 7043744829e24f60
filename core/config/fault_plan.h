// FaultPlan: faults injected on purpose (--inject) so the Pitfalls lesson and the reliability
// tests travel the same code paths as real faults: a worker that crashes, hangs, reports an
// item error, sends a corrupt frame; the engine SIGKILLing a worker from outside; shm that
// cannot grow.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace poolscope {

struct FaultPlan {
    std::optional<uint64_t> crash_chunk;    // crash@chunk=N: the worker segfaults on chunk N
    std::optional<uint64_t> hang_chunk;     // hang@chunk=N: the worker stops answering on chunk N
    std::optional<uint64_t> error_item;     // error@item=N: item N reports an error
    std::optional<uint64_t> corrupt_chunk;  // corrupt@chunk=N: chunk N's result frame is corrupt
    std::optional<double> kill_at_s;        // kill@t=S: SIGKILL one worker S seconds into the run
    bool shm_full = false;                  // shm-full: the shared segment cannot be grown

    bool empty() const {
        return !crash_chunk && !hang_chunk && !error_item && !corrupt_chunk && !kill_at_s &&
               !shm_full;
    }
};

// Parses every --inject value; on error returns a message naming the bad value and the forms.
std::optional<std::string> parse_fault_plan(const std::vector<std::string>& specs, FaultPlan& out);

}  // namespace poolscope
