#include "support/process_hygiene.h"

#include <dirent.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <thread>

#include "core/platform/clock.h"

namespace poolscope::test {

std::string cli_path() {
    return POOLSCOPE_CLI_PATH;
}
std::string fixtures_dir() {
    return POOLSCOPE_FIXTURES_DIR;
}

std::vector<pid_t> child_pids() {
    std::vector<pid_t> out;
    const pid_t self = getpid();
    DIR* d = opendir("/proc");
    if (!d) return out;
    while (dirent* e = readdir(d)) {
        const pid_t pid = static_cast<pid_t>(std::atoi(e->d_name));
        if (pid <= 0) continue;
        std::ifstream f("/proc/" + std::string(e->d_name) + "/stat");
        std::string line;
        if (!std::getline(f, line)) continue;
        const auto close = line.rfind(')');
        if (close == std::string::npos) continue;
        std::istringstream rest(line.substr(close + 2));
        char state;
        pid_t ppid = 0;
        rest >> state >> ppid;
        if (ppid == self) out.push_back(pid);
    }
    closedir(d);
    return out;
}

static int count_dir(const char* path) {
    int n = 0;
    DIR* d = opendir(path);
    if (!d) return -1;
    while (dirent* e = readdir(d))
        if (e->d_name[0] != '.') ++n;
    closedir(d);
    return n - 1;  // the directory stream's own descriptor (for /proc/self/fd)
}

int open_fd_count() {
    return count_dir("/proc/self/fd");
}
int thread_count() {
    return count_dir("/proc/self/task") + 1;
}

void ProcessHygiene::SetUp() {
    fds_ = open_fd_count();
}

void ProcessHygiene::TearDown() {
    // A child may still be on its way out for a moment after the engine returned; give it 2 s.
    for (int i = 0; i < 200 && !child_pids().empty(); ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    EXPECT_TRUE(child_pids().empty()) << "child processes left behind: " << child_pids().size();
    EXPECT_EQ(open_fd_count(), fds_) << "descriptors leaked";
}

namespace {

void read_some(int& fd, std::string& into) {
    char buf[65536];
    const ssize_t n = read(fd, buf, sizeof buf);
    if (n > 0)
        into.append(buf, static_cast<std::size_t>(n));
    else if (n == 0 || (errno != EINTR && errno != EAGAIN))
        close(fd), fd = -1;
}

}  // namespace

CliResult run_cli(const std::vector<std::string>& args, const CliOptions& opt) {
    int in[2], out[2], err[2];
    if (pipe2(in, O_CLOEXEC) || pipe2(out, O_CLOEXEC) || pipe2(err, O_CLOEXEC)) return {};
    std::vector<std::string> all{cli_path()};
    all.insert(all.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& s : all) argv.push_back(s.data());
    argv.push_back(nullptr);
    const int64_t t0 = monotonic_ns();
    const pid_t pid = fork();
    if (pid == 0) {
        dup2(in[0], 0), dup2(out[1], 1), dup2(err[1], 2);
        execv(argv[0], argv.data());
        _exit(127);
    }
    close(in[0]), close(out[1]), close(err[1]);
    if (!opt.stdin_data.empty()) [[maybe_unused]]
        auto n = write(in[1], opt.stdin_data.data(), opt.stdin_data.size());
    if (!opt.keep_stdin_open && opt.close_stdin_after_s < 0) close(in[1]), in[1] = -1;
    CliResult r;
    int ofd = out[0], efd = err[0];
    bool sent_int = false;
    while (ofd >= 0 || efd >= 0) {
        const double t = (monotonic_ns() - t0) * 1e-9;
        if (t > opt.timeout_s && !r.timed_out) r.timed_out = true, kill(pid, SIGKILL);
        if (opt.sigint_after_s >= 0 && !sent_int && t >= opt.sigint_after_s)
            sent_int = true, kill(pid, SIGINT);
        if (opt.close_stdin_after_s >= 0 && in[1] >= 0 && t >= opt.close_stdin_after_s)
            close(in[1]), in[1] = -1;
        pollfd p[2] = {{ofd, POLLIN, 0}, {efd, POLLIN, 0}};
        poll(p, 2, 10);
        if (ofd >= 0 && p[0].revents) read_some(ofd, r.out);
        if (efd >= 0 && p[1].revents) read_some(efd, r.err);
    }
    if (in[1] >= 0) close(in[1]);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    r.seconds = (monotonic_ns() - t0) * 1e-9;
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return r;
}

}  // namespace poolscope::test
