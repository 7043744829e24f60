// One child's stream of frames to the engine: its descriptor and a frame decoder bounded by the
// run's --max-frame. The serial child, the threads host, every pool worker, every MPI worker rank
// and the MPI dispatcher's control connection are read through it, so they agree on what a
// cut-off last frame, garbage or an early end of stream means, and on how much one wake-up may
// read.
#pragma once

#include <cstdint>
#include <string>
#include <utility>

#include "core/protocol/frame.h"

namespace poolscope {

class FrameChannel {
  public:
    enum class State {
        Open,       // more may come
        Closed,     // the child closed its end after whole frames only
        Truncated,  // the stream ended inside a frame
        Malformed,  // the decoder refused the bytes, or the handler refused a frame
    };
    // Reads at most this many times per pump(): a child that writes faster than the engine reads
    // cannot hold the loop away from its other descriptors, stop requests and samples.
    static constexpr int kMaxReadsPerPump = 64;

    FrameChannel() = default;
    FrameChannel(int fd, uint64_t max_frame) : fd_(fd), decoder_(max_frame) {}
    FrameChannel(FrameChannel&& other) noexcept { *this = std::move(other); }
    FrameChannel& operator=(FrameChannel&& other) noexcept {
        if (this == &other) return *this;
        close();
        fd_ = std::exchange(other.fd_, -1);
        decoder_ = std::move(other.decoder_);
        state_ = other.state_;
        error_ = std::move(other.error_);
        read_ns_ = other.read_ns_;
        return *this;
    }
    ~FrameChannel() { close(); }

    int fd() const { return fd_; }
    bool is_open() const { return fd_ >= 0; }
    State state() const { return state_; }
    // Why the channel ended when it is Truncated or Malformed, in words for an error message.
    const std::string& error() const { return error_; }
    // When the read that brought the frame being handled returned (CLOCK_MONOTONIC): the time
    // its result arrived, taken once per read rather than once per frame of a batch.
    int64_t read_ns() const { return read_ns_; }

    // Reads what is there without blocking (the descriptor is non-blocking or known readable)
    // and hands every whole frame to on_frame(const Frame&) in order; on_frame returns false
    // for a frame it cannot accept (Malformed). The channel closes its descriptor when it ends.
    template <typename OnFrame>
    State pump(OnFrame&& on_frame) {
        for (int reads = 0; is_open() && reads < kMaxReadsPerPump; ++reads) {
            const long n = read_some();
            if (n < 0) break;  // nothing more for now
            if (n == 0) return end_of_stream();
            Frame f;
            for (;;) {
                const auto s = decoder_.next(f);
                if (s == FrameDecoder::Status::NeedMore) break;
                if (s == FrameDecoder::Status::Error) return fail(decoder_.error());
                if (!on_frame(static_cast<const Frame&>(f))) return fail("malformed frame");
            }
        }
        return state_;
    }

    void close();

  private:
    long read_some();  // bytes read, 0 at end of stream, -1 when nothing is there now
    State end_of_stream();
    State fail(std::string why);

    int fd_ = -1;
    FrameDecoder decoder_{0};
    State state_ = State::Open;
    std::string error_;
    int64_t read_ns_ = 0;
};

}  // namespace poolscope
