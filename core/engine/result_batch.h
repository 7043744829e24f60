// A worker's finished results on their way to the engine. A worker of the shared queue that
// finishes tasks back to back sends their result frames in one write instead of one write (and
// one engine wake-up) per task. Each frame is complete, stamped when its chunk ended; only the
// sending waits. The batch goes when it holds `frames` frames or `bytes` bytes, when its first
// result has waited `delay_ns` since its task was claimed (so a task longer than that is sent
// at once, and a result waits at most that plus one task), when the board has nothing left for
// the worker, before it sleeps, before it exits, and — if the process is ending on a signal
// (a crash, the engine's SIGTERM) — from the signal handler.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

#include "core/protocol/frame.h"

namespace poolscope {

struct BatchLimits {
    std::size_t frames = 64;
    std::size_t bytes = 64 * 1024;
    int64_t delay_ns = 1'000'000;
};

class ResultBatch {
  public:
    ResultBatch(int fd, BatchLimits limits) : fd_(fd), limits_(limits) {}
    ~ResultBatch();
    ResultBatch(const ResultBatch&) = delete;
    ResultBatch& operator=(const ResultBatch&) = delete;

    // One finished task's whole result frame; claimed_ns: when its task was claimed. Sends
    // what is held when a limit is reached. False: the pipe is gone (the engine closed it).
    bool add(std::span<const std::byte> frame, int64_t claimed_ns, int64_t now_ns);
    // Sends everything held. False: the pipe is gone.
    bool flush();
    std::size_t frames() const { return frames_; }
    bool empty() const { return frames_ == 0; }

    // While this batch lives, SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT and SIGTERM first send
    // what it holds, then end the process as they would have (one batch per process).
    void send_on_fatal_signals();
    // Whether `sig` currently runs that handler (another one — a sanitizer's — may own it).
    static bool sends_on(int sig);

  private:
    bool due(int64_t now_ns) const;

    int fd_;
    BatchLimits limits_;
    Bytes buf_;
    std::size_t frames_ = 0;
    int64_t first_claimed_ns_ = 0;
};

}  // namespace poolscope
