#include "support/shell_run.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>

#include "core/platform/clock.h"

namespace poolscope::test {

namespace {

void drain(int& fd, std::string& into) {
    char buf[65536];
    const ssize_t n = read(fd, buf, sizeof buf);
    if (n > 0)
        into.append(buf, static_cast<std::size_t>(n));
    else if (n == 0 || (errno != EINTR && errno != EAGAIN))
        close(fd), fd = -1;
}

}  // namespace

std::string shell_quote(const std::string& text) {
    std::string out = "'";
    for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

CliResult run_shell(const std::string& script, double timeout_s) {
    int out[2], err[2];
    if (pipe2(out, O_CLOEXEC) || pipe2(err, O_CLOEXEC)) return {};
    const std::string cli = cli_path();
    const int64_t t0 = monotonic_ns();
    const pid_t pid = fork();
    if (pid == 0) {
        setpgid(0, 0);
        dup2(out[1], 1), dup2(err[1], 2);
        const int null_fd = open("/dev/null", O_RDONLY);
        if (null_fd > 0) dup2(null_fd, 0), close(null_fd);
        setenv("CLI", cli.c_str(), 1);
        execl("/bin/sh", "sh", "-c", script.c_str(), static_cast<char*>(nullptr));
        _exit(127);
    }
    setpgid(pid, pid);
    close(out[1]), close(err[1]);
    CliResult r;
    int ofd = out[0], efd = err[0];
    while (ofd >= 0 || efd >= 0) {
        if ((monotonic_ns() - t0) * 1e-9 > timeout_s && !r.timed_out) {
            r.timed_out = true;
            kill(-pid, SIGKILL);
        }
        pollfd p[2] = {{ofd, POLLIN, 0}, {efd, POLLIN, 0}};
        poll(p, 2, 10);
        if (ofd >= 0 && p[0].revents) drain(ofd, r.out);
        if (efd >= 0 && p[1].revents) drain(efd, r.err);
    }
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    kill(-pid, SIGKILL);  // anything of the script's group still there
    r.seconds = (monotonic_ns() - t0) * 1e-9;
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return r;
}

}  // namespace poolscope::test
