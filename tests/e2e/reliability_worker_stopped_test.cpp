// Workers the engine ends itself, because the run is stopping after another worker failed, are
// reported as stopped by the engine — not as workers that died of a SIGTERM from somewhere.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "support/process_hygiene.h"
#include "support/shell_run.h"

using namespace poolscope::test;

class ReliabilityWorkerStopped : public ProcessHygiene {};

TEST_F(ReliabilityWorkerStopped, WorkersEndedByTheEngineAreSaidToBeStopped) {
    // Worker 0 crashes on chunk 0 while worker 1 sleeps through chunk 1; --on-failure stop.
    const CliResult r = run_shell(
        "\"$CLI\" run --workload sleep --param ms=2000 --size 4 --workers 2 --chunksize 1 "
        "--sample-ms 0 --inject crash@chunk=0 --json",
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
