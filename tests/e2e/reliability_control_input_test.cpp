// What can arrive on --control-stdin besides "stop": an endless line (/dev/zero through a pipe),
// a 10 MB line, or a stdin that is no channel at all (a directory, /dev/zero itself). None may
// hold the engine's loop or spin it: long lines are discarded with a warning, a stdin that
// poll() would always report readable is refused up front (exit 2).
#include <gtest/gtest.h>

#include "support/process_hygiene.h"
#include "support/shell_run.h"

using namespace poolscope::test;

namespace {

// About 0.5 s of sleep tasks; the run ends by itself.
const std::string kShortRun =
    "\"$CLI\" run --workload sleep --param ms=10 --size 100 --workers 2 --chunksize 1 "
    "--sample-ms 0 --control-stdin";
// Far longer than any test: it only ends through the control channel.
const std::string kLongRun =
    "\"$CLI\" run --workload sleep --param ms=20 --size 5000 --workers 2 --chunksize 1 "
    "--sample-ms 0 --control-stdin";
// Empty lines every 0.2 s keep stdin open; the writer dies of SIGPIPE once the CLI is gone.
const std::string kKeepOpen = "while :; do sleep 0.2; echo; done";
const std::string kTenMegabyteLine = "head -c 10000000 /dev/zero | tr '\\000' a";

class ReliabilityControlInput : public ProcessHygiene {};

}  // namespace

TEST_F(ReliabilityControlInput, AnEndlessLineFromDevZeroDoesNotHoldTheRun) {
    const CliResult r = run_shell("cat /dev/zero | " + kShortRun, 30);
    ASSERT_FALSE(r.timed_out) << "the engine kept reading the control channel";
    EXPECT_LT(r.seconds, 10);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.err.find("a line longer than 4096 bytes was discarded"), std::string::npos)
        << r.err;
}

TEST_F(ReliabilityControlInput, ATenMegabyteLineIsDiscardedWithAWarning) {
    const CliResult r =
        run_shell("{ " + kTenMegabyteLine + "; echo; " + kKeepOpen + "; } | " + kShortRun, 30);
    ASSERT_FALSE(r.timed_out);
    EXPECT_LT(r.seconds, 10);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.err.find("a line longer than 4096 bytes was discarded"), std::string::npos)
        << r.err;
}

TEST_F(ReliabilityControlInput, StopAfterALongLineStillStops) {
    const CliResult r = run_shell(
        "{ " + kTenMegabyteLine + "; printf '\\nstop\\n'; " + kKeepOpen + "; } | " + kLongRun, 30);
    ASSERT_FALSE(r.timed_out) << "the stop after the long line was lost";
    EXPECT_LT(r.seconds, 10);
    EXPECT_EQ(r.exit_code, 130) << r.err;
}

TEST_F(ReliabilityControlInput, DevZeroAsStdinIsRefused) {
    const CliResult r = run_shell(kLongRun + " </dev/zero", 30);
    ASSERT_FALSE(r.timed_out) << "the engine spun on /dev/zero";
    EXPECT_EQ(r.exit_code, 2) << r.err;
    EXPECT_NE(r.err.find("--control-stdin: stdin is a character device"), std::string::npos)
        << r.err;
}

TEST_F(ReliabilityControlInput, ADirectoryAsStdinIsRefused) {
    const CliResult r = run_shell(kLongRun + " </", 30);
    ASSERT_FALSE(r.timed_out) << "the engine spun on a directory";
    EXPECT_EQ(r.exit_code, 2) << r.err;
    EXPECT_NE(r.err.find("--control-stdin: stdin is a directory"), std::string::npos) << r.err;
}
