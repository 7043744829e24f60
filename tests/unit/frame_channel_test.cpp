// FrameChannel: how every native backend reads its children (serial child, threads host, pool
// workers, MPI ranks). Driven through a real non-blocking pipe standing in for the child: whole
// frames arrive in order, a stream cut off inside a frame or holding garbage ends the channel with
// a reason (what came before is delivered), a frame the reader refuses ends it, a frame past
// --max-frame is refused, and one pump reads a bounded amount so a flooding child cannot hold the
// engine's loop.
#include <fcntl.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <thread>
#include <vector>

#include "core/engine/frame_channel.h"
#include "core/protocol/frame.h"

using namespace poolscope;

namespace {

struct Pipe {
    int read_end = -1, write_end = -1;
    Pipe() {
        int fds[2];
        EXPECT_EQ(pipe2(fds, O_NONBLOCK | O_CLOEXEC), 0);
        read_end = fds[0], write_end = fds[1];
    }
    ~Pipe() { close_writer(); }
    void write_bytes(const Bytes& b) {
        ASSERT_EQ(write(write_end, b.data(), b.size()), static_cast<ssize_t>(b.size()));
    }
    void close_writer() {
        if (write_end >= 0) close(write_end);
        write_end = -1;
    }
};

Bytes frame_of(FrameType type, std::size_t n, uint8_t fill) {
    Bytes payload(n, std::byte{fill}), wire;
    append_frame(wire, type, payload);
    return wire;
}

// Pumps until the channel leaves Open (or a bound), collecting the frames' payload sizes.
FrameChannel::State pump_all(FrameChannel& ch, std::vector<std::size_t>& sizes) {
    for (int i = 0; i < 100 && ch.state() == FrameChannel::State::Open; ++i)
        ch.pump([&](const Frame& f) {
            sizes.push_back(f.payload.size());
            return true;
        });
    return ch.state();
}

}  // namespace

TEST(FrameChannel, WholeFramesArriveInOrderAndACleanEndIsClosed) {
    Pipe p;
    FrameChannel ch(p.read_end, 1 << 20);
    p.write_bytes(frame_of(FrameType::Ready, 3, 1));
    p.write_bytes(frame_of(FrameType::Result, 700, 2));
    std::vector<std::size_t> sizes;
    EXPECT_EQ(ch.pump([&](const Frame& f) {
        sizes.push_back(f.payload.size());
        return true;
    }),
              FrameChannel::State::Open);  // nothing more yet, the writer still open
    EXPECT_EQ(sizes, (std::vector<std::size_t>{3, 700}));
    p.close_writer();
    EXPECT_EQ(pump_all(ch, sizes), FrameChannel::State::Closed);
    EXPECT_FALSE(ch.is_open());
    EXPECT_TRUE(ch.error().empty());
}

TEST(FrameChannel, AStreamCutOffInsideAFrameIsTruncatedAfterTheWholeOnes) {
    Pipe p;
    FrameChannel ch(p.read_end, 1 << 20);
    p.write_bytes(frame_of(FrameType::Result, 10, 1));
    Bytes torn = frame_of(FrameType::Result, 100, 2);
    torn.resize(torn.size() - 30);
    p.write_bytes(torn);
    p.close_writer();
    std::vector<std::size_t> sizes;
    EXPECT_EQ(pump_all(ch, sizes), FrameChannel::State::Truncated);
    EXPECT_EQ(sizes, (std::vector<std::size_t>{10}));
    EXPECT_NE(ch.error().find("truncated"), std::string::npos) << ch.error();
    EXPECT_FALSE(ch.is_open());
}

TEST(FrameChannel, GarbageIsMalformedAndNothingAfterItIsDelivered) {
    Pipe p;
    FrameChannel ch(p.read_end, 1 << 20);
    p.write_bytes(frame_of(FrameType::Result, 5, 1));
    p.write_bytes(Bytes(64, std::byte{0xAB}));
    p.write_bytes(frame_of(FrameType::Result, 6, 1));
    std::vector<std::size_t> sizes;
    EXPECT_EQ(pump_all(ch, sizes), FrameChannel::State::Malformed);
    EXPECT_EQ(sizes, (std::vector<std::size_t>{5}));
    EXPECT_FALSE(ch.error().empty());
    EXPECT_FALSE(ch.is_open());
}

TEST(FrameChannel, AFrameTheReaderRefusesEndsTheChannel) {
    Pipe p;
    FrameChannel ch(p.read_end, 1 << 20);
    for (int i = 0; i < 3; ++i) p.write_bytes(frame_of(FrameType::Result, 8, 1));
    int seen = 0;
    EXPECT_EQ(ch.pump([&](const Frame&) { return ++seen < 2; }), FrameChannel::State::Malformed);
    EXPECT_EQ(seen, 2);
    EXPECT_EQ(ch.error(), "malformed frame");
    // Ended: later pumps deliver nothing and keep the reason.
    EXPECT_EQ(ch.pump([&](const Frame&) { return ++seen, true; }), FrameChannel::State::Malformed);
    EXPECT_EQ(seen, 2);
}

TEST(FrameChannel, AFramePastTheMaxFrameIsRefused) {
    Pipe p;
    FrameChannel ch(p.read_end, 1000);
    p.write_bytes(frame_of(FrameType::Result, 1000, 1));
    p.write_bytes(frame_of(FrameType::Result, 1001, 1));
    std::vector<std::size_t> sizes;
    EXPECT_EQ(pump_all(ch, sizes), FrameChannel::State::Malformed);
    EXPECT_EQ(sizes, (std::vector<std::size_t>{1000}));
}

TEST(FrameChannel, AFloodFromAWriterStillWritingArrivesWholeAcrossPumps) {
    Pipe p;
    fcntl(p.write_end, F_SETFL, 0);  // the writer blocks when the pipe is full, as a child does
    FrameChannel ch(p.read_end, 1 << 20);
    const Bytes one = frame_of(FrameType::Result, 13, 1);
    constexpr std::size_t kFrames = 400000;  // ~10 MiB: many pipefuls, many pumps
    std::thread writer([&] {
        Bytes batch;
        for (int i = 0; i < 1000; ++i) batch.insert(batch.end(), one.begin(), one.end());
        for (std::size_t sent = 0; sent < kFrames; sent += 1000) p.write_bytes(batch);
        p.close_writer();
    });
    std::size_t frames = 0, pumps = 0;
    while (ch.state() == FrameChannel::State::Open && pumps < 10'000'000) {
        ++pumps;
        ch.pump([&](const Frame& f) { return ++frames, f.payload.size() == 13; });
    }
    writer.join();
    EXPECT_EQ(ch.state(), FrameChannel::State::Closed) << ch.error();
    EXPECT_EQ(frames, kFrames);  // nothing lost or doubled between pumps
}
