// A pipe whose read end a forked child drains as fast as it can until end-of-file, as the GUI
// reads the engine's event stream: what a benchmark writes to write_fd() costs it only the
// write() calls, never a full pipe. close() ends the child and reaps it (also on destruction).
#pragma once

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

namespace poolscope::bench {

class DrainedPipe {
  public:
    DrainedPipe() {
        int fds[2];
        if (::pipe2(fds, O_CLOEXEC) != 0) return;
        reader_ = ::fork();
        if (reader_ == 0) {
            ::close(fds[1]);
            char buf[1 << 16];
            while (::read(fds[0], buf, sizeof buf) > 0) {
            }
            ::_exit(0);
        }
        ::close(fds[0]);
        if (reader_ < 0) {
            ::close(fds[1]);
            return;
        }
        write_fd_ = fds[1];
    }
    ~DrainedPipe() { close(); }
    DrainedPipe(const DrainedPipe&) = delete;
    DrainedPipe& operator=(const DrainedPipe&) = delete;

    // -1 when the pipe or the reader could not be made.
    int write_fd() const { return write_fd_; }

    // Closes the write end, so the reader sees end-of-file, and reaps it. True on a clean exit.
    bool close() {
        if (write_fd_ >= 0) ::close(write_fd_);
        write_fd_ = -1;
        if (reader_ <= 0) return false;
        int status = 0;
        const bool reaped = ::waitpid(reader_, &status, 0) == reader_;
        reader_ = 0;
        return reaped && WIFEXITED(status) && WEXITSTATUS(status) == 0;
    }

  private:
    pid_t reader_ = 0;
    int write_fd_ = -1;
};

}  // namespace poolscope::bench
