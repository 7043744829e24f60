#include "core/engine/frame_channel.h"

#include <unistd.h>

#include <cerrno>

#include "core/platform/clock.h"

namespace poolscope {

void FrameChannel::close() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
}

long FrameChannel::read_some() {
    for (;;) {
        auto space = decoder_.write_space();
        const ssize_t n = ::read(fd_, space.data(), space.size());
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return -1;
        decoder_.commit(static_cast<std::size_t>(n));
        if (n > 0) read_ns_ = monotonic_ns();
        return static_cast<long>(n);
    }
}

FrameChannel::State FrameChannel::end_of_stream() {
    close();
    if (decoder_.pending() > 0) {
        error_ = "truncated frame at end of stream (" + std::to_string(decoder_.pending()) +
                 " bytes of an unfinished frame)";
        return state_ = State::Truncated;
    }
    return state_ = State::Closed;
}

FrameChannel::State FrameChannel::fail(std::string why) {
    close();
    error_ = std::move(why);
    return state_ = State::Malformed;
}

}  // namespace poolscope
