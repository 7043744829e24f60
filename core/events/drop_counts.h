// What the event stream dropped because its reader fell behind (docs/events.md, "Drops").
#pragma once

#include <cstdint>

namespace poolscope {

struct DropCounts {
    uint64_t chunks = 0;  // chunk records, or chunks counted in dropped buckets
    uint64_t samples = 0;
    uint64_t progress = 0;
    uint64_t events = 0;  // lines: every dropped chunks, chunk_buckets, sample, progress event

    bool any() const { return events != 0; }
    bool operator==(const DropCounts&) const = default;
};

}  // namespace poolscope
