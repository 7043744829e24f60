// --start changes how workers come to life: a spawn worker is a fresh execution of the
// poolscope-cli binary, a fork worker is a copy of the engine's own image, and spawn pays more
// start-up for it.
#include <gtest/gtest.h>

#include <map>

#include "support/process_hygiene.h"
#include "support/settings_proc.h"
#include "support/settings_runs.h"

using namespace poolscope;

namespace {

// The executable of every worker, read from /proc while the worker is alive and ready.
struct ExeRecorder : RunObserver {
    std::map<int, std::string> exe;
    void on_worker(const WorkerEvent& e) override {
        if (e.state == "ready") exe[e.worker] = test::exe_of(e.pid);
    }
};

RunConfig start_config(StartMethod start) {
    RunConfig cfg = test::settings_config("square", 8, 2);
    cfg.start = start;
    return cfg;
}

}  // namespace

class SettingsStartMethod : public test::ProcessHygiene {};

TEST_F(SettingsStartMethod, SpawnWorkersExecuteTheCliAndForkWorkersShareOurImage) {
    const std::string cli = test::real_path(test::cli_path());
    const std::string self = test::exe_of(getpid());
    ASSERT_NE(cli, self) << "the test binary must not be the CLI, or the check proves nothing";

    ExeRecorder spawn;
    const RunResult s = test::run_config(start_config(StartMethod::Spawn), spawn);
    EXPECT_TRUE(s.errors.empty());
    ASSERT_EQ(spawn.exe.size(), 2u);
    for (const auto& [w, exe] : spawn.exe) EXPECT_EQ(exe, cli) << "spawn worker " << w;

    ExeRecorder fork;
    const RunResult f = test::run_config(start_config(StartMethod::Fork), fork);
    EXPECT_TRUE(f.errors.empty());
    ASSERT_EQ(fork.exe.size(), 2u);
    for (const auto& [w, exe] : fork.exe) EXPECT_EQ(exe, self) << "fork worker " << w;
    EXPECT_EQ(s.checksum, f.checksum);
}

TEST_F(SettingsStartMethod, SpawnStartsSlowerThanFork) {
    std::vector<double> spawn, fork;
    for (int i = 0; i < 3; ++i) {
        spawn.push_back(test::run_config(start_config(StartMethod::Spawn)).startup_s);
        fork.push_back(test::run_config(start_config(StartMethod::Fork)).startup_s);
    }
    EXPECT_GT(test::median(fork), 0);
    EXPECT_GT(test::median(spawn), test::median(fork))
        << "exec + rebuilding the workload should cost more than fork";
}
