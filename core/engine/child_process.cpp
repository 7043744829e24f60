#include "core/engine/child_process.h"

#include "core/engine/shared_segment.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <vector>

#ifndef P_PIDFD
#define P_PIDFD 3
#endif

namespace poolscope {

std::optional<std::string> make_child_pipes(ChildPipes& p, bool own_task_pipe) {
    int t[2] = {-1, -1}, r[2];
    if (own_task_pipe && pipe2(t, O_CLOEXEC) != 0)
        return std::string("cannot create a pipe: ") + strerror(errno);
    if (pipe2(r, O_CLOEXEC) != 0) {
        const int e = errno;
        if (own_task_pipe) close(t[0]), close(t[1]);
        return std::string("cannot create a pipe: ") + strerror(e);
    }
    p = {t[0], t[1], r[0], r[1]};
    // Larger pipe buffers (1 MiB, the default pipe-max-size) mean 16× fewer wake-ups per
    // megabyte for large items; small messages are unaffected. Best effort.
    if (own_task_pipe) {
        fcntl(p.task_write, F_SETPIPE_SZ, 1 << 20);
        fcntl(p.task_write, F_SETFL, O_NONBLOCK);
    }
    fcntl(p.result_write, F_SETPIPE_SZ, 1 << 20);
    fcntl(p.result_read, F_SETFL, O_NONBLOCK);
    return std::nullopt;
}

void close_child_pipes(ChildPipes& p) {
    close_fd(p.task_read);
    close_fd(p.task_write);
    close_fd(p.result_read);
    close_fd(p.result_write);
}

namespace {

// Closes every descriptor from 3 up except those in keep (sorted, unique): the gaps between
// them go with close_range, so even a full descriptor table is emptied without a lookup.
void close_all_but(std::vector<int> keep) {
    std::sort(keep.begin(), keep.end());
    unsigned from = 3;
    for (int k : keep) {
        if (k < 3) continue;
        if (static_cast<unsigned>(k) > from) syscall(SYS_close_range, from, k - 1, 0);
        from = static_cast<unsigned>(k) + 1;
    }
    syscall(SYS_close_range, from, ~0U, 0);
}

}  // namespace

void die_with_parent(pid_t parent) {
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    // The parent may have died before prctl took effect; then we were re-parented already.
    if (getppid() != parent) _exit(120);
}

void setup_forked_child(const ChildPipes& p, pid_t parent, int shm_fd) {
    die_with_parent(parent);
    signal(SIGINT, SIG_IGN);
    signal(SIGTERM, SIG_DFL);
    signal(SIGPIPE, SIG_DFL);
    // Drop everything inherited first (a full table must still leave room), then lift the
    // ends above the target numbers, so moving one never clobbers another.
    const int sources[3] = {p.task_read, p.result_write, shm_fd};
    const int targets[3] = {kWorkerTaskFd, kWorkerResultFd, kWorkerShmFd};
    close_all_but({p.task_read, p.result_write, shm_fd});
    int lifted[3] = {-1, -1, -1};
    for (int i = 0; i < 3; ++i)
        if (sources[i] >= 0 && (lifted[i] = fcntl(sources[i], F_DUPFD, 10)) < 0) _exit(121);
    for (int i = 0; i < 3; ++i)
        if (lifted[i] >= 0 && dup2(lifted[i], targets[i]) < 0) _exit(121);
    const int devnull = open("/dev/null", O_RDONLY | O_CLOEXEC);
    if (devnull >= 0) dup2(devnull, STDIN_FILENO);
    dup2(STDERR_FILENO, STDOUT_FILENO);
    const int keep = shm_fd >= 0 ? kWorkerShmFd : kWorkerResultFd;
    if (syscall(SYS_close_range, keep + 1, ~0U, 0) != 0) {
        for (int fd = keep + 1; fd < 65536; ++fd) close(fd);
    }
}

int open_pidfd(pid_t pid) {
    return static_cast<int>(syscall(SYS_pidfd_open, pid, 0));
}

std::optional<ExitStatus> try_reap(int pidfd) {
    siginfo_t info{};
    for (;;) {
        info.si_pid = 0;
        const int r = waitid(static_cast<idtype_t>(P_PIDFD), static_cast<id_t>(pidfd), &info,
                             WEXITED | WNOHANG);
        if (r < 0 && errno == EINTR) continue;
        if (r < 0) return ExitStatus{false, -1, 0};  // already reaped or not ours: treat as gone
        break;
    }
    if (info.si_pid == 0) return std::nullopt;
    ExitStatus s;
    if (info.si_code == CLD_EXITED) {
        s.exited = true;
        s.code = info.si_status;
    } else {
        s.signal = info.si_status;
    }
    return s;
}

std::string signal_name(int sig) {
    const char* abbrev = sigabbrev_np(sig);
    return abbrev ? std::string("SIG") + abbrev : "signal " + std::to_string(sig);
}

std::string describe_exit(const ExitStatus& s) {
    if (s.exited) return "exited with code " + std::to_string(s.code);
    std::string m = "killed by " + signal_name(s.signal);
    if (s.signal == SIGKILL) m += " (possibly out of memory)";
    return m;
}

void close_fd(int& fd) {
    if (fd >= 0) close(fd);
    fd = -1;
}

}  // namespace poolscope
