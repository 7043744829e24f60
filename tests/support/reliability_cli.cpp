#include "support/reliability_cli.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>

#include "core/platform/clock.h"

#ifndef P_PIDFD
#define P_PIDFD 3
#endif

namespace poolscope::test {

namespace {

void close_fd(int& fd) {
    if (fd >= 0) close(fd);
    fd = -1;
}

void read_some(int& fd, std::string& into) {
    char buf[65536];
    const ssize_t n = read(fd, buf, sizeof buf);
    if (n > 0)
        into.append(buf, static_cast<std::size_t>(n));
    else if (n == 0 || (errno != EINTR && errno != EAGAIN))
        close_fd(fd);
}

int exit_code_of(const siginfo_t& info) {
    return info.si_code == CLD_EXITED ? info.si_status : 128 + info.si_status;
}

}  // namespace

LiveCli::LiveCli(const std::vector<std::string>& args, LaunchOptions opt) {
    int in[2] = {-1, -1}, out[2] = {-1, -1}, err[2] = {-1, -1};
    if (pipe2(in, O_CLOEXEC) != 0 || pipe2(out, O_CLOEXEC) != 0 || pipe2(err, O_CLOEXEC) != 0) {
        for (int fd : {in[0], in[1], out[0], out[1], err[0], err[1]})
            if (fd >= 0) close(fd);
        return;
    }
    std::vector<std::string> all{cli_path()};
    all.insert(all.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& s : all) argv.push_back(s.data());
    argv.push_back(nullptr);
    started_ns_ = monotonic_ns();
    pid_ = fork();
    if (pid_ == 0) {
        if (opt.nofile_limit >= 0) {
            const rlimit lim{static_cast<rlim_t>(opt.nofile_limit),
                             static_cast<rlim_t>(opt.nofile_limit)};
            if (setrlimit(RLIMIT_NOFILE, &lim) != 0) _exit(126);
        }
        dup2(in[0], 0), dup2(out[1], 1), dup2(err[1], 2);
        execv(argv[0], argv.data());
        _exit(127);
    }
    close(in[0]), close(out[1]), close(err[1]);
    stdin_fd_ = in[1];
    out_fd_ = out[0];
    err_fd_ = err[0];
    if (pid_ > 0) pidfd_ = static_cast<int>(syscall(SYS_pidfd_open, pid_, 0));
}

LiveCli::~LiveCli() {
    if (pid_ > 0 && exited_ns_ == 0) {
        kill(pid_, SIGKILL);
        while (waitpid(pid_, nullptr, 0) < 0 && errno == EINTR) {
        }
    }
    close_fd(pidfd_);
    close_fd(stdin_fd_);
    close_fd(out_fd_);
    close_fd(err_fd_);
}

void LiveCli::write_stdin(const std::string& text) {
    if (stdin_fd_ < 0) return;
    // A CLI that already left turns the write into EPIPE; that must not kill the test.
    struct sigaction ignore {
    }, old{};
    ignore.sa_handler = SIG_IGN;
    sigaction(SIGPIPE, &ignore, &old);
    std::size_t off = 0;
    while (off < text.size()) {
        const ssize_t n = write(stdin_fd_, text.data() + off, text.size() - off);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        off += static_cast<std::size_t>(n);
    }
    sigaction(SIGPIPE, &old, nullptr);
}

void LiveCli::close_stdin() {
    close_fd(stdin_fd_);
}

void LiveCli::poll_once(int timeout_ms) {
    pollfd p[3] = {{out_fd_, POLLIN, 0}, {err_fd_, POLLIN, 0}, {-1, POLLIN, 0}};
    if (exited_ns_ == 0) p[2].fd = pidfd_;
    poll(p, 3, timeout_ms);
    if (out_fd_ >= 0 && p[0].revents) read_some(out_fd_, result_.out);
    if (err_fd_ >= 0 && p[1].revents) read_some(err_fd_, result_.err);
    if (p[2].fd < 0 || !p[2].revents) return;
    siginfo_t info{};
    if (waitid(static_cast<idtype_t>(P_PIDFD), static_cast<id_t>(pidfd_), &info,
               WEXITED | WNOHANG) == 0 &&
        info.si_pid != 0) {
        exited_ns_ = monotonic_ns();
        result_.exit_code = exit_code_of(info);
        result_.seconds = (exited_ns_ - started_ns_) * 1e-9;
    }
}

bool LiveCli::pump(double seconds) {
    if (!started()) return true;
    const int64_t until = monotonic_ns() + static_cast<int64_t>(seconds * 1e9);
    while (exited_ns_ == 0 && monotonic_ns() < until) poll_once(5);
    return exited_ns_ != 0;
}

CliResult LiveCli::finish(double timeout_s) {
    if (!started()) return result_;
    const int64_t deadline = monotonic_ns() + static_cast<int64_t>(timeout_s * 1e9);
    while (exited_ns_ == 0) {
        if (monotonic_ns() > deadline && !result_.timed_out) {
            result_.timed_out = true;
            kill(pid_, SIGKILL);
        }
        poll_once(10);
    }
    // The rest of its output. A process it left behind may hold the pipes open; that is the
    // hygiene check's business, so stop reading after a while rather than wait for it.
    const int64_t drain_until = monotonic_ns() + 3'000'000'000;
    while ((out_fd_ >= 0 || err_fd_ >= 0) && monotonic_ns() < drain_until) poll_once(10);
    close_fd(out_fd_);
    close_fd(err_fd_);
    close_fd(stdin_fd_);
    return result_;
}

}  // namespace poolscope::test
