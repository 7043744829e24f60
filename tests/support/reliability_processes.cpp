#include "support/reliability_processes.h"

#include <dirent.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>

#include "core/platform/clock.h"

namespace poolscope::test {

namespace {

struct StatLine {
    char state = '?';
    pid_t ppid = 0;
};

// /proc/PID/stat fields 3 and 4 (https://docs.kernel.org/filesystems/proc.html); the command
// name in parentheses may itself hold spaces and parentheses, so parse after the last ')'.
bool read_stat(pid_t pid, StatLine& out) {
    std::ifstream f("/proc/" + std::to_string(pid) + "/stat");
    std::string line;
    if (!std::getline(f, line)) return false;
    const auto close = line.rfind(')');
    if (close == std::string::npos || close + 2 > line.size()) return false;
    std::istringstream rest(line.substr(close + 2));
    return static_cast<bool>(rest >> out.state >> out.ppid);
}

bool is_zombie(const StatLine& s) {
    return s.state == 'Z' || s.state == 'X';
}

void sleep_ms(int ms) {
    std::this_thread::sleep_for(std::chrono::milliseconds(ms));
}

}  // namespace

std::vector<pid_t> children_of(pid_t parent) {
    std::vector<pid_t> out;
    DIR* d = opendir("/proc");
    if (!d) return out;
    while (dirent* e = readdir(d)) {
        const pid_t pid = static_cast<pid_t>(std::atoi(e->d_name));
        StatLine s;
        if (pid > 0 && read_stat(pid, s) && s.ppid == parent) out.push_back(pid);
    }
    closedir(d);
    return out;
}

bool process_gone(pid_t pid) {
    StatLine s;
    return !read_stat(pid, s) || is_zombie(s);
}

std::vector<pid_t> wait_until_gone(const std::vector<pid_t>& pids, double timeout_s) {
    const int64_t deadline = monotonic_ns() + static_cast<int64_t>(timeout_s * 1e9);
    for (;;) {
        std::vector<pid_t> alive;
        for (pid_t p : pids)
            if (!process_gone(p)) alive.push_back(p);
        if (alive.empty() || monotonic_ns() >= deadline) return alive;
        sleep_ms(2);
    }
}

std::vector<pid_t> wait_for_children(pid_t parent, std::size_t n, double timeout_s) {
    const int64_t deadline = monotonic_ns() + static_cast<int64_t>(timeout_s * 1e9);
    for (;;) {
        auto kids = children_of(parent);
        if (kids.size() >= n || monotonic_ns() >= deadline) return kids;
        sleep_ms(5);
    }
}

void ReliabilityTest::SetUp() {
    ProcessHygiene::SetUp();
    ASSERT_EQ(prctl(PR_SET_CHILD_SUBREAPER, 1), 0);
}

void ReliabilityTest::TearDown() {
    // Orphans adopted from a killed engine: dead ones are fine (reaped below); live ones were
    // left behind. Give them the contract's 2 s before calling them leftovers.
    const pid_t self = getpid();
    std::vector<pid_t> alive = wait_until_gone(children_of(self), 2.0);
    EXPECT_TRUE(alive.empty()) << alive.size() << " process(es) still running 2 s after the test, "
                               << "first pid " << (alive.empty() ? 0 : alive[0]);
    for (pid_t p : alive) kill(p, SIGKILL);
    for (pid_t p : children_of(self)) {
        while (waitpid(p, nullptr, 0) < 0 && errno == EINTR) {
        }
    }
    prctl(PR_SET_CHILD_SUBREAPER, 0);
    ProcessHygiene::TearDown();
}

}  // namespace poolscope::test
