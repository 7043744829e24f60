// The worst case for per-chunk costs the overhead benchmarks share: `square` (near no-op tasks)
// at chunksize 1, fork, pipe, a cold pool.
#pragma once

#include <cstdint>

#include "core/config/run_config.h"

namespace poolscope::bench {

inline RunConfig square_chunk_per_task(uint64_t tasks, int workers, int sample_ms, bool pin) {
    RunConfig cfg;
    cfg.pin = pin;
    cfg.workload = "square";
    cfg.size = tasks;
    cfg.workers = workers;
    cfg.chunksize = 1;
    cfg.start = StartMethod::Fork;
    cfg.transport = Transport::Pipe;
    cfg.pool = PoolLifetime::Cold;
    cfg.sample_ms = sample_ms;
    return cfg;
}

}  // namespace poolscope::bench
