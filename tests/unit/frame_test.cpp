// The worker protocol's frames: round trips, byte-by-byte arrival, and every kind of damage
// must end in NeedMore or a protocol error — never a crash, never a wrong frame.
#include <gtest/gtest.h>

#include <cstring>

#include "core/protocol/frame.h"
#include "core/protocol/messages.h"

using namespace poolscope;

namespace {

Bytes payload_of(std::size_t n, uint8_t seed) {
    Bytes b(n);
    for (std::size_t i = 0; i < n; ++i) b[i] = std::byte(static_cast<uint8_t>(seed + i * 7));
    return b;
}

}  // namespace

TEST(Frame, SeveralFramesInOneBufferDecodeInOrder) {
    Bytes wire;
    append_frame(wire, FrameType::Task, payload_of(10, 1));
    append_frame(wire, FrameType::Result, payload_of(0, 2));
    append_frame(wire, FrameType::Ready, payload_of(100000, 3));
    FrameDecoder d(1 << 20);
    d.feed(wire);
    Frame f;
    ASSERT_EQ(d.next(f), FrameDecoder::Status::Ready);
    EXPECT_EQ(f.type, FrameType::Task);
    EXPECT_TRUE(std::equal(f.payload.begin(), f.payload.end(), payload_of(10, 1).begin()));
    ASSERT_EQ(d.next(f), FrameDecoder::Status::Ready);
    EXPECT_EQ(f.type, FrameType::Result);
    EXPECT_EQ(f.payload.size(), 0u);
    ASSERT_EQ(d.next(f), FrameDecoder::Status::Ready);
    EXPECT_EQ(f.payload.size(), 100000u);
    EXPECT_EQ(d.next(f), FrameDecoder::Status::NeedMore);
    EXPECT_EQ(d.pending(), 0u);
}

TEST(Frame, ByteByByteArrivalNeverYieldsAPartialFrame) {
    Bytes wire;
    append_frame(wire, FrameType::Result, payload_of(300, 9));
    FrameDecoder d(1 << 20);
    Frame f;
    for (std::size_t i = 0; i + 1 < wire.size(); ++i) {
        d.feed({&wire[i], 1});
        ASSERT_EQ(d.next(f), FrameDecoder::Status::NeedMore) << "after byte " << i;
    }
    d.feed({&wire.back(), 1});
    ASSERT_EQ(d.next(f), FrameDecoder::Status::Ready);
    EXPECT_EQ(f.payload.size(), 300u);
}

TEST(Frame, CorruptPayloadIsAChecksumError) {
    Bytes wire;
    append_frame(wire, FrameType::Task, payload_of(64, 4));
    wire[kFrameHeaderSize + 5] ^= std::byte{1};
    FrameDecoder d(1 << 20);
    d.feed(wire);
    Frame f;
    EXPECT_EQ(d.next(f), FrameDecoder::Status::Error);
    EXPECT_NE(d.error().find("checksum"), std::string::npos);
    EXPECT_EQ(d.next(f), FrameDecoder::Status::Error) << "a failed decoder stays failed";
}

TEST(Frame, BadMagicVersionTypeAndOversizeAreRefusedFromTheHeaderAlone) {
    struct Case {
        std::size_t offset;
        uint8_t value;
        const char* expect;
    } cases[] = {{0, 0x00, "magic"}, {4, 0x07, "version"}, {6, 0x09, "type"}, {15, 0x01, "limit"}};
    for (const auto& c : cases) {
        Bytes wire;
        append_frame(wire, FrameType::Task, payload_of(8, 5));
        wire[c.offset] = std::byte{c.value};
        FrameDecoder d(1 << 20);
        d.feed({wire.data(), kFrameHeaderSize});  // payload not even there: still refused
        Frame f;
        EXPECT_EQ(d.next(f), FrameDecoder::Status::Error) << c.expect;
        EXPECT_NE(d.error().find(c.expect), std::string::npos) << d.error();
    }
}

TEST(Frame, TruncatedFrameWaitsAndReportsPending) {
    Bytes wire;
    append_frame(wire, FrameType::Task, payload_of(50, 6));
    FrameDecoder d(1 << 20);
    d.feed({wire.data(), wire.size() - 1});
    Frame f;
    EXPECT_EQ(d.next(f), FrameDecoder::Status::NeedMore);
    EXPECT_EQ(d.pending(), wire.size() - 1);
}

TEST(Frame, LargeFrameGetsRoomForTheWholeRestInOneRead) {
    Bytes wire;
    append_frame(wire, FrameType::Result, payload_of(5 << 20, 7));
    FrameDecoder d(64 << 20);
    d.feed({wire.data(), kFrameHeaderSize});
    auto space = d.write_space();
    EXPECT_GE(space.size(), wire.size() - kFrameHeaderSize);
}

TEST(Messages, ResultRoundTripWithFailures) {
    ResultHeader h{7, 100, 3, 1, 2, 3, 4, 5, {}};
    Bytes b;
    put_result_fixed(b, h);
    const Bytes outputs = payload_of(24, 8);
    put_bytes(b, outputs);
    put_result_failures(b, {{101, "boom"}});
    PayloadReader r(b);
    auto back = read_result_fixed(r);
    ASSERT_TRUE(back);
    EXPECT_EQ(back->chunk_id, 7u);
    EXPECT_EQ(back->ser_end_ns, 5);
    EXPECT_EQ(r.bytes(24).size(), 24u);
    ASSERT_TRUE(read_result_failures(r, *back));
    ASSERT_EQ(back->failures.size(), 1u);
    EXPECT_EQ(back->failures[0].message, "boom");
}

TEST(Messages, ShortOrInconsistentPayloadsAreRejected) {
    ResultHeader h{1, 0, 1, 0, 0, 0, 0, 0, {}};
    Bytes b;
    put_result_fixed(b, h);
    put_result_failures(b, {{0, "a"}, {0, "b"}});  // more failures than items
    PayloadReader r(b);
    auto back = read_result_fixed(r);
    ASSERT_TRUE(back);
    EXPECT_FALSE(read_result_failures(r, *back));
    Bytes shorty(10);
    PayloadReader r2(shorty);
    EXPECT_FALSE(read_result_fixed(r2));
    PayloadReader r3(shorty);
    EXPECT_FALSE(read_task_header(r3));
}
