// The children a raw baseline forks. Each is reaped by waitpid on its own pid (never -1, which
// could steal a child the engine owns); one still running when the set goes away is killed
// first, so a benchmark that fails half-way leaves no process behind.
#pragma once

#include <signal.h>
#include <sys/wait.h>

#include <cerrno>
#include <vector>

namespace poolscope::bench {

class ChildSet {
  public:
    ChildSet() = default;
    ChildSet(const ChildSet&) = delete;
    ChildSet& operator=(const ChildSet&) = delete;
    ~ChildSet() {
        for (const pid_t pid : pids_) ::kill(pid, SIGKILL);
        reap_all();
    }

    void add(pid_t pid) { pids_.push_back(pid); }
    std::size_t size() const { return pids_.size(); }

    // Waits for every child; true when all of them exited with status 0.
    bool reap_all() {
        bool clean = true;
        for (const pid_t pid : pids_) {
            int status = 0;
            pid_t r;
            while ((r = ::waitpid(pid, &status, 0)) < 0 && errno == EINTR) {
            }
            clean = clean && r == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0;
        }
        pids_.clear();
        return clean;
    }

  private:
    std::vector<pid_t> pids_;
};

}  // namespace poolscope::bench
