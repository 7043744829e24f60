// --reap-delay-ms: a pool that leaves its exited workers unreaped for a while. The telemetry's
// process list then shows them as zombies (state Z, nothing resident), the run's figures count
// them, and they are reaped before the run ends: no zombie survives it. A pool that reaps at once
// shows none, and a Stop reaps at once whatever the delay.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <functional>

#include <nlohmann/json.hpp>

#include "core/engine/stop_source.h"
#include "core/platform/clock.h"
#include "core/session/engine.h"
#include "support/process_hygiene.h"
#include "support/settings_runs.h"

using namespace poolscope;

namespace {

constexpr int kWorkers = 3;

RunConfig sleep_config(int reap_delay_ms) {
    RunConfig cfg = test::settings_config("sleep", 30, kWorkers, {{"ms", "2"}});
    cfg.chunksize = 1;
    cfg.sample_ms = 50;
    cfg.reap_delay_ms = reap_delay_ms;
    return cfg;
}

// The process list of every sample, and when each worker's exit was reported (it is reported
// once the worker is reaped).
struct SampleLog : RunObserver {
    std::vector<Sample> samples;
    std::vector<int64_t> exits_ns;
    std::function<void(const Sample&)> on_each;

    void on_sample(const std::string&, const Sample& s) override {
        samples.push_back(s);
        if (on_each) on_each(s);
    }
    void on_worker(const WorkerEvent& e) override {
        if (e.state == "exited" || e.state == "killed") exits_ns.push_back(e.t_ns);
    }
};

int zombie_workers(const Sample& s) {
    return static_cast<int>(std::count_if(s.processes.begin(), s.processes.end(), [](auto& p) {
        return p.role == "worker" && !p.gone && p.state == 'Z';
    }));
}

// A stop the test asks for itself, through a pipe like the CLI's control channel.
class PipeStop final : public StopSource {
  public:
    PipeStop() { EXPECT_EQ(pipe2(fds_, O_CLOEXEC | O_NONBLOCK), 0); }
    ~PipeStop() override { close(fds_[0]), close(fds_[1]); }
    void request() { (void)!write(fds_[1], "x", 1); }
    int fd() const override { return fds_[0]; }
    bool check() override {
        char c;
        while (read(fds_[0], &c, 1) == 1) stopped_ = true;
        return stopped_;
    }
    std::string reason() const override { return "test"; }

  private:
    int fds_[2] = {-1, -1};
    bool stopped_ = false;
};

}  // namespace

class SettingsReapDelay : public test::ProcessHygiene {};

TEST_F(SettingsReapDelay, LateReapShowsZombiesThenLeavesNone) {
    SampleLog log;
    const RunResult r = test::run_config(sleep_config(400), log);
    EXPECT_TRUE(r.errors.empty()) << r.errors.front().message;
    EXPECT_EQ(r.checksum_items, 30u);
    EXPECT_EQ(test::coverage_problem(r), "");
    // The exited workers stay in the process list, in state Z with nothing resident.
    int most = 0;
    for (const Sample& s : log.samples) {
        most = std::max(most, zombie_workers(s));
        for (const ProcessSample& p : s.processes)
            if (p.role == "worker" && p.state == 'Z') {
                EXPECT_EQ(p.rss_bytes, 0u) << "a zombie has no memory left";
                EXPECT_EQ(p.pss_bytes, 0u);
            }
    }
    EXPECT_GE(most, 1) << "no sample saw a zombie worker in " << log.samples.size();
    EXPECT_EQ(r.memory.peak_zombie_workers, static_cast<uint64_t>(most));
    // Each worker is reaped (its exit reported) only after the delay: the pool's close waits.
    EXPECT_GE(r.teardown_s, 0.4);
    ASSERT_EQ(log.exits_ns.size(), static_cast<std::size_t>(kWorkers));
    for (const auto& w : r.worker_records) EXPECT_EQ(w.state, "exited") << w.index;
    // Then reaped: nothing of the run is left, not even a zombie.
    EXPECT_TRUE(test::child_pids().empty()) << "a worker survived the run";
}

TEST_F(SettingsReapDelay, ReapingAtOnceShowsNoZombie) {
    for (int i = 0; i < 3; ++i) {
        SampleLog log;
        const RunResult r = test::run_config(sleep_config(0), log);
        EXPECT_TRUE(r.errors.empty());
        EXPECT_GE(log.samples.size(), 2u);
        for (const Sample& s : log.samples) EXPECT_EQ(zombie_workers(s), 0);
        EXPECT_EQ(r.memory.peak_zombie_workers, 0u);
        EXPECT_LT(r.teardown_s, 0.4);
    }
}

TEST_F(SettingsReapDelay, StopReapsAtOnceWhateverTheDelay) {
    PipeStop stop;
    SampleLog log;
    int64_t stopped_ns = 0;
    log.on_each = [&](const Sample& s) {
        if (stopped_ns == 0 && zombie_workers(s) > 0) stopped_ns = monotonic_ns(), stop.request();
    };
    const RunConfig cfg = sleep_config(10'000);
    Engine engine(cfg, log, {&stop});
    engine.set_worker_exe(test::cli_path());
    ASSERT_EQ(engine.prepare(), std::nullopt);
    const RunResult r = engine.run_once(cfg);
    const int64_t end_ns = monotonic_ns();
    ASSERT_GT(stopped_ns, 0) << "no sample saw a zombie worker";
    EXPECT_LT((end_ns - stopped_ns) * 1e-9, 1.0) << "a Stop must not wait out the reap delay";
    EXPECT_EQ(r.checksum_items, 30u) << "every item had finished before the stop";
    EXPECT_TRUE(test::child_pids().empty()) << "a worker survived the run";
}

TEST_F(SettingsReapDelay, TheCliReportsTheZombiesItSaw) {
    const std::vector<std::string> args{
        "run", "--workload",      "sleep", "--param",     "ms=2", "--size",
        "20",  "--workers",       "2",     "--chunksize", "1",    "--sample-ms",
        "50",  "--reap-delay-ms", "300",   "--progress",  "never"};
    const auto table = test::run_cli(args);
    EXPECT_EQ(table.exit_code, 0) << table.err;
    EXPECT_NE(table.out.find("zombies: up to "), std::string::npos) << table.out;
    auto json_args = args;
    json_args.push_back("--json");
    const auto doc = test::run_cli(json_args);
    ASSERT_EQ(doc.exit_code, 0) << doc.err;
    const auto j = nlohmann::json::parse(doc.out);
    EXPECT_EQ(j["config"]["reap_delay_ms"], 300);
    EXPECT_GE(j["memory"]["peak_zombie_workers"].get<int>(), 1);
}
