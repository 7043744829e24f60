// Out of file descriptors (`ulimit -n 32`, 16 workers need about 50): the engine cannot start
// every worker, and says so — exit 1, a start_failed error that names the cause — within
// seconds, without crashing or hanging, and without leaving a worker behind (the fixture adopts
// orphans, so one that outlives the engine fails the test).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "support/reliability_cli.h"
#include "support/reliability_processes.h"
#include "support/scratch_dir.h"

using namespace poolscope::test;
using nlohmann::json;

namespace {

CliResult run_with_32_fds(std::vector<std::string> extra) {
    std::vector<std::string> args{"run", "--workload", "sleep", "--param",     "ms=1", "--size",
                                  "200", "--workers",  "16",    "--chunksize", "1",    "--json"};
    args.insert(args.end(), extra.begin(), extra.end());
    LiveCli cli(args, {.nofile_limit = 32});
    EXPECT_TRUE(cli.started());
    return cli.finish(30);
}

void expect_clear_failure(const CliResult& r) {
    ASSERT_FALSE(r.timed_out) << "hung when out of descriptors";
    EXPECT_EQ(r.exit_code, 1) << "a failed run: not a crash (128+signal), not a hang, not an "
                                 "interruption (130) nobody asked for\n"
                              << r.err;
    EXPECT_LT(r.seconds, 10.0);
    const json j = json::parse(r.out, nullptr, false);
    ASSERT_FALSE(j.is_discarded()) << "the result must still be printed\n" << r.out << r.err;
    EXPECT_TRUE(j["partial"].get<bool>());
    bool named = false;
    for (const auto& e : j["errors"]) {
        if (e["code"] != "start_failed") continue;
        const std::string msg = e["message"];
        EXPECT_NE(msg.find("cannot start worker"), std::string::npos) << msg;
        named = named || msg.find("Too many open files") != std::string::npos;
    }
    EXPECT_TRUE(named) << "the error must name the cause: " << j["errors"].dump();
}

}  // namespace

class ReliabilityFdLimit : public ReliabilityTest {};

TEST_F(ReliabilityFdLimit, SixteenWorkersUnderUlimit32FailClearly) {
    expect_clear_failure(run_with_32_fds({"--sample-ms", "0"}));
}

TEST_F(ReliabilityFdLimit, SamplingAndAnEventFileUnderUlimit32FailClearly) {
    poolscope::test_support::ScratchDir dir;
    expect_clear_failure(
        run_with_32_fds({"--sample-ms", "50", "--events", dir.file("events.jsonl")}));
}
