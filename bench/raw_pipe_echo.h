// The floor under the engine's pipe transport: one forked child on a pipe pair that reads a
// whole message of `bytes` and writes it straight back, with no framing or checksum. A round
// trip is the parent writing the message and reading all of it back: the same shape as a task
// frame out and a result frame in, with nothing but the copies through the kernel.
// `pipe_bytes` > 0 sets both pipes' buffers to that size (F_SETPIPE_SZ, as the engine does for
// its workers' pipes); 0 keeps the kernel's default (64 KiB), so a large message then takes
// sixteen times as many hand-offs between the two processes.
#pragma once

#include <fcntl.h>
#include <unistd.h>

#include <optional>
#include <vector>

#include "bench/child_set.h"
#include "core/engine/worker_loop.h"
#include "core/platform/clock.h"

namespace poolscope::bench {

class PipeEcho {
  public:
    explicit PipeEcho(std::size_t bytes, int pipe_bytes = 0) : bytes_(bytes) {
        int t[2], r[2];
        if (pipe2(t, O_CLOEXEC) != 0) return;
        if (pipe2(r, O_CLOEXEC) != 0) {
            close(t[0]), close(t[1]);
            return;
        }
        if (pipe_bytes > 0 && (fcntl(t[1], F_SETPIPE_SZ, pipe_bytes) < pipe_bytes ||
                               fcntl(r[1], F_SETPIPE_SZ, pipe_bytes) < pipe_bytes)) {
            close(t[0]), close(t[1]), close(r[0]), close(r[1]);
            return;
        }
        const pid_t pid = fork();
        if (pid == 0) {
            close(t[1]), close(r[0]);
            echo(t[0], r[1]);
        }
        close(t[0]), close(r[1]);
        if (pid < 0) {
            close(t[1]), close(r[0]);
            return;
        }
        kids_.add(pid);
        to_child_ = t[1];
        from_child_ = r[0];
    }
    PipeEcho(const PipeEcho&) = delete;
    PipeEcho& operator=(const PipeEcho&) = delete;
    ~PipeEcho() { stop(); }

    // False when the pipes (at the size asked for) or the child could not be made.
    bool started() const { return to_child_ >= 0; }

    // Seconds for one round trip of `out` (bytes long) into `in`; nullopt on failure.
    std::optional<double> round_trip(const std::byte* out, std::byte* in) {
        if (to_child_ < 0) return std::nullopt;
        const int64_t t0 = monotonic_ns();
        if (!write_all(to_child_, out, bytes_)) return std::nullopt;
        if (read_full(from_child_, in, bytes_) != bytes_) return std::nullopt;
        return ns_to_s(monotonic_ns() - t0);
    }

    // End of file tells the child to leave; true when it exited cleanly.
    bool stop() {
        if (to_child_ >= 0) close(to_child_);
        if (from_child_ >= 0) close(from_child_);
        to_child_ = from_child_ = -1;
        return kids_.reap_all();
    }

  private:
    [[noreturn]] void echo(int in_fd, int out_fd) const {
        std::vector<std::byte> buf(bytes_);
        while (read_full(in_fd, buf.data(), bytes_) == bytes_)
            if (!write_all(out_fd, buf.data(), bytes_)) break;
        _exit(0);
    }

    std::size_t bytes_;
    ChildSet kids_;
    int to_child_ = -1;
    int from_child_ = -1;
};

}  // namespace poolscope::bench
