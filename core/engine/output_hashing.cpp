#include "core/engine/output_hashing.h"

#include "core/workloads/workload.h"

namespace poolscope {

std::optional<HashedOutputs> hash_chunk_outputs(uint64_t first, uint64_t count,
                                                std::span<const std::byte> outputs,
                                                uint64_t output_bytes,
                                                const std::vector<ItemFailure>& failures) {
    std::vector<bool> failed(count, false);
    for (const auto& f : failures) {
        if (f.item < first || f.item >= first + count) return std::nullopt;
        failed[f.item - first] = true;
    }
    HashedOutputs h;
    for (uint64_t i = 0; i < count; ++i) {
        if (failed[i]) continue;
        h.checksum += item_hash(first + i, outputs.subspan(i * output_bytes, output_bytes));
        ++h.items;
    }
    return h;
}

}  // namespace poolscope
