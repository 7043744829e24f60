// Accepting one chunk's outputs: every finished item's output is hashed with its index into
// the run's order-independent checksum; failed items are left out. Shared by the pool and the
// threads backend so both count exactly the same way.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "core/protocol/messages.h"

namespace poolscope {

struct HashedOutputs {
    uint64_t checksum = 0;  // sum of item hashes mod 2^64
    uint64_t items = 0;     // items it covers
};

// nullopt when a failure names an item outside [first, first + count).
std::optional<HashedOutputs> hash_chunk_outputs(uint64_t first, uint64_t count,
                                                std::span<const std::byte> outputs,
                                                uint64_t output_bytes,
                                                const std::vector<ItemFailure>& failures);

}  // namespace poolscope
