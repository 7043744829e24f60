#include "core/events/stream_output.h"

#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

#include <cerrno>

#include "core/platform/clock.h"

namespace poolscope {

StreamOutput::StreamOutput(int fd, std::size_t bound_bytes) : fd_(fd), bound_(bound_bytes) {
    original_flags_ = fcntl(fd_, F_GETFL);
    if (original_flags_ < 0) {
        broken_ = true;
        error_ = errno;
        return;
    }
    if ((original_flags_ & O_NONBLOCK) == 0) fcntl(fd_, F_SETFL, original_flags_ | O_NONBLOCK);
}

StreamOutput::~StreamOutput() {
    restore_flags();
}

void StreamOutput::restore_flags() {
    if (original_flags_ >= 0) fcntl(fd_, F_SETFL, original_flags_);
    original_flags_ = -1;
}

bool StreamOutput::append(std::string_view line, bool droppable) {
    if (broken_) return !droppable;
    const std::size_t size = line.size() + 1;
    if (droppable && !would_fit(size)) {
        drain();
        if (broken_ || !would_fit(size)) return false;
    }
    buffer_.append(line);
    buffer_ += '\n';
    return true;
}

bool StreamOutput::write_some() {
    const ssize_t n = ::write(fd_, buffer_.data() + head_, pending_bytes());
    if (n < 0) {
        if (errno == EINTR) return true;
        if (errno != EAGAIN && errno != EWOULDBLOCK) {
            broken_ = true;
            error_ = errno;
            unwritten_ += pending_bytes();
            buffer_.clear();
            head_ = 0;
        }
        return false;
    }
    head_ += static_cast<std::size_t>(n);
    if (head_ == buffer_.size()) {
        buffer_.clear();
        head_ = 0;
    } else if (head_ > buffer_.size() / 2) {
        // Compact once the written part dominates, so the buffer does not grow without bound.
        buffer_.erase(0, head_);
        head_ = 0;
    }
    return n > 0;
}

void StreamOutput::drain() {
    while (!broken_ && pending_bytes() > 0 && write_some()) {
    }
}

bool StreamOutput::finish(int timeout_ms) {
    // The descriptor stays non-blocking until the end: a reader that takes nothing must not
    // hold the engine (and the processes waiting for it) forever.
    int64_t last_progress_ns = monotonic_ns();
    while (!broken_ && pending_bytes() > 0) {
        if (write_some()) {
            last_progress_ns = monotonic_ns();
            continue;
        }
        if (broken_) break;
        const int64_t waited_ms = (monotonic_ns() - last_progress_ns) / 1'000'000;
        if (waited_ms >= timeout_ms) {
            timed_out_ = true;
            unwritten_ += pending_bytes();
            buffer_.clear();
            head_ = 0;
            break;
        }
        pollfd p{fd_, POLLOUT, 0};
        if (poll(&p, 1, static_cast<int>(timeout_ms - waited_ms)) < 0 && errno != EINTR) {
            broken_ = true;
            error_ = errno;
        }
    }
    restore_flags();
    return !broken_ && !timed_out_ && pending_bytes() == 0;
}

}  // namespace poolscope
