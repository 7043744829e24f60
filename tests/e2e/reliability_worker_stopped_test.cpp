// Workers the engine ends itself, because the run is stopping after another worker failed, are
// reported as stopped by the engine — not as workers that died of a SIGTERM from somewhere.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "support/process_hygiene.h"
#include "support/shell_run.h"

using namespace poolscope::test;

class ReliabilityWorkerStopped : public ProcessHygiene {};

TEST_F(ReliabilityWorkerStopped, WorkersEndedByTheEngineAreSaidToBeStopped) {
    // Chunk 10 crashes its worker a second into the run, when both workers are long busy (map
    // keeps a chunk queued behind the running one); --on-failure stop ends the other one.
    const CliResult r = run_shell(
        "\"$CLI\" run --workload sleep --param ms=200 --size 20 --workers 2 --chunksize 1 "
        "--sample-ms 0 --inject crash@chunk=10 --json",
        30);
    ASSERT_FALSE(r.timed_out);
    EXPECT_EQ(r.exit_code, 1) << r.err;
    const auto doc = nlohmann::json::parse(r.out, nullptr, false);
    ASSERT_TRUE(doc.is_object()) << r.out;
    bool crashed = false, stopped = false;
    for (const auto& e : doc["errors"]) {
        const std::string code = e["code"], message = e["message"];
        if (code == "worker_died") {
            EXPECT_EQ(message.find("SIGTERM"), std::string::npos) << message;
            crashed |= message.find("SIGSEGV") != std::string::npos;
        }
        if (code == "worker_stopped") {
            stopped = true;
            EXPECT_NE(message.find("was stopped by the engine"), std::string::npos) << message;
        }
    }
    EXPECT_TRUE(crashed) << r.out;
    EXPECT_TRUE(stopped) << r.out;
}
