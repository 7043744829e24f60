// How the items of a run are cut into chunks: ceil(n / chunksize) chunks in index order for the
// queue-based dispatches, one contiguous block per worker for `static`.
#pragma once

#include <cstdint>
#include <vector>

#include "core/config/run_config.h"

namespace poolscope {

struct ChunkSpec {
    uint64_t first = 0;
    uint64_t count = 0;
    int worker = -1;  // fixed owner (static dispatch), -1 = whoever asks first
};

// static: min(workers, n) blocks whose sizes differ by at most one item.
std::vector<ChunkSpec> plan_chunks(uint64_t n, uint64_t chunksize, Dispatch dispatch, int workers);

// The number of chunks plan_chunks would return, without building them.
uint64_t planned_chunk_count(uint64_t n, uint64_t chunksize, Dispatch dispatch, int workers);

}  // namespace poolscope
