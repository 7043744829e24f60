// The column-wise "chunks" and "chunk_buckets" lines: every stamp and duration comes back to the
// nanosecond, the numbers are the same doubles a JSON writer would produce for ns / 1e9, and
// they are plain decimals a person can read.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <regex>
#include <vector>

#include "core/events/chunk_batch.h"
#include "core/text/json_units.h"

namespace poolscope {
namespace {

constexpr int64_t kOrigin = 5'000'000'000'000;  // about 83 minutes after boot

// Offsets from the origin that stress the decimal: whole seconds, single nanoseconds, trailing
// zeros, negatives (stamps before the stream began) and the largest exact range.
const std::vector<int64_t> kOffsets = {1,
                                       9,
                                       10,
                                       999'999'999,
                                       1'000'000'000,
                                       1'000'000'001,
                                       1'500'000'000,
                                       123'456'789,
                                       120'000'000'000,
                                       987'654'321'012,
                                       -1,
                                       -999'999'999,
                                       -1'000'000'000,
                                       -3'250'000'007,
                                       (int64_t{1} << 50) - 1,
                                       -((int64_t{1} << 50) - 1)};

ChunkRecord record(int64_t offset, uint64_t id) {
    ChunkRecord c;
    c.id = id;
    c.first = id * 3;
    c.count = 3;
    c.worker = static_cast<int>(id % 4);
    c.dispatch_ns = kOrigin + offset;
    c.recv_start_ns = kOrigin + offset + 1;
    c.recv_end_ns = kOrigin + offset + 10;
    c.compute_start_ns = kOrigin + offset + 100;
    c.compute_end_ns = kOrigin + offset + 1'000'000'000;
    c.ser_end_ns = 0;  // a stamp the worker never sent
    c.received_ns = kOrigin + offset + 1'234'567'891;
    c.bytes_in = 68;
    c.bytes_out = 100;
    c.engine_ser_ns = offset < 0 ? -offset : offset;
    c.engine_deser_ns = 7;
    c.failed_items = id % 2;
    c.ok = id % 3 != 0;
    return c;
}

TEST(ChunkBatch, StampsAndDurationsComeBackToTheNanosecond) {
    std::vector<ChunkRecord> chunks;
    for (std::size_t i = 0; i < kOffsets.size(); ++i) chunks.push_back(record(kOffsets[i], i));
    const std::string line = chunks_event_line("7", kOrigin + 5, chunks, kOrigin);
    const auto back = chunks_from_event(nlohmann::json::parse(line), kOrigin);
    ASSERT_EQ(back.size(), chunks.size());
    for (std::size_t i = 0; i < chunks.size(); ++i)
        EXPECT_EQ(back[i], chunks[i]) << "offset " << kOffsets[i];
}

TEST(ChunkBatch, NumbersAreTheDoublesOfNsOverOneBillionInPlainDecimal) {
    for (const int64_t offset : kOffsets) {
        ChunkRecord c = record(offset, 1);
        const std::string line = chunks_event_line("1", kOrigin, {&c, 1}, kOrigin);
        EXPECT_FALSE(std::regex_search(line, std::regex("[0-9][eE][-+]?[0-9]")))
            << "an exponent in " << line;
        const auto j = nlohmann::json::parse(line);
        EXPECT_EQ(j.at("dispatch")[0].get<double>(), ns_to_seconds(offset)) << offset;
        EXPECT_EQ(j.at("compute_end")[0].get<double>(), ns_to_seconds(offset + 1'000'000'000));
        EXPECT_TRUE(j.at("ser_end")[0].is_null());
    }
    ChunkRecord c = record(1'500'000'000, 1);
    const std::string line = chunks_event_line("1", kOrigin, {&c, 1}, kOrigin);
    EXPECT_NE(line.find("\"dispatch\":[1.5]"), std::string::npos) << line;
    c.dispatch_ns = kOrigin + 2'000'000'000;
    c.engine_ser_ns = 1'000;
    const std::string whole = chunks_event_line("1", kOrigin, {&c, 1}, kOrigin);
    EXPECT_NE(whole.find("\"dispatch\":[2]"), std::string::npos) << whole;
    EXPECT_NE(whole.find(":[0.000001]"), std::string::npos) << whole;
}

TEST(ChunkBatch, BucketStartsBeforeAndAfterTheOriginComeBack) {
    std::vector<ChunkBucket> buckets;
    for (const int64_t start :
         {int64_t{-200'000'000}, int64_t{0}, int64_t{100'000'000}, int64_t{3'600'000'000'000}}) {
        ChunkBucket b;
        b.worker = 1;
        b.start_ns = kOrigin + start;
        b.width_ns = 100'000'000;
        b.chunks = 10;
        b.items = 30;
        b.busy_s = 0.012345;
        buckets.push_back(b);
    }
    const std::string line = buckets_event_line("2", kOrigin, buckets, 100'000'000, kOrigin);
    EXPECT_EQ(buckets_from_event(nlohmann::json::parse(line), kOrigin), buckets);
}

}  // namespace
}  // namespace poolscope
