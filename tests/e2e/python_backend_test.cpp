// The python backends (CPython's multiprocessing.Pool and ThreadPool, run by
// resources/python/poolscope_driver.py): the same items give bit-identical results, so the
// checksum equals the native engine's for every workload with a Python twin, under every
// dispatch, start method, transport and pool lifetime; the driver's stream is one the engine's
// reader accepts; a pool worker killed mid-run is reported within 3 s with nothing left behind
// (Python's own Pool would hang); a missing interpreter is refused before anything starts.
#include <gtest/gtest.h>
#include <signal.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <thread>

#include "core/config/chunk_plan.h"
#include "core/events/event_reader.h"
#include "core/platform/clock.h"
#include "core/session/engine.h"
#include "support/reliability_cli.h"
#include "support/reliability_events.h"
#include "support/reliability_processes.h"
#include "support/scratch_dir.h"

using namespace poolscope;
using namespace poolscope::test;
using nlohmann::json;

namespace {

RunConfig config(const std::string& workload, uint64_t n, int workers) {
    RunConfig c;
    c.workload = workload;
    c.size = n;
    c.workers = workers;
    c.sample_ms = 0;
    if (workload == "cpu") c.params["iterations"] = "300";
    if (workload == "transfer") c.params = {{"rows", "40"}, {"cols", "25"}};
    if (workload == "sleep") c.params["ms"] = "1";
    if (workload == "skewed") c.params["base_iterations"] = "150";
    return c;
}

// Runs the native pool and then each Python config with one prepared engine.
struct Pair {
    RunResult native;
    std::vector<RunResult> python;
};

Pair run_native_then(const RunConfig& base, const std::vector<RunConfig>& pythons) {
    RunObserver none;
    RunConfig first = base;
    first.backend = Backend::Python;  // prepare() then checks the interpreter too
    Engine engine(first, none, {});
    const auto err = engine.prepare();
    EXPECT_FALSE(err) << *err;
    Pair p;
    if (err) return p;
    RunConfig native = base;
    native.backend = Backend::Processes;
    p.native = engine.run_once(native);
    for (const auto& cfg : pythons) p.python.push_back(engine.run_once(cfg));
    return p;
}

void expect_same_as_native(const RunResult& native, const RunResult& py) {
    SCOPED_TRACE(py.label);
    EXPECT_FALSE(py.partial);
    for (const auto& e : py.errors) ADD_FAILURE() << e.code << ": " << e.message;
    EXPECT_EQ(py.checksum_items, native.checksum_items);
    EXPECT_EQ(py.checksum, native.checksum) << "Python results differ from the native engine's";
    EXPECT_EQ(py.chunks_done, py.chunks);
    EXPECT_EQ(py.chunks, planned_chunk_count(py.config.size, effective_chunksize(py.config),
                                             py.config.dispatch, py.config.workers));
    EXPECT_NEAR(py.breakdown.total(), py.workers * py.wall_s, 1e-6 + 1e-6 * py.wall_s);
}

const json* find_error(const json& errors, const std::string& code) {
    for (const auto& e : errors)
        if (e.value("code", "") == code) return &e;
    return nullptr;
}

}  // namespace

class PythonBackend : public ProcessHygiene {};

TEST_F(PythonBackend, ChecksumsEqualTheNativeEngineForEveryWorkloadWithATwin) {
    const std::vector<std::pair<std::string, uint64_t>> cases{
        {"square", 1000}, {"cpu", 120}, {"transfer", 30}, {"sleep", 40}, {"skewed", 200}};
    for (const auto& [wl, n] : cases) {
        RunConfig py = config(wl, n, 3);
        py.backend = Backend::Python;
        const Pair p = run_native_then(config(wl, n, 3), {py});
        ASSERT_EQ(p.python.size(), 1u) << wl;
        EXPECT_EQ(p.native.checksum_items, n) << wl;
        expect_same_as_native(p.native, p.python[0]);
    }
}

#ifdef POOLSCOPE_HAVE_OPENCV
TEST_F(PythonBackend, BlurMatchesWithTheSameOpenCVInBothOutputModes) {
    for (const std::string output : {"checksum", "keep"}) {
        RunConfig base = config("blur", 12, 2);
        base.params = {{"width", "96"}, {"height", "64"}, {"sigma", "3"}, {"output", output}};
        RunConfig py = base;
        py.backend = Backend::Python;
        RunConfig shm = py;
        shm.transport = Transport::Shm;
        const Pair p = run_native_then(base, {py, shm});
        ASSERT_EQ(p.python.size(), 2u) << output;
        for (const auto& r : p.python) expect_same_as_native(p.native, r);
    }
}
#endif

TEST_F(PythonBackend, EveryDispatchStartMethodTransportAndLifetimeMatches) {
    const RunConfig base = config("square", 300, 3);
    std::vector<RunConfig> runs;
    for (Dispatch d : {Dispatch::Map, Dispatch::Imap, Dispatch::ImapUnordered, Dispatch::ApplyAsync,
                       Dispatch::Static})
        for (StartMethod s : {StartMethod::Fork, StartMethod::Spawn}) {
            RunConfig c = base;
            c.backend = Backend::Python;
            c.dispatch = d;
            c.start = s;
            if (d != Dispatch::Static && d != Dispatch::ApplyAsync) c.chunksize = 16;
            runs.push_back(c);
        }
    for (StartMethod s : {StartMethod::Fork, StartMethod::Spawn}) {
        RunConfig c = base;
        c.backend = Backend::Python;
        c.start = s;
        c.transport = Transport::Shm;
        c.pool = PoolLifetime::Warm;
        runs.push_back(c);
    }
    RunConfig threads = base;
    threads.backend = Backend::PythonThreads;
    runs.push_back(threads);
    const Pair p = run_native_then(base, runs);
    ASSERT_EQ(p.python.size(), runs.size());
    for (const auto& r : p.python) expect_same_as_native(p.native, r);
    // The shared segments are the engine's to remove, whatever the driver did.
    for (const auto& e : std::filesystem::directory_iterator("/dev/shm"))
        EXPECT_EQ(e.path().filename().string().find("poolscope-py-" + std::to_string(getpid())),
                  std::string::npos)
            << e.path();
}

TEST_F(PythonBackend, TheDriversStreamPassesTheEnginesReaderAndReplays) {
    test_support::ScratchDir dir;
    const std::string events = dir.file("py.jsonl");
    const CliResult r = run_cli({"run", "--workload", "square", "--size", "500", "--workers", "2",
                                 "--backend", "python", "--compare", "--json", "--events", events});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const json j = json::parse(r.out);
    EXPECT_TRUE(j["checksums_match"].get<bool>()) << "python pool vs the native serial loop";
    const EventStream s = read_event_stream_file(events);
    ASSERT_EQ(s.runs.size(), 2u);
    const StreamRun& py = s.runs[1];
    ASSERT_TRUE(py.result);
    EXPECT_EQ(py.config.backend, Backend::Python);
    EXPECT_EQ(py.chunks.size(), py.result->chunks);
    EXPECT_EQ(py.result->checksum, s.runs[0].result->checksum);
    int ready = 0;
    for (const auto& w : py.workers) ready += w.state == "ready";
    EXPECT_EQ(ready, 2);
    for (const auto& c : py.chunks) {  // phases the real Pool let the driver stamp
        EXPECT_GT(c.dispatch_ns, 0);
        EXPECT_GE(c.recv_end_ns, c.dispatch_ns);
        EXPECT_GE(c.compute_end_ns, c.compute_start_ns);
        EXPECT_GE(c.ser_end_ns, c.compute_end_ns);
        EXPECT_GE(c.received_ns, c.ser_end_ns);
    }
    bool sampled_driver = false;
    for (const auto& smp : py.samples)
        for (const auto& proc : smp.processes) sampled_driver |= proc.role == "driver";
    EXPECT_TRUE(sampled_driver) << "the driver's memory and CPU are sampled from /proc";
    const CliResult replay = run_cli({"replay", events});
    EXPECT_EQ(replay.exit_code, 0) << replay.err;
}

TEST_F(PythonBackend, CompareNativePythonSetsBothPoolsBesideOneSerialRun) {
    const CliResult r = run_cli({"run", "--workload", "cpu", "--param", "iterations=200", "--size",
                                 "400", "--workers", "2", "--compare", "native,python", "--json"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const json j = json::parse(r.out);
    ASSERT_EQ(j["comparisons"].size(), 2u) << r.out;
    const json& native = j["comparisons"][0];
    const json& python = j["comparisons"][1];
    EXPECT_EQ(native["parallel"]["config"]["backend"], "processes");
    EXPECT_EQ(python["parallel"]["config"]["backend"], "python");
    EXPECT_EQ(native["serial"]["run_id"], python["serial"]["run_id"]) << "one serial run";
    EXPECT_TRUE(native["checksums_match"].get<bool>());
    EXPECT_TRUE(python["checksums_match"].get<bool>());
    const CliResult bad = run_cli({"run", "--compare", "native,serial"});
    EXPECT_EQ(bad.exit_code, 2) << bad.err;
}

TEST_F(PythonBackend, AMissingInterpreterOrWhatPythonCannotDoIsRefusedWithExit2) {
    const CliResult r = run_cli({"run", "--workload", "square", "--size", "10", "--backend",
                                 "python", "--python", "/nonexistent/python3"});
    EXPECT_EQ(r.exit_code, 2) << r.err;
    EXPECT_NE(r.err.find("/nonexistent/python3"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("python3-numpy"), std::string::npos) << r.err;
    const CliResult pin = run_cli({"run", "--workload", "square", "--backend", "python", "--pin"});
    EXPECT_EQ(pin.exit_code, 2) << pin.err;
}

class PythonBackendFaults : public ReliabilityTest {};

TEST_F(PythonBackendFaults, AKilledPoolWorkerIsReportedWithin3sAndNothingIsLeft) {
    test_support::ScratchDir dir;
    const std::string events = dir.file("events.jsonl");
    LiveCli cli({"run", "--workload", "sleep", "--param", "ms=20", "--size", "600", "--workers",
                 "3", "--chunksize", "1", "--backend", "python", "--sample-ms", "0", "--json",
                 "--events", events});
    ASSERT_TRUE(cli.started());
    std::vector<pid_t> pids;
    for (int i = 0; i < 600 && pids.size() < 3; ++i) {  // up to 30 s for Python to start
        cli.pump(0.05);
        pids.clear();
        for (const auto& ev : SavedEvents(events).of_type("worker"))
            if (ev["state"] == "ready") pids.push_back(ev["pid"].get<pid_t>());
    }
    ASSERT_EQ(pids.size(), 3u) << "the Python pool did not get ready";
    cli.pump(0.3);
    ASSERT_EQ(cli.exited_ns(), 0) << "the run ended before the kill; make it longer";
    const int64_t killed_at = monotonic_ns();
    ASSERT_EQ(kill(pids[1], SIGKILL), 0);
    const CliResult r = cli.finish(30);
    ASSERT_FALSE(r.timed_out) << "Python's Pool hangs here; the engine must not";
    EXPECT_EQ(r.exit_code, 1) << r.err;
    EXPECT_LT((cli.exited_ns() - killed_at) * 1e-9, 3.0);
    const json j = json::parse(r.out, nullptr, false);
    ASSERT_FALSE(j.is_discarded()) << r.out;
    EXPECT_TRUE(j["partial"].get<bool>());
    const json* e = find_error(j["errors"], "worker_killed");
    ASSERT_NE(e, nullptr) << j["errors"].dump();
    EXPECT_EQ((*e)["pid"], pids[1]);
    EXPECT_NE((*e)["message"].get<std::string>().find("wait for the lost task forever"),
              std::string::npos);
    EXPECT_TRUE(wait_until_gone(pids, 2).empty()) << "pool workers left behind";
    for (const auto& f : std::filesystem::directory_iterator("/dev/shm"))
        EXPECT_EQ(f.path().filename().string().find("poolscope-py-" + std::to_string(cli.pid())),
                  std::string::npos);
}

TEST_F(PythonBackendFaults, AHungTaskEndsAtTheTaskTimeoutAndStopEndsTheRun) {
    CliOptions patient;
    patient.timeout_s = 60;
    const CliResult hung = run_cli(
        {"run", "--workload", "square", "--size", "40", "--workers", "2", "--chunksize", "5",
         "--backend", "python", "--inject", "hang@chunk=3", "--task-timeout", "1", "--json"},
        patient);
    ASSERT_FALSE(hung.timed_out);
    EXPECT_EQ(hung.exit_code, 1) << hung.err;
    const json j = json::parse(hung.out, nullptr, false);
    ASSERT_FALSE(j.is_discarded()) << hung.out;
    const json* e = find_error(j["errors"], "timeout");
    ASSERT_NE(e, nullptr) << j["errors"].dump();
    EXPECT_EQ((*e)["chunk"], 3);

    CliOptions stop;
    stop.timeout_s = 60;
    stop.sigint_after_s = 3;
    const CliResult stopped =
        run_cli({"run", "--workload", "sleep", "--param", "ms=50", "--size", "2000", "--workers",
                 "2", "--backend", "python-threads", "--json"},
                stop);
    ASSERT_FALSE(stopped.timed_out);
    EXPECT_EQ(stopped.exit_code, 130) << stopped.err;
}
