#include "core/engine/stop_source.h"

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <cerrno>

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

ControlStopSource::ControlStopSource(int fd) : fd_(fd) {
    fcntl(fd_, F_SETFL, fcntl(fd_, F_GETFL) | O_NONBLOCK);
}

bool ControlStopSource::check() {
    char buf[256];
    for (;;) {
        const ssize_t n = read(fd_, buf, sizeof buf);
        if (n > 0) {
            line_.append(buf, static_cast<std::size_t>(n));
            std::size_t nl;
            while ((nl = line_.find('\n')) != std::string::npos) {
                std::string cmd = line_.substr(0, nl);
                line_.erase(0, nl + 1);
                while (!cmd.empty() && (cmd.back() == '\r' || cmd.back() == ' ')) cmd.pop_back();
                if (cmd == "stop") stopped_ = true, reason_ = "stopped by request";
            }
            continue;
        }
        if (n == 0) {
            if (!stopped_) reason_ = "control channel closed";
            stopped_ = true;
        }
        break;
    }
    return stopped_;
}

}  // namespace poolscope
