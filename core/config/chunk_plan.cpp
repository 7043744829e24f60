#include "core/config/chunk_plan.h"

#include <algorithm>

namespace poolscope {

uint64_t planned_chunk_count(uint64_t n, uint64_t chunksize, Dispatch dispatch, int workers) {
    if (n == 0) return 0;
    if (dispatch == Dispatch::Static) return std::min<uint64_t>(n, static_cast<uint64_t>(workers));
    return n / chunksize + (n % chunksize != 0);
}

std::vector<ChunkSpec> plan_chunks(uint64_t n, uint64_t chunksize, Dispatch dispatch, int workers) {
    std::vector<ChunkSpec> chunks;
    const uint64_t k = planned_chunk_count(n, chunksize, dispatch, workers);
    chunks.reserve(k);
    if (dispatch == Dispatch::Static) {
        for (uint64_t i = 0; i < k; ++i) {
            // i*n/k without overflow for n up to 1e9 and k up to 1024.
            const uint64_t a = i * n / k, b = (i + 1) * n / k;
            chunks.push_back({a, b - a, static_cast<int>(i)});
        }
        return chunks;
    }
    for (uint64_t first = 0; first < n; first += chunksize)
        chunks.push_back({first, std::min(chunksize, n - first), -1});
    return chunks;
}

}  // namespace poolscope
