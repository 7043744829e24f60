// The real poolscope-cli binary: its JSON is a parseable contract, its exit codes are those of
// the docs, bad input exits 2 before any process starts, and Ctrl-C gives 130 with a partial
// result. Every run must leave no process behind (the harness waits for stderr to close, which
// only happens once every worker holding it is gone).
#include <gtest/gtest.h>
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "support/process_hygiene.h"

using namespace poolscope::test;
using nlohmann::json;

class Cli : public ProcessHygiene {};

TEST_F(Cli, CompareJsonIsOneDocumentWithTheContractFields) {
    const auto r = run_cli({"run", "--workload", "square", "--size", "1000", "--workers", "4",
                            "--compare", "--json", "--sample-ms", "50"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const json j = json::parse(r.out);
    for (const char* k : {"config", "machine", "serial", "parallel", "speedup", "efficiency", "T",
                          "C", "verdict", "checksums_match"})
        EXPECT_TRUE(j.contains(k)) << k;
    EXPECT_EQ(j["serial"]["checksum"], j["parallel"]["checksum"]);
    EXPECT_TRUE(j["checksums_match"].get<bool>());
    const json& p = j["parallel"];
    for (const char* k : {"wall_s", "startup_s", "teardown_s", "compute_s", "breakdown", "checksum",
                          "items", "chunks", "partial", "errors", "memory", "cpu"})
        EXPECT_TRUE(p.contains(k)) << k;
    EXPECT_EQ(p["items"], 1000);
    EXPECT_EQ(p["chunks"], 16);  // auto = ceil(1000 / 16) = 63 -> 16 chunks
    EXPECT_FALSE(p["partial"].get<bool>());
    const double T = j["T"], sw = j["serial"]["wall_s"];
    EXPECT_NEAR(T, sw / 1000, 1e-12);
    EXPECT_EQ(j["config"]["workload"], "square");
    EXPECT_GT(j["machine"]["usable_cores"].get<int>(), 0);
}

TEST_F(Cli, RepeatReportsMedianMinMax) {
    const auto r = run_cli({"run", "--workload", "square", "--size", "100", "--workers", "2",
                            "--repeat", "3", "--json", "--sample-ms", "0"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const json j = json::parse(r.out);
    ASSERT_EQ(j["runs"].size(), 3u);
    const double med = j["median"]["wall_s"], lo = j["min"]["wall_s"], hi = j["max"]["wall_s"];
    EXPECT_LE(lo, med);
    EXPECT_LE(med, hi);
}

TEST_F(Cli, TableShowsBreakdownTAndCAndVerdict) {
    const auto r = run_cli({"run", "--workload", "square", "--size", "1000", "--compare"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    for (const char* s :
         {"serial", "parallel", "breakdown", "speedup", "T ", "C ", "checksums match", "verdict:"})
        EXPECT_NE(r.out.find(s), std::string::npos) << s << "\n" << r.out;
}

TEST_F(Cli, BadInputExitsTwoWithOneLine) {
    const auto r = run_cli({"run", "--workers", "0"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("--workers must be in 1"), std::string::npos) << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
    EXPECT_TRUE(r.out.empty());
    EXPECT_EQ(run_cli({"frobnicate"}).exit_code, 2);
    EXPECT_EQ(run_cli({"run", "--size"}).exit_code, 2);
}

TEST_F(Cli, ContradictoryOptionsAreRefusedNotIgnored) {
    const auto r = run_cli({"run", "--backend", "threads", "--start", "spawn"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("--start spawn contradicts --backend threads"), std::string::npos)
        << r.err;
    const auto a = run_cli({"run", "--dispatch", "apply_async", "--chunksize", "5"});
    EXPECT_EQ(a.exit_code, 2);
    EXPECT_NE(a.err.find("one message per task"), std::string::npos) << a.err;
}

TEST_F(Cli, SigintGivesExit130AndAPartialResult) {
    CliOptions o;
    o.sigint_after_s = 0.6;
    o.timeout_s = 20;
    const auto r = run_cli({"run", "--workload", "sleep", "--param", "ms=20", "--size", "400",
                            "--workers", "2", "--chunksize", "1", "--json"},
                           o);
    EXPECT_EQ(r.exit_code, 130) << r.err;
    EXPECT_LT(r.seconds, 0.6 + 1.5) << "stops within a second";
    const json j = json::parse(r.out);
    EXPECT_TRUE(j["partial"].get<bool>());
    const uint64_t done = j["checksum_items"];
    EXPECT_GT(done, 0u);
    EXPECT_LT(done, 400u);
    bool interrupted = false;
    for (const auto& e : j["errors"]) interrupted = interrupted || e["code"] == "interrupted";
    EXPECT_TRUE(interrupted);
}

TEST_F(Cli, ListHelpAndVersion) {
    const auto l = run_cli({"list"});
    EXPECT_EQ(l.exit_code, 0);
    for (const char* s : {"square", "cpu", "iterations", "10000", "item_us"})
        EXPECT_NE(l.out.find(s), std::string::npos) << s;
    const auto h = run_cli({"run", "--help"});
    EXPECT_EQ(h.exit_code, 0);
    EXPECT_NE(h.out.find("--chunksize N|auto"), std::string::npos);
    const auto v = run_cli({"--version"});
    EXPECT_EQ(v.exit_code, 0);
    EXPECT_NE(v.out.find("poolscope-cli "), std::string::npos);
}

// `list --json` is the schema a script or a form builds from: every workload's parameters with
// typed bounds, every command's options. The bounds it prints are the ones run enforces.
TEST_F(Cli, ListJsonIsTheSchemaRunEnforces) {
    const auto r = run_cli({"list", "--json"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const json j = json::parse(r.out);
    EXPECT_EQ(j["type"], "options");
    EXPECT_EQ(j["schema"], 1);
    std::vector<std::string> workloads;
    json iterations;
    for (const json& w : j["workloads"]) {
        workloads.push_back(w["name"]);
        for (const json& p : w["params"]) {
            EXPECT_TRUE(p.contains("kind") && p.contains("default") && p.contains("help"));
            if (w["name"] == "cpu" && p["key"] == "iterations") iterations = p;
            if (w["name"] == "blur" && p["key"] == "output") {
                EXPECT_EQ(p["choices"], json({"checksum", "keep", "write"}));
            }
        }
    }
    // blur is there when the build has OpenCV.
    for (const char* w : {"square", "cpu", "transfer", "sleep", "skewed"})
        EXPECT_NE(std::find(workloads.begin(), workloads.end(), w), workloads.end()) << w;
    ASSERT_EQ(iterations["kind"], "integer");
    json run;
    for (const json& c : j["commands"])
        if (c["name"] == "run") run = c;
    ASSERT_TRUE(run.is_object());
    json dispatch;
    for (const json& o : run["options"])
        if (o["name"] == "--dispatch") dispatch = o;
    EXPECT_EQ(dispatch["values"], json({"map", "imap", "imap_unordered", "apply_async", "static"}));
    // run's options carry the option schema: type, bounds, default, backends, contradictions.
    json size, lock, start;
    for (const json& o : run["options"]) {
        if (o["name"] == "--size") size = o;
        if (o["name"] == "--global-lock") lock = o;
        if (o["name"] == "--start") start = o;
    }
    EXPECT_EQ(size["kind"], "integer");
    EXPECT_EQ(size["default"], "2000");
    EXPECT_EQ(lock["backends"], json({"threads"}));
    EXPECT_EQ(start["value_backends"]["forkserver"], json({"python"}));
    EXPECT_NE(std::find(lock["contradicts"].begin(), lock["contradicts"].end(), "--backend"),
              lock["contradicts"].end());
    const auto size_max = std::to_string(size["max"].get<uint64_t>());
    const auto over_size =
        run_cli({"run", "--size", std::to_string(size["max"].get<uint64_t>() + 1)});
    EXPECT_EQ(over_size.exit_code, 2);
    EXPECT_NE(over_size.err.find("--size must be in 0 … " + size_max), std::string::npos)
        << over_size.err;
    // The printed maximum is accepted (the run is only validated: --size 0), one more is refused.
    const std::string max = std::to_string(iterations["max"].get<uint64_t>());
    const std::string over = std::to_string(iterations["max"].get<uint64_t>() + 1);
    EXPECT_EQ(run_cli({"run", "--workload", "cpu", "--param", "iterations=" + max, "--size", "0",
                       "--workers", "1"})
                  .exit_code,
              0);
    const auto refused = run_cli({"run", "--workload", "cpu", "--param", "iterations=" + over,
                                  "--size", "0", "--workers", "1"});
    EXPECT_EQ(refused.exit_code, 2);
    EXPECT_NE(refused.err.find("iterations"), std::string::npos) << refused.err;
    EXPECT_EQ(run_cli({"list", "--yaml"}).exit_code, 2);
}

TEST_F(Cli, SharedMemoryThatCannotBeCreatedIsAClearErrorNotASigbus) {
    const auto r =
        run_cli({"run", "--workload", "transfer", "--param", "rows=10", "--param", "cols=10",
                 "--size", "50", "--transport", "shm", "--inject", "shm-full", "--json"});
    EXPECT_EQ(r.exit_code, 1) << r.err;
    const json j = json::parse(r.out);
    ASSERT_FALSE(j["errors"].empty());
    EXPECT_EQ(j["errors"][0]["code"], "shm_failed");
    const std::string msg = j["errors"][0]["message"];
    EXPECT_NE(msg.find("try --transport pipe"), std::string::npos) << msg;
    EXPECT_TRUE(j["partial"].get<bool>());
    EXPECT_EQ(j["checksum_items"], 0);
}
