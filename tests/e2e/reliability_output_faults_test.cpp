// Output faults: every output of the CLI (the table, --json, --events to a file or stdout,
// replay's tables, export's trace and CSV) written to /dev/full or to a descriptor closed at
// start. Each must end with exit 1 and one line on stderr naming the output and the OS error —
// never exit 0 in silence — and the run is not lost: its table still reaches stderr.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "support/process_hygiene.h"
#include "support/scratch_dir.h"
#include "support/shell_run.h"

using namespace poolscope::test;
using poolscope::test_support::ScratchDir;

namespace {

const std::string kRun =
    "\"$CLI\" run --workload square --size 200 --workers 2 --sample-ms 0 --compare";
constexpr const char* kNoSpace = "No space left on device";
constexpr const char* kClosed = "Bad file descriptor";

class ReliabilityOutputFaults : public ProcessHygiene {
  protected:
    // A finished stream to replay and export.
    std::string saved_stream() {
        const std::string path = dir_.file("run.jsonl");
        const CliResult r = run_shell(kRun + " --events " + shell_quote(path) + " >/dev/null");
        EXPECT_EQ(r.exit_code, 0) << r.err;
        return path;
    }
    ScratchDir dir_;
};

void expect_reported(const CliResult& r, const std::string& what, const char* os_error) {
    EXPECT_FALSE(r.timed_out);
    EXPECT_EQ(r.exit_code, 1) << r.err;
    EXPECT_NE(r.err.find("cannot write " + what + ": " + os_error), std::string::npos) << r.err;
}

// The comparison's table reached stderr even though its own output failed.
void expect_table_on_stderr(const CliResult& r) {
    EXPECT_NE(r.err.find("speedup"), std::string::npos) << r.err;
}

}  // namespace

TEST_F(ReliabilityOutputFaults, TableToAFullDevice) {
    const CliResult r = run_shell(kRun + " >/dev/full");
    expect_reported(r, "the table to stdout", kNoSpace);
    expect_table_on_stderr(r);
}

TEST_F(ReliabilityOutputFaults, TableToAClosedStdout) {
    const CliResult r = run_shell(kRun + " >&-");
    expect_reported(r, "the table to stdout", kClosed);
    expect_table_on_stderr(r);
}

TEST_F(ReliabilityOutputFaults, JsonToAFullDevice) {
    const CliResult r = run_shell(kRun + " --json >/dev/full");
    expect_reported(r, "the JSON result to stdout", kNoSpace);
    expect_table_on_stderr(r);
}

TEST_F(ReliabilityOutputFaults, JsonToAClosedStdout) {
    const CliResult r = run_shell(kRun + " --json >&-");
    expect_reported(r, "the JSON result to stdout", kClosed);
    expect_table_on_stderr(r);
}

TEST_F(ReliabilityOutputFaults, EventsFileOnAFullDevice) {
    const CliResult r = run_shell(kRun + " --events /dev/full");
    expect_reported(r, "the event stream to '/dev/full'", kNoSpace);
    EXPECT_NE(r.out.find("speedup"), std::string::npos) << "the table must still reach stdout";
}

TEST_F(ReliabilityOutputFaults, EventsOnStdoutToAFullDevice) {
    const CliResult r = run_shell(kRun + " --events - >/dev/full");
    expect_reported(r, "the event stream to stdout", kNoSpace);
    expect_table_on_stderr(r);
}

TEST_F(ReliabilityOutputFaults, EventsOnAClosedStdoutGoNowhereElse) {
    // fd 1 closed: the engine's own pipes must not take its place and receive the stream.
    const CliResult r = run_shell(kRun + " --events - >&-");
    expect_reported(r, "the event stream to stdout", kClosed);
    expect_table_on_stderr(r);
    EXPECT_EQ(r.err.find("\"type\""), std::string::npos) << "events leaked into stderr";
}

TEST_F(ReliabilityOutputFaults, ReplayToAFullDevice) {
    const std::string stream = saved_stream();
    expect_reported(run_shell("\"$CLI\" replay " + shell_quote(stream) + " >/dev/full"),
                    "the tables to stdout", kNoSpace);
    expect_reported(run_shell("\"$CLI\" replay " + shell_quote(stream) + " >&-"),
                    "the tables to stdout", kClosed);
}

TEST_F(ReliabilityOutputFaults, ExportFilesOnAFullDevice) {
    const std::string stream = saved_stream();
    const CliResult trace =
        run_shell("\"$CLI\" export " + shell_quote(stream) + " --trace /dev/full");
    expect_reported(trace, "the trace to '/dev/full'", kNoSpace);
    const CliResult csv = run_shell("\"$CLI\" export " + shell_quote(stream) + " --csv /dev/full");
    expect_reported(csv, "the CSV to '/dev/full'", kNoSpace);
}

TEST_F(ReliabilityOutputFaults, ExportToStdoutFullOrClosed) {
    const std::string stream = saved_stream();
    const std::string q = shell_quote(stream);
    expect_reported(run_shell("\"$CLI\" export " + q + " --trace - >/dev/full"),
                    "the trace to stdout", kNoSpace);
    expect_reported(run_shell("\"$CLI\" export " + q + " --csv - >&-"), "the CSV to stdout",
                    kClosed);
}

TEST_F(ReliabilityOutputFaults, OneFailedExportDoesNotCostTheOther) {
    const std::string stream = saved_stream();
    const std::string csv = dir_.file("runs.csv");
    const CliResult r = run_shell("\"$CLI\" export " + shell_quote(stream) +
                                  " --trace /dev/full --csv " + shell_quote(csv));
    expect_reported(r, "the trace to '/dev/full'", kNoSpace);
    std::ifstream in(csv);
    std::stringstream text;
    text << in.rdbuf();
    EXPECT_NE(text.str().find("wall_s"), std::string::npos) << "the CSV was not written";
}
