// The frame checksum and the item hash: fixed values (a change would break the wire format or
// every recorded run checksum), the same value however a payload arrives in pieces, and every
// kind of damage to a large frame caught — whether the decoder checks it as it arrives or at
// once, and whether a worker sums a task as it reads it or afterwards.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstring>
#include <thread>

#include "core/engine/worker_loop.h"
#include "core/protocol/frame.h"
#include "core/workloads/workload.h"

using namespace poolscope;

namespace {

Bytes pattern(std::size_t n) {
    Bytes b(n);
    for (std::size_t i = 0; i < n; ++i) b[i] = std::byte(static_cast<uint8_t>(i * 131 + 7));
    return b;
}

uint64_t summed_in_pieces(FrameType type, const Bytes& payload, std::size_t piece) {
    FrameChecksum sum(type, payload.size());
    for (std::size_t at = 0; at < payload.size(); at += piece)
        sum.update({payload.data() + at, std::min(piece, payload.size() - at)});
    return sum.finish();
}

// Feeds `wire` to a decoder in pieces of `piece` bytes through write_space/commit, as a pipe
// reader does; returns the status of the first next() that is not NeedMore.
FrameDecoder::Status decode_in_pieces(const Bytes& wire, std::size_t piece, Frame& f,
                                      FrameDecoder& d) {
    for (std::size_t at = 0; at < wire.size(); at += piece) {
        const std::size_t n = std::min(piece, wire.size() - at);
        auto space = d.write_space(n);
        std::memcpy(space.data(), wire.data() + at, n);
        d.commit(n);
        const auto s = d.next(f);
        if (s != FrameDecoder::Status::NeedMore) return s;
    }
    return FrameDecoder::Status::NeedMore;
}

}  // namespace

TEST(FrameChecksum, KnownValuesDoNotDrift) {
    const Bytes b = pattern(100000);
    const std::pair<std::size_t, uint64_t> task[] = {
        {0, 0xd9265bdf51823b49ULL},     {1, 0x58ee3326451357f7ULL},  {31, 0x22b56da7af6c126eULL},
        {32, 0xb6eb51344651c07dULL},    {33, 0x5a1a7349efd43c41ULL}, {100, 0x461a1727bf508a50ULL},
        {100000, 0x2da9e812f9837ca6ULL}};
    for (const auto& [n, want] : task)
        EXPECT_EQ(frame_checksum(FrameType::Task, {b.data(), n}), want) << n << " bytes";
    EXPECT_EQ(frame_checksum(FrameType::Result, {b.data(), 100}), 0x7d34a5636f9f1ad9ULL);
}

TEST(FrameChecksum, ItemHashKnownValuesDoNotDrift) {
    const Bytes b = pattern(100000);
    const std::pair<std::size_t, uint64_t> cases[] = {
        {0, 0x0aa785e55582d783ULL},     {8, 0x3f3a5e8bdce79875ULL},  {16, 0xa6fdade3e46d1b8eULL},
        {17, 0x2167037490ce84bbULL},    {32, 0xbc38729ed23f0e4fULL}, {100, 0x3a9c4de636c75a5bULL},
        {100000, 0x0f614aa246fee03dULL}};
    for (const auto& [n, want] : cases) EXPECT_EQ(item_hash(5, {b.data(), n}), want) << n;
}

TEST(FrameChecksum, AnyCutGivesTheOneShotValue) {
    for (std::size_t n : {0u, 1u, 31u, 32u, 33u, 95u, 1000u, 100003u}) {
        const Bytes p = pattern(n);
        const uint64_t whole = frame_checksum(FrameType::Result, p);
        for (std::size_t piece : {1u, 3u, 7u, 31u, 32u, 33u, 4096u, 65537u})
            EXPECT_EQ(summed_in_pieces(FrameType::Result, p, piece), whole)
                << n << " bytes in pieces of " << piece;
    }
}

TEST(FrameChecksum, TypeAndLengthAreCovered) {
    const Bytes p = pattern(64);
    EXPECT_NE(frame_checksum(FrameType::Task, p), frame_checksum(FrameType::Result, p));
    Bytes longer = p;
    longer.push_back(std::byte{0});  // a zero byte more: the lanes alone would not tell
    EXPECT_NE(frame_checksum(FrameType::Task, p), frame_checksum(FrameType::Task, longer));
}

// A bit flipped anywhere in an 8 MB payload — first byte, last byte, inside a 32-byte block
// cut between two reads, in the carried tail — fails the frame, read in 1 MiB pieces (the
// decoder sums as it reads) or fed whole.
TEST(FrameChecksum, AFlippedBitAnywhereInALargeFrameIsCaught) {
    const std::size_t n = 8'000'003;
    Bytes wire;
    append_frame(wire, FrameType::Result, pattern(n));
    const std::size_t positions[] = {
        0, 1, 31, 32, 65535, 65536, 1 << 20, (1 << 20) - 1, n / 2, n - 33, n - 3, n - 1};
    for (std::size_t piece : {std::size_t{1} << 20, wire.size(), std::size_t{65536 + 7}}) {
        {
            FrameDecoder d(16 << 20);
            Frame f;
            ASSERT_EQ(decode_in_pieces(wire, piece, f, d), FrameDecoder::Status::Ready) << piece;
            EXPECT_EQ(f.payload.size(), n);
        }
        for (std::size_t at : positions) {
            for (int bit : {0, 7}) {
                Bytes bad = wire;
                bad[kFrameHeaderSize + at] ^= std::byte(static_cast<uint8_t>(1u << bit));
                FrameDecoder d(16 << 20);
                Frame f;
                ASSERT_EQ(decode_in_pieces(bad, piece, f, d), FrameDecoder::Status::Error)
                    << "bit " << bit << " of byte " << at << ", pieces of " << piece;
                EXPECT_EQ(d.error(), "frame checksum mismatch");
            }
        }
    }
}

TEST(FrameChecksum, ADecoderKeepsCheckingAcrossCompactionAndFollowingFrames) {
    // A small frame, then a large one that arrives in pieces behind it, then another small one:
    // the small frame is taken first, the buffer compacts, and the large one's running sum
    // must still line up with its payload.
    Bytes wire;
    append_frame(wire, FrameType::Ready, pattern(24));
    append_frame(wire, FrameType::Result, pattern(300'001));
    append_frame(wire, FrameType::Result, pattern(10));
    FrameDecoder d(1 << 20);
    std::vector<std::size_t> sizes;
    Frame f;
    for (std::size_t at = 0; at < wire.size(); at += 4099) {
        const std::size_t k = std::min<std::size_t>(4099, wire.size() - at);
        auto space = d.write_space(k);
        std::memcpy(space.data(), wire.data() + at, k);
        d.commit(k);
        for (FrameDecoder::Status s; (s = d.next(f)) != FrameDecoder::Status::NeedMore;) {
            ASSERT_EQ(s, FrameDecoder::Status::Ready) << d.error();
            sizes.push_back(f.payload.size());
        }
    }
    EXPECT_EQ(sizes, (std::vector<std::size_t>{24, 300'001, 10}));
    EXPECT_EQ(d.pending(), 0u);
}

TEST(FrameChecksum, ATruncatedLargeFrameIsNeverReady) {
    Bytes wire;
    append_frame(wire, FrameType::Task, pattern(200'000));
    wire.resize(wire.size() - 1);
    FrameDecoder d(1 << 20);
    Frame f;
    EXPECT_EQ(decode_in_pieces(wire, 65536, f, d), FrameDecoder::Status::NeedMore);
    EXPECT_EQ(d.pending(), wire.size());
}

// The worker's read of a task payload: the sum it takes while reading equals the one-shot sum,
// whatever sizes the pipe hands out.
TEST(FrameChecksum, ReadFullSummedMatchesTheWholePayload) {
    const Bytes payload = pattern(3'000'017);
    int p[2];
    ASSERT_EQ(pipe(p), 0);
    std::thread writer([&] {
        for (std::size_t at = 0; at < payload.size(); at += 70001)
            ASSERT_TRUE(write_all(p[1], payload.data() + at,
                                  std::min<std::size_t>(70001, payload.size() - at)));
        close(p[1]);
    });
    Bytes got(payload.size());
    FrameChecksum sum(FrameType::Task, payload.size());
    EXPECT_EQ(read_full_summed(p[0], got.data(), got.size(), sum), payload.size());
    writer.join();
    close(p[0]);
    EXPECT_EQ(got, payload);
    EXPECT_EQ(sum.finish(), frame_checksum(FrameType::Task, payload));
}

// A task written as its headers plus the inputs where they lie (writev) is the same frame, byte
// for byte, as one encoded whole.
TEST(FrameChecksum, AFrameSealedAroundAnOutsideTailEqualsTheWholeFrame) {
    const Bytes head = pattern(36), tail = pattern(200'003);
    Bytes whole;
    const std::size_t at = begin_frame(whole, FrameType::Task);
    put_bytes(whole, head);
    put_bytes(whole, tail);
    end_frame(whole, at);
    Bytes split;
    const std::size_t at2 = begin_frame(split, FrameType::Task);
    put_bytes(split, head);
    end_frame_with(split, at2, tail);
    put_bytes(split, tail);  // what writev sends after the headers
    EXPECT_EQ(split, whole);
    FrameDecoder d(1 << 20);
    d.feed(split);
    Frame f;
    ASSERT_EQ(d.next(f), FrameDecoder::Status::Ready);
    EXPECT_EQ(f.payload.size(), head.size() + tail.size());
}
