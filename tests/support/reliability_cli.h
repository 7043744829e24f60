// Test support for the reliability tests: a poolscope-cli process the test holds on to while it
// runs — its pid (to find its workers and to kill it), its stdin (for --control-stdin), its
// output, the moment it exited — with resource limits applied before exec (ulimit -n).
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <string>
#include <vector>

#include "support/process_hygiene.h"

namespace poolscope::test {

struct LaunchOptions {
    long nofile_limit = -1;  // RLIMIT_NOFILE for the CLI (soft and hard); -1 leaves it alone
};

class LiveCli {
  public:
    explicit LiveCli(const std::vector<std::string>& args, LaunchOptions opt = {});
    // Kills (SIGKILL) and reaps a CLI that is still running; closes every descriptor.
    ~LiveCli();
    LiveCli(const LiveCli&) = delete;
    LiveCli& operator=(const LiveCli&) = delete;

    pid_t pid() const { return pid_; }
    bool started() const { return pid_ > 0 && pidfd_ >= 0; }
    // Writes to its stdin; a CLI that is gone is not an error here (the exit code tells).
    void write_stdin(const std::string& text);
    void close_stdin();
    // Collects output for up to `seconds`; returns true once the CLI has exited (and is reaped).
    bool pump(double seconds);
    // Waits for the exit (SIGKILL at the deadline, which sets timed_out) and for its output.
    CliResult finish(double timeout_s);
    // CLOCK_MONOTONIC when the exit was seen (0 while it runs); seen within ~10 ms.
    int64_t exited_ns() const { return exited_ns_; }

  private:
    void poll_once(int timeout_ms);

    pid_t pid_ = -1;
    int pidfd_ = -1;
    int stdin_fd_ = -1;
    int out_fd_ = -1;
    int err_fd_ = -1;
    int64_t started_ns_ = 0;
    int64_t exited_ns_ = 0;
    CliResult result_;
};

}  // namespace poolscope::test
