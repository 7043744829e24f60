#include "core/engine/stop_source.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace poolscope {

namespace {

int g_signal_pipe[2] = {-1, -1};
volatile sig_atomic_t g_last_signal = 0;

void on_signal(int sig) {
    const int saved = errno;
    g_last_signal = sig;
    const char b = 1;
    [[maybe_unused]] const ssize_t n = write(g_signal_pipe[1], &b, 1);
    errno = saved;
}

}  // namespace

SignalStopSource::SignalStopSource() {
    if (g_signal_pipe[0] < 0) {
        if (pipe2(g_signal_pipe, O_CLOEXEC | O_NONBLOCK) != 0) return;
    }
    struct sigaction sa {};
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    sigaction(SIGINT, &sa, nullptr);
    sigaction(SIGTERM, &sa, nullptr);
}

SignalStopSource::~SignalStopSource() {
    signal(SIGINT, SIG_DFL);
    signal(SIGTERM, SIG_DFL);
    close(g_signal_pipe[0]);
    close(g_signal_pipe[1]);
    g_signal_pipe[0] = g_signal_pipe[1] = -1;
}

int SignalStopSource::fd() const {
    return g_signal_pipe[0];
}

bool SignalStopSource::check() {
    char buf[64];
    while (read(g_signal_pipe[0], buf, sizeof buf) > 0) {
        stopped_ = true;
        reason_ = g_last_signal == SIGTERM ? "interrupted by SIGTERM" : "interrupted by SIGINT";
    }
    return stopped_;
}

ControlStopSource::ControlStopSource(int fd, Warn warn) : fd_(fd), warn_(std::move(warn)) {
    fcntl(fd_, F_SETFL, fcntl(fd_, F_GETFL) | O_NONBLOCK);
    line_.reserve(kMaxLineBytes);
}

std::optional<std::string> ControlStopSource::unsuitable(int fd) {
    struct stat st {};
    if (fstat(fd, &st) != 0) return std::string("cannot be read: ") + std::strerror(errno);
    if (S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode) || isatty(fd)) return std::nullopt;
    const char* kind = S_ISDIR(st.st_mode)   ? "a directory"
                       : S_ISREG(st.st_mode) ? "a regular file"
                       : S_ISCHR(st.st_mode) ? "a character device"
                       : S_ISBLK(st.st_mode) ? "a block device"
                                             : "not a pipe";
    return std::string("is ") + kind + "; it must be a pipe or a terminal";
}

void ControlStopSource::command(std::string cmd) {
    while (!cmd.empty() && (cmd.back() == '\r' || cmd.back() == ' ')) cmd.pop_back();
    if (cmd == "stop") stopped_ = true, reason_ = "stopped by request";
}

// Only the new bytes are scanned: line_ holds the start of an unfinished line, never a newline.
void ControlStopSource::take(const char* data, std::size_t size) {
    while (size > 0) {
        const auto* nl = static_cast<const char*>(std::memchr(data, '\n', size));
        const std::size_t part = nl ? static_cast<std::size_t>(nl - data) : size;
        if (!discarding_ && line_.size() + part > kMaxLineBytes) {
            discarding_ = true;
            line_.clear();
            if (warn_) {
                warn_("--control-stdin: a line longer than " + std::to_string(kMaxLineBytes) +
                      " bytes was discarded");
            }
        }
        if (!discarding_) line_.append(data, part);
        if (!nl) return;
        if (!discarding_) command(std::move(line_));
        line_.clear();
        discarding_ = false;
        data += part + 1;
        size -= part + 1;
    }
}

bool ControlStopSource::check() {
    char buf[16384];
    for (std::size_t total = 0; total < kMaxReadBytes && !stopped_;) {
        const ssize_t n = read(fd_, buf, sizeof buf);
        if (n > 0) {
            take(buf, static_cast<std::size_t>(n));
            total += static_cast<std::size_t>(n);
            continue;
        }
        if (n < 0 && errno == EINTR) continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) break;
        // End of file, or a descriptor that fails: either way nobody can send "stop" any more.
        reason_ = n == 0 ? "control channel closed"
                         : std::string("control channel failed: ") + std::strerror(errno);
        stopped_ = true;
    }
    return stopped_;
}

}  // namespace poolscope
