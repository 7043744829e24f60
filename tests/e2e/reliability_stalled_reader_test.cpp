// A reader that never reads: --events into a FIFO whose reader holds it open and sleeps. The run
// must not wait for it — not during the run, and not at the end either: the final flush gives up
// after 2 s without progress, says how much was dropped, and the CLI exits 1 with its table.
#include <gtest/gtest.h>

#include "support/process_hygiene.h"
#include "support/scratch_dir.h"
#include "support/shell_run.h"

using namespace poolscope::test;
using poolscope::test_support::ScratchDir;

class ReliabilityStalledReader : public ProcessHygiene {};

TEST_F(ReliabilityStalledReader, TheFinalFlushIsBoundedAndTheDropReported) {
    ScratchDir dir;
    const std::string fifo = shell_quote(dir.file("events.fifo"));
    // Thousands of chunk records: far more than a pipe holds.
    const CliResult r = run_shell("mkfifo " + fifo + " && { sleep 60 <" + fifo +
                                      " & reader=$!; \"$CLI\" run --workload square --size 20000 "
                                      "--chunksize 2 --workers 2 --sample-ms 0 --events " +
                                      fifo + "; rc=$?; kill $reader; exit $rc; }",
                                  40);
    ASSERT_FALSE(r.timed_out) << "the engine waited for a reader that never reads";
    EXPECT_LT(r.seconds, 20);
    EXPECT_EQ(r.exit_code, 1) << r.err;
    EXPECT_NE(r.err.find("the reader took nothing for 2000 ms"), std::string::npos) << r.err;
    EXPECT_NE(r.out.find("checksum"), std::string::npos) << "the table is still printed";
}
