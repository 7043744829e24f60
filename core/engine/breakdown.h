// Where the worker-seconds of a run went. Each worker's timeline [t0, t_end] is cut into
// disjoint intervals: start-up [t0, ready], per chunk transfer (reading the task, handing the
// result back), serialization (decode, encode), compute, and teardown [last result, t_end];
// idle is the remainder, so the parts sum to W·wall exactly.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "core/engine/run_result.h"

namespace poolscope {

struct TimelineBounds {
    int64_t t0 = 0;             // start of the timed region
    int64_t t_end = 0;          // end of the timed region
    int64_t t_last = 0;         // last result received (start of teardown)
    bool count_startup = true;  // warm pools: start-up happened before t0
};

// The moment worker `w` finished handing back chunk c: the engine's receive stamp, clipped to
// the worker's next task start (it cannot read the next task before its write returned).
int64_t send_end_ns(const ChunkRecord& c, int64_t next_recv_start_ns);

Breakdown compute_breakdown(std::span<const ChunkRecord> chunks,
                            const std::vector<WorkerRecord>& workers, const TimelineBounds& b);

}  // namespace poolscope
