// Test support: what a test must leave behind — no child process, the same open descriptors —
// and a way to run the real CLI binary with a deadline.
#pragma once

#include <sys/types.h>

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace poolscope::test {

// Live (or zombie) children of this process, found through /proc/*/stat.
std::vector<pid_t> child_pids();
int open_fd_count();
// Threads of this process (/proc/self/task entries).
int thread_count();

// Records descriptors and children at SetUp; TearDown fails the test if any child remains or
// the descriptor count changed.
class ProcessHygiene : public ::testing::Test {
  protected:
    void SetUp() override;
    void TearDown() override;

  private:
    int fds_ = 0;
};

struct CliResult {
    int exit_code = -1;  // 128+signal when killed
    std::string out;
    std::string err;
    bool timed_out = false;
    double seconds = 0;
};

struct CliOptions {
    double timeout_s = 60;
    std::string stdin_data;
    bool keep_stdin_open = false;  // stdin stays open (for --control-stdin) until the end
    double sigint_after_s = -1;    // send SIGINT to the CLI after this many seconds
    double close_stdin_after_s = -1;
};

// Runs POOLSCOPE_CLI_PATH with args; always reaps it.
CliResult run_cli(const std::vector<std::string>& args, const CliOptions& opt = {});

std::string cli_path();
std::string fixtures_dir();

}  // namespace poolscope::test
