// ChunkBucketTable, the per-worker time buckets an aggregated event stream carries: every chunk
// counted once in the bucket of its worker and its stamp, whatever order the chunks come in,
// across take() (one batch after another) and for any worker index.
#include <gtest/gtest.h>

#include <map>
#include <random>
#include <utility>
#include <vector>

#include "core/events/chunk_buckets.h"

namespace poolscope {
namespace {

constexpr int64_t kOrigin = 1'000'000'000;
constexpr int64_t kWidth = 50'000'000;  // 50 ms

ChunkRecord chunk(int worker, int64_t compute_end_ns, uint64_t count = 1, uint64_t failed = 0) {
    ChunkRecord c;
    c.worker = worker;
    c.count = count;
    c.failed_items = failed;
    c.compute_start_ns = compute_end_ns - 1000;
    c.compute_end_ns = compute_end_ns;
    return c;
}

using Key = std::pair<int, int64_t>;

std::map<Key, ChunkBucket> by_key(const std::vector<ChunkBucket>& buckets) {
    std::map<Key, ChunkBucket> out;
    for (const ChunkBucket& b : buckets) {
        EXPECT_TRUE(out.emplace(Key{b.worker, b.start_ns}, b).second)
            << "two buckets for worker " << b.worker << " at " << b.start_ns;
    }
    return out;
}

TEST(ChunkBuckets, InterleavedWorkersCrossingBucketsAreEachCountedOnce) {
    // Three workers whose chunks arrive interleaved and out of order, spread over 20 buckets:
    // the table must agree with counting each chunk straight into its (worker, bucket).
    ChunkBucketTable table(kOrigin, kWidth);
    std::map<Key, uint64_t> expected_chunks, expected_items;
    std::mt19937_64 rng(7);
    for (int i = 0; i < 5000; ++i) {
        const int worker = static_cast<int>(rng() % 3);
        const int64_t end = kOrigin + static_cast<int64_t>(rng() % (20 * kWidth));
        const uint64_t count = 1 + rng() % 4;
        table.add(chunk(worker, end, count));
        const Key key{worker, kOrigin + (end - kOrigin) / kWidth * kWidth};
        expected_chunks[key] += 1;
        expected_items[key] += count;
    }
    const auto got = by_key(table.snapshot());
    ASSERT_EQ(got.size(), expected_chunks.size());
    for (const auto& [key, chunks] : expected_chunks) {
        const auto it = got.find(key);
        ASSERT_NE(it, got.end()) << "no bucket for worker " << key.first << " at " << key.second;
        EXPECT_EQ(it->second.chunks, chunks);
        EXPECT_EQ(it->second.items, expected_items[key]);
        EXPECT_EQ(it->second.width_ns, kWidth);
    }
}

TEST(ChunkBuckets, TakeEmptiesTheTableAndLaterChunksStartFreshBuckets) {
    ChunkBucketTable table(kOrigin, kWidth);
    table.add(chunk(0, kOrigin + 10));
    table.add(chunk(0, kOrigin + 20));
    const auto first = table.take();
    ASSERT_EQ(first.size(), 1u);
    EXPECT_EQ(first[0].chunks, 2u);
    EXPECT_TRUE(table.empty());
    // The same worker and bucket again: a new bucket holding only what came after take().
    table.add(chunk(0, kOrigin + 30, 5));
    const auto second = table.take();
    ASSERT_EQ(second.size(), 1u);
    EXPECT_EQ(second[0].chunks, 1u);
    EXPECT_EQ(second[0].items, 5u);
    EXPECT_EQ(second[0].start_ns, kOrigin);
}

TEST(ChunkBuckets, BucketsAlignOnTheOriginAlsoBeforeIt) {
    ChunkBucketTable table(kOrigin, kWidth);
    table.add(chunk(1, kOrigin - 1));           // just before the origin: the bucket before
    table.add(chunk(1, kOrigin + kWidth));      // exactly on a boundary: that bucket
    table.add(chunk(1, kOrigin + kWidth - 1));  // just before it: the first bucket
    const auto got = by_key(table.snapshot());
    ASSERT_EQ(got.size(), 3u);
    EXPECT_EQ(got.count({1, kOrigin - kWidth}), 1u);
    EXPECT_EQ(got.count({1, kOrigin}), 1u);
    EXPECT_EQ(got.count({1, kOrigin + kWidth}), 1u);
}

TEST(ChunkBuckets, AWorkersNextChunkLeavesItsBucketExactlyAtTheBoundary) {
    // One worker's chunks in time order: the first and last nanosecond of a bucket share it,
    // the next nanosecond starts the next one.
    ChunkBucketTable table(kOrigin, kWidth);
    table.add(chunk(0, kOrigin));
    table.add(chunk(0, kOrigin + kWidth - 1));
    table.add(chunk(0, kOrigin + kWidth));
    table.add(chunk(0, kOrigin + 2 * kWidth - 1));
    table.add(chunk(0, kOrigin + 2 * kWidth));
    const auto got = by_key(table.snapshot());
    ASSERT_EQ(got.size(), 3u);
    EXPECT_EQ(got.at({0, kOrigin}).chunks, 2u);
    EXPECT_EQ(got.at({0, kOrigin + kWidth}).chunks, 2u);
    EXPECT_EQ(got.at({0, kOrigin + 2 * kWidth}).chunks, 1u);
}

TEST(ChunkBuckets, AnyWorkerIndexIsBucketed) {
    ChunkBucketTable table(kOrigin, kWidth);
    for (const int worker : {-1, 0, 5000, 1 << 30}) {
        table.add(chunk(worker, kOrigin + 1));
        table.add(chunk(worker, kOrigin + 2));
    }
    const auto got = by_key(table.snapshot());
    ASSERT_EQ(got.size(), 4u);
    for (const auto& [key, b] : got) EXPECT_EQ(b.chunks, 2u) << "worker " << key.first;
}

TEST(ChunkBuckets, BusyTimeAndFailuresAddUp) {
    ChunkBucketTable table(kOrigin, kWidth);
    table.add(chunk(0, kOrigin + 5'000'000, 3, 1));
    table.add(chunk(0, kOrigin + 6'000'000, 2, 2));
    ChunkRecord unstamped;  // no worker stamps: bucketed by when the engine received it
    unstamped.worker = 0;
    unstamped.count = 1;
    unstamped.received_ns = kOrigin + 7'000'000;
    table.add(unstamped);
    const auto got = table.snapshot();
    ASSERT_EQ(got.size(), 1u);
    EXPECT_EQ(got[0].chunks, 3u);
    EXPECT_EQ(got[0].items, 6u);
    EXPECT_EQ(got[0].failed_items, 3u);
    EXPECT_DOUBLE_EQ(got[0].busy_s, 2e-6);
}

TEST(ChunkBuckets, MergedBucketsJoinTheOnesAddedChunkByChunk) {
    ChunkBucketTable table(kOrigin, kWidth);
    table.add(chunk(2, kOrigin + 1));
    ChunkBucket from_reader;
    from_reader.worker = 2;
    from_reader.start_ns = kOrigin;
    from_reader.width_ns = kWidth;
    from_reader.chunks = 4;
    from_reader.items = 40;
    table.merge(from_reader);
    table.add(chunk(2, kOrigin + 2));
    const auto got = table.snapshot();
    ASSERT_EQ(got.size(), 1u);
    EXPECT_EQ(got[0].chunks, 6u);
    EXPECT_EQ(got[0].items, 42u);
}

}  // namespace
}  // namespace poolscope
