// Test support for the reliability tests: the process tree of a run. The fixture makes the test
// process a child subreaper, so a worker orphaned by a killed engine is re-parented here instead
// of to init; TearDown then fails the test for any that is still alive and cleans it up, so
// "nothing left behind" is checked even for grandchildren.
#pragma once

#include <sys/types.h>

#include <cstddef>
#include <vector>

#include "support/process_hygiene.h"

namespace poolscope::test {

// Processes whose parent is `parent` (zombies included), from /proc/*/stat.
std::vector<pid_t> children_of(pid_t parent);
// True when pid no longer runs: no such process, or a zombie waiting for its reaper.
bool process_gone(pid_t pid);
// Polls until every pid is gone or timeout_s passes; returns the ones still running.
std::vector<pid_t> wait_until_gone(const std::vector<pid_t>& pids, double timeout_s);
// Polls until `parent` has at least n children or timeout_s passes; returns its children.
std::vector<pid_t> wait_for_children(pid_t parent, std::size_t n, double timeout_s);

class ReliabilityTest : public ProcessHygiene {
  protected:
    void SetUp() override;
    void TearDown() override;
};

}  // namespace poolscope::test
