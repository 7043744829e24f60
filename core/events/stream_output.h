// StreamOutput: a bounded in-memory buffer in front of a file descriptor that is written
// without ever blocking, so a slow or stuck reader of the event stream cannot slow the run it
// describes. Droppable lines are refused when the buffer is full (the caller counts them);
// essential lines are always kept, even past the bound. finish() writes the rest once the run is
// over, waiting at most a bounded time for a reader that takes nothing.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace poolscope {

class StreamOutput {
  public:
    // Sets O_NONBLOCK on fd (restored by finish() and the destructor: a terminal's flags are
    // shared with the shell). Does not own fd.
    StreamOutput(int fd, std::size_t bound_bytes);
    ~StreamOutput();
    StreamOutput(const StreamOutput&) = delete;
    StreamOutput& operator=(const StreamOutput&) = delete;

    // Queues line plus '\n'. A droppable line that does not fit under the bound (after one
    // attempt to write what is queued) is refused: returns false.
    bool append(std::string_view line, bool droppable);
    // Writes what the descriptor takes now; never waits.
    void drain();
    // Waits until everything queued is written, the descriptor fails, or the reader has taken
    // nothing for timeout_ms in a row. True when all went out.
    bool finish(int timeout_ms = kFinishTimeoutMs);
    static constexpr int kFinishTimeoutMs = 2000;

    std::size_t pending_bytes() const { return buffer_.size() - head_; }
    bool would_fit(std::size_t bytes) const { return pending_bytes() + bytes <= bound_; }
    // The reader went away (EPIPE) or the descriptor failed: output is discarded from then on.
    bool broken() const { return broken_; }
    // The errno that broke the output (EPIPE, ENOSPC, EBADF, ...), or 0.
    int error() const { return error_; }
    // finish() gave up on a reader that took nothing for its timeout; bytes left unwritten.
    bool timed_out() const { return timed_out_; }
    std::size_t unwritten_bytes() const { return unwritten_; }

  private:
    // One write(); false when the descriptor takes nothing more now.
    bool write_some();
    void restore_flags();

    int fd_;
    std::size_t bound_;
    int original_flags_ = -1;
    std::string buffer_;
    std::size_t head_ = 0;  // bytes of buffer_ already written
    bool broken_ = false;
    int error_ = 0;
    bool timed_out_ = false;
    std::size_t unwritten_ = 0;
};

}  // namespace poolscope
