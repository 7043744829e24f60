#include "core/platform/child_call.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>

#include "core/platform/clock.h"
#include "core/platform/safe_fork.h"

namespace poolscope {

std::optional<std::string> run_in_child(const std::function<std::string()>& fn, int timeout_ms) {
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0) return std::nullopt;
    const pid_t pid = fork_child();  // no handler of the caller's may run in the child
    if (pid < 0) {
        close(fds[0]);
        close(fds[1]);
        return std::nullopt;
    }
    if (pid == 0) {
        close(fds[0]);
        const std::string out = fn();
        std::size_t off = 0;
        while (off < out.size()) {
            const ssize_t n = write(fds[1], out.data() + off, out.size() - off);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) _exit(1);
            off += static_cast<std::size_t>(n);
        }
        _exit(0);
    }
    close(fds[1]);
    std::string out;
    bool ok = true;
    const int64_t deadline = monotonic_ns() + int64_t{timeout_ms} * 1'000'000;
    for (;;) {
        const int64_t left_ms = (deadline - monotonic_ns()) / 1'000'000;
        if (left_ms <= 0) {
            ok = false;
            break;
        }
        pollfd p{fds[0], POLLIN, 0};
        const int r = poll(&p, 1, static_cast<int>(left_ms));
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) {
            ok = false;
            break;
        }
        char buf[4096];
        const ssize_t n = read(fds[0], buf, sizeof buf);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        out.append(buf, static_cast<std::size_t>(n));
    }
    close(fds[0]);
    if (!ok) kill(pid, SIGKILL);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (!ok || !WIFEXITED(status) || WEXITSTATUS(status) != 0) return std::nullopt;
    return out;
}

}  // namespace poolscope
