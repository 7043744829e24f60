#include "core/events/chunk_buckets.h"

namespace poolscope {
namespace {

constexpr int kMaxCachedWorkers = 4096;

int64_t bucket_stamp(const ChunkRecord& c) {
    if (c.compute_end_ns != 0) return c.compute_end_ns;
    if (c.received_ns != 0) return c.received_ns;
    return c.dispatch_ns;
}

// Floor division: stamps before the origin (a run started before the stream) stay aligned.
int64_t floor_div(int64_t a, int64_t b) {
    const int64_t q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

}  // namespace

ChunkBucketTable::ChunkBucketTable(int64_t origin_ns, int64_t width_ns)
    : origin_ns_(origin_ns), width_ns_(width_ns > 0 ? width_ns : 1) {}

int64_t ChunkBucketTable::bucket_start(int64_t stamp) const {
    if (stamp == 0) return origin_ns_;
    return origin_ns_ + floor_div(stamp - origin_ns_, width_ns_) * width_ns_;
}

void ChunkBucketTable::add(const ChunkRecord& c) {
    const int64_t stamp = bucket_stamp(c);
    const bool indexed = c.worker >= 0 && c.worker < kMaxCachedWorkers;
    const auto slot = static_cast<std::size_t>(indexed ? c.worker : 0);
    ChunkBucket* cached = indexed && slot < last_.size() ? last_[slot] : nullptr;
    // The worker's last bucket covers this stamp: no division, no lookup (the usual case).
    const bool hit =
        cached && stamp != 0 && stamp >= cached->start_ns && stamp - cached->start_ns < width_ns_;
    const int64_t start = hit ? cached->start_ns : bucket_start(stamp);
    if (!cached || cached->start_ns != start) {
        cached = &buckets_[{c.worker, start}];
        if (indexed) {
            if (slot >= last_.size()) last_.resize(slot + 1, nullptr);
            last_[slot] = cached;
        }
    }
    ChunkBucket& b = *cached;
    b.worker = c.worker;
    b.start_ns = start;
    b.width_ns = width_ns_;
    b.chunks += 1;
    b.items += c.count;
    b.failed_items += c.failed_items;
    if (c.compute_start_ns != 0 && c.compute_end_ns >= c.compute_start_ns) {
        b.busy_s += static_cast<double>(c.compute_end_ns - c.compute_start_ns) / 1e9;
    }
}

void ChunkBucketTable::merge(const ChunkBucket& in) {
    ChunkBucket& b = buckets_[{in.worker, in.start_ns}];
    b.worker = in.worker;
    b.start_ns = in.start_ns;
    b.width_ns = in.width_ns;
    b.chunks += in.chunks;
    b.items += in.items;
    b.failed_items += in.failed_items;
    b.busy_s += in.busy_s;
}

std::vector<ChunkBucket> ChunkBucketTable::snapshot() const {
    std::vector<ChunkBucket> out;
    out.reserve(buckets_.size());
    for (const auto& [key, b] : buckets_) out.push_back(b);
    return out;
}

std::vector<ChunkBucket> ChunkBucketTable::take() {
    std::vector<ChunkBucket> out = snapshot();
    buckets_.clear();
    last_.clear();
    return out;
}

}  // namespace poolscope
