// A worker SIGKILLed from outside the engine (the OOM killer's way) while `poolscope-cli run`
// runs: the engine notices within 1 s, names it "killed by SIGKILL (possibly out of memory)" with
// its pid in the JSON and the event stream, exits 1 and never hangs; with --on-failure skip only
// the chunk it was running is lost and the rest of the run completes on a replacement worker.
#include <gtest/gtest.h>
#include <signal.h>

#include <nlohmann/json.hpp>

#include "core/platform/clock.h"
#include "support/reliability_cli.h"
#include "support/reliability_events.h"
#include "support/reliability_processes.h"
#include "support/scratch_dir.h"

using namespace poolscope;
using namespace poolscope::test;
using nlohmann::json;

namespace {

std::vector<std::string> sleep_run(const std::string& events, const std::string& size) {
    return {"run", "--workload", "sleep",    "--param",     "ms=10", "--size",
            size,  "--workers",  "3",        "--chunksize", "1",     "--sample-ms",
            "0",   "--json",     "--events", events};
}

const json* find_error(const json& errors, const std::string& code) {
    for (const auto& e : errors)
        if (e.value("code", "") == code) return &e;
    return nullptr;
}

// Starts the CLI, waits until its three workers are busy, SIGKILLs one; returns its pid.
pid_t kill_one_worker(LiveCli& cli, int64_t& killed_at) {
    const auto workers = wait_for_children(cli.pid(), 3, 20);
    EXPECT_EQ(workers.size(), 3u) << "the pool did not start";
    if (workers.size() < 3) return -1;
    cli.pump(0.3);  // let every worker get into its tasks
    EXPECT_EQ(cli.exited_ns(), 0) << "the run ended before the kill; make it longer";
    const pid_t victim = workers[1];
    killed_at = monotonic_ns();
    EXPECT_EQ(kill(victim, SIGKILL), 0);
    return victim;
}

}  // namespace

class ReliabilityWorkerKilled : public ReliabilityTest {};

TEST_F(ReliabilityWorkerKilled, NoticedWithinOneSecondAndNamedPossiblyOutOfMemory) {
    test_support::ScratchDir dir;
    const std::string events = dir.file("events.jsonl");
    LiveCli cli(sleep_run(events, "600"));
    ASSERT_TRUE(cli.started());
    int64_t killed_at = 0;
    const pid_t victim = kill_one_worker(cli, killed_at);
    ASSERT_GT(victim, 0);
    const CliResult r = cli.finish(30);
    ASSERT_FALSE(r.timed_out) << "a killed worker must never hang the run";
    EXPECT_EQ(r.exit_code, 1) << r.err;
    EXPECT_LT((cli.exited_ns() - killed_at) * 1e-9, 2.0)
        << "noticed within 1 s, stopped within 1 s";

    const json j = json::parse(r.out, nullptr, false);
    ASSERT_FALSE(j.is_discarded()) << r.out;
    EXPECT_TRUE(j["partial"].get<bool>());
    const json* e = find_error(j["errors"], "worker_killed");
    ASSERT_NE(e, nullptr) << j["errors"].dump();
    EXPECT_EQ((*e)["pid"], victim);
    EXPECT_EQ((*e)["signal"], SIGKILL);
    const std::string msg = (*e)["message"];
    EXPECT_NE(msg.find("killed by SIGKILL (possibly out of memory)"), std::string::npos) << msg;
    EXPECT_NE(msg.find("pid " + std::to_string(victim)), std::string::npos) << msg;

    // When it was noticed: the error event's time on the shared monotonic clock.
    const SavedEvents saved(events);
    int64_t noticed_at = 0;
    for (const auto& ev : saved.of_type("error"))
        if (ev.value("code", "") == "worker_killed" && ev["pid"] == victim)
            noticed_at = saved.monotonic_ns(ev);
    ASSERT_NE(noticed_at, 0) << "no worker_killed error event for pid " << victim;
    const double after = (noticed_at - killed_at) * 1e-9;
    EXPECT_GE(after, -0.005) << "noticed before it happened: the event clock is off";
    EXPECT_LT(after, 1.0) << "noticed " << after << " s after the kill";
}

TEST_F(ReliabilityWorkerKilled, EventStreamShowsTheKilledWorkerThenAPartialRunEnd) {
    test_support::ScratchDir dir;
    const std::string events = dir.file("events.jsonl");
    LiveCli cli(sleep_run(events, "600"));
    ASSERT_TRUE(cli.started());
    int64_t killed_at = 0;
    const pid_t victim = kill_one_worker(cli, killed_at);
    ASSERT_GT(victim, 0);
    const CliResult r = cli.finish(30);
    ASSERT_FALSE(r.timed_out);

    const SavedEvents saved(events);
    bool started = false, exited_killed = false;
    for (const auto& w : saved.of_type("worker")) {
        if (w["pid"] != victim) continue;
        started = started || w["state"] == "started";
        if (w["state"] == "killed") {
            exited_killed = true;
            EXPECT_EQ(w["signal"], SIGKILL);
        }
    }
    EXPECT_TRUE(started) << "the victim's start was not in the stream";
    EXPECT_TRUE(exited_killed) << "no worker event says the victim was killed";
    const auto ends = saved.of_type("run_end");
    ASSERT_EQ(ends.size(), 1u);
    EXPECT_TRUE(ends[0]["result"]["partial"].get<bool>());
    // run_end is the run's last word; only the series' end follows it.
    const auto& all = saved.all();
    ASSERT_GE(all.size(), 2u);
    EXPECT_EQ(all[all.size() - 2]["type"], "run_end");
    EXPECT_EQ(all.back()["type"], "series_end");
}

TEST_F(ReliabilityWorkerKilled, SkipLosesOnlyTheRunningChunkAndFinishesTheRest) {
    test_support::ScratchDir dir;
    const std::string events = dir.file("events.jsonl");
    auto args = sleep_run(events, "300");
    args.insert(args.end(), {"--on-failure", "skip"});
    LiveCli cli(args);
    ASSERT_TRUE(cli.started());
    int64_t killed_at = 0;
    const pid_t victim = kill_one_worker(cli, killed_at);
    ASSERT_GT(victim, 0);
    const CliResult r = cli.finish(30);
    ASSERT_FALSE(r.timed_out);
    EXPECT_EQ(r.exit_code, 1) << "a lost item makes the run failed\n" << r.err;
    const json j = json::parse(r.out, nullptr, false);
    ASSERT_FALSE(j.is_discarded()) << r.out;
    EXPECT_EQ(j["items_failed"], 1) << "chunksize 1: exactly the item it was running";
    EXPECT_EQ(j["checksum_items"], 299);
    ASSERT_NE(find_error(j["errors"], "worker_killed"), nullptr) << j["errors"].dump();
    int starts = 0;
    for (const auto& w : SavedEvents(events).of_type("worker")) starts += w["state"] == "started";
    EXPECT_EQ(starts, 4) << "three workers and one replacement";
}
