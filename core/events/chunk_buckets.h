// Per-worker time buckets of finished chunks: what the event stream sends instead of one record
// per chunk once a run passes its chunk-detail cap, so a run of a million tiny tasks stays a
// stream of a few kilobytes per second (docs/events.md, "Aggregation").
#pragma once

#include <cstdint>
#include <map>
#include <utility>
#include <vector>

#include "core/engine/run_result.h"

namespace poolscope {

struct ChunkBucket {
    int worker = -1;
    int64_t start_ns = 0;  // CLOCK_MONOTONIC start of the bucket's time span
    int64_t width_ns = 0;
    uint64_t chunks = 0;
    uint64_t items = 0;
    uint64_t failed_items = 0;
    double busy_s = 0;  // sum of compute_end - compute_start over the chunks

    bool operator==(const ChunkBucket&) const = default;
};

// Collects chunks into buckets keyed by worker and by the bucket their compute_end falls in
// (received, then dispatch, when the worker's stamps are missing). Buckets are aligned on
// origin_ns + k·width_ns, so the same bucket sent in two batches can be added up by a reader.
class ChunkBucketTable {
  public:
    ChunkBucketTable(int64_t origin_ns, int64_t width_ns);

    void add(const ChunkRecord& c);
    // Adds a bucket as a reader got it (merging with one of the same worker and start).
    void merge(const ChunkBucket& b);
    bool empty() const { return buckets_.empty(); }
    // The buckets in (worker, start) order; take() leaves the table empty.
    std::vector<ChunkBucket> snapshot() const;
    std::vector<ChunkBucket> take();
    int64_t width_ns() const { return width_ns_; }

  private:
    int64_t bucket_start(int64_t stamp) const;

    int64_t origin_ns_;
    int64_t width_ns_;
    std::map<std::pair<int, int64_t>, ChunkBucket> buckets_;
    // Per worker index, the bucket its last chunk went to: consecutive chunks of a worker
    // almost always share one, so most adds skip the map lookup. Cleared with the map.
    std::vector<ChunkBucket*> last_;
};

}  // namespace poolscope
