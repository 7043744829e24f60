// --pin changes where workers may run: worker i is confined to usable core i mod cores (read
// from /proc/PID/status while it is alive and ready); without --pin it may run on every core
// the engine may. Both start methods.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <vector>

#include "core/platform/machine_info.h"
#include "support/process_hygiene.h"
#include "support/settings_proc.h"
#include "support/settings_runs.h"

using namespace poolscope;

namespace {

struct AffinityRecorder : RunObserver {
    std::map<int, std::vector<int>> cpus;
    void on_worker(const WorkerEvent& e) override {
        if (e.state == "ready") cpus[e.worker] = test::cpus_allowed_of(e.pid);
    }
};

constexpr int kWorkers = 3;  // more workers than two cores: the mapping wraps

std::map<int, std::vector<int>> worker_cpus(bool pin, StartMethod start) {
    RunConfig cfg = test::settings_config("square", 6, kWorkers);
    cfg.pin = pin;
    cfg.start = start;
    AffinityRecorder rec;
    const RunResult r = test::run_config(cfg, rec);
    EXPECT_TRUE(r.errors.empty());
    EXPECT_EQ(r.checksum_items, 6u);
    return rec.cpus;
}

}  // namespace

class SettingsPin : public test::ProcessHygiene, public ::testing::WithParamInterface<std::string> {
  protected:
    void SetUp() override {
        test::ProcessHygiene::SetUp();
        machine_ = read_machine_info();
        if (machine_.affinity_cpus.size() < 2)
            GTEST_SKIP() << "one usable CPU: pinned and unpinned workers look the same";
    }
    MachineInfo machine_;
};

TEST_P(SettingsPin, PinnedWorkerRunsOnOneCoreEach) {
    const auto cpus = worker_cpus(true, *parse_start_method(GetParam()));
    ASSERT_EQ(cpus.size(), static_cast<std::size_t>(kWorkers));
    const std::size_t usable =
        std::min(machine_.affinity_cpus.size(), static_cast<std::size_t>(machine_.usable_cores));
    for (const auto& [i, list] : cpus)
        EXPECT_EQ(list, std::vector<int>{machine_.affinity_cpus[i % usable]}) << "worker " << i;
}

TEST_P(SettingsPin, UnpinnedWorkerMayRunOnEveryCore) {
    const auto cpus = worker_cpus(false, *parse_start_method(GetParam()));
    ASSERT_EQ(cpus.size(), static_cast<std::size_t>(kWorkers));
    for (const auto& [i, list] : cpus) {
        EXPECT_EQ(list, test::own_affinity()) << "worker " << i;
        EXPECT_EQ(list, machine_.affinity_cpus) << "worker " << i;
    }
}

INSTANTIATE_TEST_SUITE_P(Start, SettingsPin, ::testing::Values("fork", "spawn"),
                         [](const auto& p) { return p.param; });
