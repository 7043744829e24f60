// --backend mpi on this machine (mpirun --oversubscribe): every workload gives the serial
// engine's checksum with 2 and 3 worker ranks; the event stream has each rank's start, ready
// and exit with its host, samples tagged with the host and the clock figures in the result; a
// rank killed from outside ends the run within 3 s naming rank, host and chunk; Stop and
// --task-timeout end every process within 2 s and leave no shared-memory segment of OpenMPI's
// behind; bad input is refused before any process.
#include <gtest/gtest.h>
#include <signal.h>
#include <stdlib.h>

#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "core/platform/clock.h"
#include "core/workloads/workload_registry.h"
#include "support/mpi_job.h"
#include "support/reliability_cli.h"
#include "support/reliability_events.h"
#include "support/reliability_processes.h"
#include "support/scratch_dir.h"
#include "support/small_workloads.h"

using namespace poolscope;
using namespace poolscope::test;
using nlohmann::json;

namespace {

class MpiBackend : public ReliabilityTest {
  protected:
    void SetUp() override {
        ReliabilityTest::SetUp();
        if (auto why = mpi_unavailable(); !why.empty()) GTEST_SKIP() << why;
        segments_ = mpi_segments();
    }
    void TearDown() override {
        if (!IsSkipped()) {
            std::vector<std::string> left;
            for (const auto& s : mpi_segments())
                if (!segments_.count(s)) left.push_back(s);
            EXPECT_TRUE(left.empty()) << "a shared-memory segment was left in /dev/shm: "
                                      << (left.empty() ? "" : left.front());
        }
        ReliabilityTest::TearDown();
    }

  private:
    std::set<std::string> segments_;
};

class MpiChecksums : public MpiBackend, public ::testing::WithParamInterface<int> {};

CliOptions within(double seconds) {
    CliOptions o;
    o.timeout_s = seconds;
    return o;
}

const json* find_error(const json& errors, const std::string& code) {
    for (const auto& e : errors)
        if (e.value("code", "") == code) return &e;
    return nullptr;
}

// A run of ~30 ms sleep tasks that lasts several seconds on W worker ranks.
std::vector<std::string> long_run(int workers, std::vector<std::string> extra) {
    std::vector<std::string> a{
        "run",        "--backend",   "mpi",     "--workers",   std::to_string(workers),
        "--workload", "sleep",       "--param", "ms=30",       "--size",
        "400",        "--chunksize", "1",       "--sample-ms", "100",
        "--json"};
    a.insert(a.end(), extra.begin(), extra.end());
    return a;
}

// Polls the event file until a `chunks` event is there: the ranks are working.
bool wait_for_chunks(const std::string& events, LiveCli& cli, double timeout_s) {
    const int64_t deadline = monotonic_ns() + static_cast<int64_t>(timeout_s * 1e9);
    while (monotonic_ns() < deadline && cli.exited_ns() == 0) {
        if (SavedEvents(events).has_type("chunks")) return true;
        cli.pump(0.05);
    }
    return false;
}

}  // namespace

TEST_P(MpiChecksums, EveryWorkloadMatchesTheSerialEngine) {
    const int workers = GetParam();
    for (const auto& w : list_workloads()) {
        SCOPED_TRACE(w.name);
        std::vector<std::string> args{
            "run",        "--backend",   "mpi",    "--workers", std::to_string(workers),
            "--workload", w.name,        "--size", "37",        "--chunksize",
            "4",          "--sample-ms", "0",      "--compare", "--json"};
        for (const auto& [k, v] : test_support::small_params(w.name))
            args.insert(args.end(), {"--param", k + "=" + v});
        const CliResult r = run_cli(args, within(60));
        ASSERT_EQ(r.exit_code, 0) << r.err;
        const json j = json::parse(r.out, nullptr, false);
        ASSERT_FALSE(j.is_discarded()) << r.out;
        const json& serial = j["serial"];
        const json& mpi = j["parallel"];
        EXPECT_EQ(mpi["config"]["backend"], "mpi");
        EXPECT_EQ(mpi["checksum"], serial["checksum"]);
        EXPECT_EQ(mpi["checksum_items"], 37);
        EXPECT_EQ(mpi["chunks_done"], 10);  // ceil(37 / 4)
        EXPECT_FALSE(mpi["partial"].get<bool>());
        EXPECT_GT(mpi["bytes_to_workers"].get<uint64_t>(), 0u) << "MPI messages count as transfer";
    }
}

INSTANTIATE_TEST_SUITE_P(Workers, MpiChecksums, ::testing::Values(2, 3));

TEST_F(MpiBackend, EventsNameEveryRankWithItsHostAndTheClockFigures) {
    test_support::ScratchDir dir;
    const std::string events = dir.file("events.jsonl");
    const CliResult r = run_cli(
        {"run", "--backend", "mpi", "--workers", "3", "--workload", "sleep", "--param", "ms=5",
         "--size", "120", "--chunksize", "2", "--sample-ms", "50", "--json", "--events", events},
        within(60));
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const SavedEvents saved(events);
    std::map<int, std::set<std::string>> states;
    std::set<std::string> hosts;
    for (const auto& e : saved.of_type("worker")) {
        states[e["worker"].get<int>()].insert(e["state"].get<std::string>());
        ASSERT_TRUE(e.contains("host")) << e.dump();
        hosts.insert(e["host"].get<std::string>());
        EXPECT_GT(e["pid"].get<int>(), 0) << e.dump();
    }
    ASSERT_EQ(states.size(), 3u);
    for (const auto& [w, s] : states)
        EXPECT_EQ(s, (std::set<std::string>{"started", "ready", "exited"})) << "worker " << w;
    EXPECT_EQ(hosts.size(), 1u);
    const auto samples = saved.of_type("sample");
    ASSERT_FALSE(samples.empty());
    for (const auto& s : samples) EXPECT_EQ(s.value("host", ""), *hosts.begin());
    // Every rank ran chunks, and the result says how well each host's clock is known.
    const json j = json::parse(r.out);
    std::set<int> ran;
    for (const auto& w : j["worker_records"])
        if (w["chunks"].get<int>() > 0) ran.insert(w["index"].get<int>());
    EXPECT_EQ(ran.size(), 3u);
    ASSERT_EQ(j["machine"]["hosts"].size(), 1u) << j["machine"].dump();
    const json& h = j["machine"]["hosts"][0];
    EXPECT_EQ(h["ranks"], 4);
    EXPECT_GE(h["clock_uncertainty_s"].get<double>(), 0.0);
    EXPECT_LT(h["clock_uncertainty_s"].get<double>(), 0.05);
}

TEST_F(MpiBackend, AKilledRankEndsTheRunWithin3sNamingRankHostAndChunk) {
    test_support::ScratchDir dir;
    const std::string events = dir.file("events.jsonl");
    LiveCli cli(long_run(3, {"--events", events}));
    ASSERT_TRUE(cli.started());
    const auto ranks = wait_for_ranks(cli.pid(), 4, 30);
    ASSERT_GT(ranks[2], 0) << "rank 2 did not start";
    ASSERT_TRUE(wait_for_chunks(events, cli, 30)) << "no chunk finished";
    cli.pump(0.3);  // every rank into its tasks
    ASSERT_EQ(cli.exited_ns(), 0) << "the run ended before the kill; make it longer";
    const int64_t killed_at = monotonic_ns();
    ASSERT_EQ(kill(ranks[2], SIGKILL), 0);
    const CliResult r = cli.finish(30);
    ASSERT_FALSE(r.timed_out);
    EXPECT_EQ(r.exit_code, 1) << r.err;
    EXPECT_LT((cli.exited_ns() - killed_at) * 1e-9, 3.0);
    const json j = json::parse(r.out, nullptr, false);
    ASSERT_FALSE(j.is_discarded()) << r.out;
    EXPECT_TRUE(j["partial"].get<bool>());
    EXPECT_GT(j["checksum_items"].get<int>(), 0) << "finished results are kept";
    const json* e = find_error(j["errors"], "worker_killed");
    ASSERT_NE(e, nullptr) << j["errors"].dump();
    const std::string msg = (*e)["message"];
    EXPECT_NE(msg.find("rank 2"), std::string::npos) << msg;
    EXPECT_NE(msg.find("on host "), std::string::npos) << msg;
    EXPECT_NE(msg.find("while running chunk "), std::string::npos) << msg;
    EXPECT_EQ((*e)["worker"], 1);
    EXPECT_GE((*e)["chunk"].get<int>(), 0);
    EXPECT_TRUE(wait_until_gone(ranks, 2.0).empty()) << "every rank ends with the job";
}

TEST_F(MpiBackend, StopEndsMpirunAndEveryRankWithin2s) {
    test_support::ScratchDir dir;
    const std::string events = dir.file("events.jsonl");
    LiveCli cli(long_run(2, {"--control-stdin", "--events", events}));
    ASSERT_TRUE(cli.started());
    const auto ranks = wait_for_ranks(cli.pid(), 3, 30);
    ASSERT_GT(ranks[1], 0);
    ASSERT_TRUE(wait_for_chunks(events, cli, 30)) << "no chunk finished";
    ASSERT_EQ(cli.exited_ns(), 0);
    const auto job = descendants_of(cli.pid());
    const int64_t acted_at = monotonic_ns();
    cli.write_stdin("stop\n");
    const CliResult r = cli.finish(30);
    ASSERT_FALSE(r.timed_out);
    EXPECT_EQ(r.exit_code, 130) << r.err;
    EXPECT_LT((cli.exited_ns() - acted_at) * 1e-9, 2.0);
    EXPECT_TRUE(wait_until_gone(job, 0.1).empty()) << "mpirun or a rank outlived the engine";
    const json j = json::parse(r.out, nullptr, false);
    ASSERT_FALSE(j.is_discarded()) << r.out;
    EXPECT_TRUE(j["partial"].get<bool>());
    EXPECT_NE(find_error(j["errors"], "interrupted"), nullptr) << j["errors"].dump();
}

TEST_F(MpiBackend, SigintEndsEverythingWithin2s) {
    test_support::ScratchDir dir;
    const std::string events = dir.file("events.jsonl");
    LiveCli cli(long_run(2, {"--events", events}));
    ASSERT_TRUE(cli.started());
    const auto ranks = wait_for_ranks(cli.pid(), 3, 30);
    ASSERT_GT(ranks[1], 0);
    ASSERT_TRUE(wait_for_chunks(events, cli, 30)) << "no chunk finished";
    const auto job = descendants_of(cli.pid());
    const int64_t acted_at = monotonic_ns();
    kill(cli.pid(), SIGINT);
    const CliResult r = cli.finish(30);
    EXPECT_EQ(r.exit_code, 130) << r.err;
    EXPECT_LT((cli.exited_ns() - acted_at) * 1e-9, 2.0);
    EXPECT_TRUE(wait_until_gone(job, 0.1).empty());
}

TEST_F(MpiBackend, TaskTimeoutEndsTheJobNamingRankAndChunk) {
    const int64_t t0 = monotonic_ns();
    const CliResult r = run_cli({"run",
                                 "--backend",
                                 "mpi",
                                 "--workers",
                                 "2",
                                 "--workload",
                                 "sleep",
                                 "--param",
                                 "ms=5",
                                 "--size",
                                 "40",
                                 "--chunksize",
                                 "1",
                                 "--sample-ms",
                                 "0",
                                 "--inject",
                                 "hang@chunk=3",
                                 "--task-timeout",
                                 "0.5",
                                 "--json"},
                                within(60));
    EXPECT_EQ(r.exit_code, 1) << r.err;
    EXPECT_LT((monotonic_ns() - t0) * 1e-9, 20.0);
    const json j = json::parse(r.out, nullptr, false);
    ASSERT_FALSE(j.is_discarded()) << r.out;
    const json* e = find_error(j["errors"], "timeout");
    ASSERT_NE(e, nullptr) << j["errors"].dump();
    EXPECT_EQ((*e)["chunk"], 3);
    const std::string msg = (*e)["message"];
    EXPECT_NE(msg.find("on host "), std::string::npos) << msg;
    EXPECT_NE(msg.find("chunk 3"), std::string::npos) << msg;
}

TEST_F(MpiBackend, BadInputIsRefusedBeforeAnyProcess) {
    struct Case {
        std::vector<std::string> args;
        std::string says;
    };
    const std::vector<Case> cases{
        {{"--backend", "mpi", "--transport", "shm", "--hosts", "localhost:2,otherhost:2"},
         "--transport shm needs every worker on one machine"},
        {{"--backend", "processes", "--hosts", "localhost:2"}, "--hosts needs --backend mpi"},
        {{"--backend", "mpi", "--hosts", "otherhost:2,localhost:2"}, "must be this machine"},
        {{"--backend", "mpi", "--on-failure", "retry"}, "a lost rank ends the whole MPI job"},
        {{"--backend", "mpi", "--hosts", "a:0"}, "slots of 'a'"},
    };
    for (const auto& c : cases) {
        std::vector<std::string> args{"run", "--workload", "square", "--size", "10"};
        args.insert(args.end(), c.args.begin(), c.args.end());
        const CliResult r = run_cli(args, within(20));
        EXPECT_EQ(r.exit_code, 2) << c.says << "\n" << r.err;
        EXPECT_NE(r.err.find(c.says), std::string::npos) << r.err;
    }
}

TEST_F(MpiBackend, MissingOpenMpiIsRefusedNamingThePackages) {
    const std::string saved = getenv("PATH") ? getenv("PATH") : "";
    setenv("PATH", "/nonexistent", 1);
    const CliResult r =
        run_cli({"run", "--backend", "mpi", "--workload", "square", "--size", "10"}, within(20));
    setenv("PATH", saved.c_str(), 1);
    EXPECT_EQ(r.exit_code, 2) << r.err;
    EXPECT_NE(r.err.find("openmpi-bin libopenmpi-dev"), std::string::npos) << r.err;
}
