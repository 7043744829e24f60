// --control-stdin, the GUI's leash on the engine: a "stop" line or the end of stdin ends the run
// within 1 s and every process within 2 s (measured from the moment the test acts), the result
// is printed and marked partial with the reason, exit 130, no further repeat starts, and a
// second "stop" (together with the first, or during the shutdown) changes nothing.
#include <gtest/gtest.h>

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

enum class Act { Stop, DoubleStop, StopThenStopAgain, CloseStdin };

struct Outcome {
    CliResult cli;
    json result;
    int64_t acted_at = 0;
    int64_t exited_at = 0;
    int64_t run_end_at = 0;
    int run_starts = 0;
    std::vector<pid_t> workers;
    std::vector<pid_t> alive_after_2s;
};

// A --repeat 3 series of sleep tasks (~3 s each); the test acts 0.4 s into the first run.
Outcome run_and_act(Act act) {
    Outcome o;
    test_support::ScratchDir dir;
    const std::string events = dir.file("events.jsonl");
    LiveCli cli({"run", "--workload", "sleep", "--param", "ms=20", "--size", "300", "--workers",
                 "2", "--chunksize", "1", "--repeat", "3", "--sample-ms", "0", "--control-stdin",
                 "--json", "--events", events});
    EXPECT_TRUE(cli.started());
    if (!cli.started()) return o;
    o.workers = wait_for_children(cli.pid(), 2, 20);
    EXPECT_EQ(o.workers.size(), 2u) << "the pool did not start";
    cli.pump(0.4);
    EXPECT_EQ(cli.exited_ns(), 0) << "the run ended before the test acted";
    o.acted_at = monotonic_ns();
    switch (act) {
        case Act::Stop:
            cli.write_stdin("stop\n");
            break;
        case Act::DoubleStop:
            cli.write_stdin("stop\nstop\n");
            break;
        case Act::StopThenStopAgain:
            cli.write_stdin("stop\n");
            cli.pump(0.05);
            cli.write_stdin("stop\n");
            break;
        case Act::CloseStdin:
            cli.close_stdin();
            break;
    }
    const int64_t gone_by = o.acted_at + 2'000'000'000;
    o.alive_after_2s =
        wait_until_gone(o.workers, std::max<int64_t>(gone_by - monotonic_ns(), 0) * 1e-9);
    o.cli = cli.finish(30);
    o.exited_at = cli.exited_ns();
    o.result = json::parse(o.cli.out, nullptr, false);
    const SavedEvents saved(events);
    for (const auto& e : saved.of_type("run_end")) o.run_end_at = saved.monotonic_ns(e);
    o.run_starts = static_cast<int>(saved.of_type("run_start").size());
    return o;
}

void expect_stopped_in_time(const Outcome& o, const std::string& reason) {
    ASSERT_FALSE(o.cli.timed_out) << "the stop was ignored";
    EXPECT_EQ(o.cli.exit_code, 130) << o.cli.err;
    ASSERT_NE(o.run_end_at, 0) << "no run_end event";
    EXPECT_LT((o.run_end_at - o.acted_at) * 1e-9, 1.0) << "the run must end within 1 s";
    EXPECT_TRUE(o.alive_after_2s.empty()) << "workers still running 2 s after the stop";
    EXPECT_LT((o.exited_at - o.acted_at) * 1e-9, 2.0) << "the engine must be gone within 2 s";
    EXPECT_EQ(o.run_starts, 1) << "no further repeat may start after a stop";
    ASSERT_FALSE(o.result.is_discarded()) << "the partial result must still be printed\n"
                                          << o.cli.out;
    EXPECT_TRUE(o.result["partial"].get<bool>());
    const uint64_t done = o.result["checksum_items"];
    EXPECT_GT(done, 0u);
    EXPECT_LT(done, 300u);
    int interrupted = 0;
    for (const auto& e : o.result["errors"])
        if (e["code"] == "interrupted") {
            ++interrupted;
            EXPECT_EQ(e["message"], reason);
        }
    EXPECT_EQ(interrupted, 1) << o.result["errors"].dump();
}

}  // namespace

class ReliabilityControlStdin : public ReliabilityTest {};

TEST_F(ReliabilityControlStdin, StopLineEndsTheRunPromptly) {
    expect_stopped_in_time(run_and_act(Act::Stop), "stopped by request");
}

TEST_F(ReliabilityControlStdin, ClosedStdinEndsTheRunPromptly) {
    expect_stopped_in_time(run_and_act(Act::CloseStdin), "control channel closed");
}

TEST_F(ReliabilityControlStdin, TwoStopsAtOnceAreOneStop) {
    expect_stopped_in_time(run_and_act(Act::DoubleStop), "stopped by request");
}

TEST_F(ReliabilityControlStdin, SecondStopDuringShutdownIsHarmless) {
    const Outcome o = run_and_act(Act::StopThenStopAgain);
    expect_stopped_in_time(o, "stopped by request");
    EXPECT_EQ(o.cli.err.find("error"), std::string::npos) << o.cli.err;
}
