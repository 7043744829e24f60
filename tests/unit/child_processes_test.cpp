// A Python run's other processes: the children /proc lists for every thread of a process, and
// which command lines are multiprocessing's forkserver and resource tracker (the telemetry
// samples them under those roles).
#include <gtest/gtest.h>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>

#include "core/telemetry/child_processes.h"
#include "support/scratch_dir.h"

namespace poolscope {
namespace {

void write(const std::filesystem::path& path, const std::string& text) {
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path) << text;
}

TEST(ChildProcesses, EveryThreadsChildrenAreListed) {
    test_support::ScratchDir dir;
    const std::filesystem::path proc = dir.file("proc");
    write(proc / "42/task/42/children", "100 101 ");
    write(proc / "42/task/43/children", "");  // a thread without children
    write(proc / "42/task/44/children", "205");
    auto kids = child_pids(42, proc.string());
    std::sort(kids.begin(), kids.end());
    EXPECT_EQ(kids, (std::vector<pid_t>{100, 101, 205}));
    EXPECT_TRUE(child_pids(7, proc.string()).empty());  // gone: nothing, no error
}

TEST(ChildProcesses, TheLiveKernelListsAChildOfThisProcess) {
    const pid_t child = fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        pause();
        _exit(0);
    }
    const auto kids = child_pids(getpid());
    kill(child, SIGKILL);
    waitpid(child, nullptr, 0);
    EXPECT_NE(std::find(kids.begin(), kids.end(), child), kids.end());
}

TEST(ChildProcesses, MultiprocessingHelpersAreKnownByTheirCommandLine) {
    using namespace std::string_literals;
    EXPECT_EQ(python_helper_role("/usr/bin/python3\0-c\0from multiprocessing.forkserver import "
                                 "main; main(5, 6, ['__main__'], **{'sys_path': []})\0"s),
              "forkserver");
    EXPECT_EQ(
        python_helper_role(
            "/usr/bin/python3\0-c\0from multiprocessing.resource_tracker import main;main(4)\0"s),
        "resource_tracker");
    EXPECT_EQ(python_helper_role("/usr/bin/python3\0driver.py\0"s), "");
    EXPECT_EQ(python_helper_role(""), "");
}

}  // namespace
}  // namespace poolscope
