#include "core/workloads/fork_helper.h"

#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <mutex>
#include <thread>

namespace poolscope {

namespace {

// The lock a library keeps inside the process (an allocator's, a logger's).
std::mutex g_library_lock;

volatile sig_atomic_t g_term = 0;

void on_term(int) {
    g_term = 1;
}

[[noreturn]] void helper_main(pid_t parent) {
    // Dies with the worker; the check closes the race with a worker that died before prctl.
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != parent) _exit(3);
    g_library_lock.lock();  // `locked`: held by a thread that does not exist here, forever
    g_library_lock.unlock();
    _exit(0);
}

// Waits for the helper. The task timeout ends a worker with SIGTERM: the helper is killed and
// reaped first, then the worker ends as SIGTERM would have ended it.
std::optional<std::string> wait_for(pid_t helper) {
    struct sigaction term {
    }, old{};
    term.sa_handler = on_term;  // no SA_RESTART: waitpid returns EINTR
    sigemptyset(&term.sa_mask);
    sigaction(SIGTERM, &term, &old);
    int status = 0;
    pid_t r;
    while ((r = waitpid(helper, &status, 0)) < 0 && errno == EINTR) {
        if (!g_term) continue;
        kill(helper, SIGKILL);
        while (waitpid(helper, &status, 0) < 0 && errno == EINTR) {
        }
        sigaction(SIGTERM, &old, nullptr);
        raise(SIGTERM);
        _exit(128 + SIGTERM);
    }
    sigaction(SIGTERM, &old, nullptr);
    if (r < 0) return std::string("waiting for the forked helper failed: ") + strerror(errno);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        return "the forked helper did not exit cleanly (status " + std::to_string(status) + ")";
    return std::nullopt;
}

}  // namespace

std::optional<std::string> run_fork_helper(ForkHelper mode) {
    if (mode == ForkHelper::none) return std::nullopt;
    std::atomic<bool> held{false}, release{false};
    std::thread holder;
    if (mode == ForkHelper::locked) {
        holder = std::thread([&] {
            const std::lock_guard<std::mutex> lock(g_library_lock);
            held = true;
            while (!release) std::this_thread::sleep_for(std::chrono::microseconds(100));
        });
        while (!held) std::this_thread::yield();
    }
    const pid_t parent = getpid();
    const pid_t helper = fork();
    if (helper == 0) helper_main(parent);
    if (holder.joinable()) {
        release = true;
        holder.join();
    }
    if (helper < 0) return std::string("cannot fork the helper: ") + strerror(errno);
    return wait_for(helper);
}

}  // namespace poolscope
