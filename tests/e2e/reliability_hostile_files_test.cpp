// replay and export of files that are not what the engine writes: a 50 MB line of '[' (refused
// at the line-length bound, quickly and within a memory limit), a chunk with a negative count
// (refused with its line, never written into a trace as 2^64 - 5), and a --compare stream cut
// off in its last line (the runs that finished are shown, then the error).
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "support/process_hygiene.h"
#include "support/scratch_dir.h"
#include "support/shell_run.h"

using namespace poolscope::test;
using poolscope::test_support::ScratchDir;

namespace {

class ReliabilityHostileFiles : public ProcessHygiene {
  protected:
    std::string saved_compare() {
        const std::string path = dir_.file("run.jsonl");
        const CliResult r = run_shell(
            "\"$CLI\" run --workload square --size 200 --workers 2 --sample-ms 0 --compare "
            "--events " +
            shell_quote(path) + " >/dev/null");
        EXPECT_EQ(r.exit_code, 0) << r.err;
        return path;
    }
    static std::string read(const std::string& path) {
        std::ifstream in(path, std::ios::binary);
        std::stringstream s;
        s << in.rdbuf();
        return s.str();
    }
    std::string write(const std::string& name, const std::string& text) {
        return dir_.write(name, text);
    }
    ScratchDir dir_;
};

}  // namespace

TEST_F(ReliabilityHostileFiles, AFiftyMegabyteLineIsRefusedQuicklyUnderAMemoryLimit) {
    const std::string stream = read(saved_compare());
    const std::string hello = stream.substr(0, stream.find('\n') + 1);
    const std::string path = write("brackets.jsonl", hello + std::string(50'000'000, '[') + "\n");
    // 1 GB of address space: the reader needs a few MiB above the program itself.
    const CliResult r = run_shell("ulimit -v 1000000 && \"$CLI\" replay " + shell_quote(path), 30);
    ASSERT_FALSE(r.timed_out);
    EXPECT_LT(r.seconds, 10);
    EXPECT_EQ(r.exit_code, 2) << r.err;
    EXPECT_NE(r.err.find("line 2: longer than an event line may be (4 MiB)"), std::string::npos)
        << r.err;
}

TEST_F(ReliabilityHostileFiles, ANegativeCountIsRefusedWithItsLine) {
    std::string text = read(saved_compare());
    const auto chunks = text.find("\"type\":\"chunks\"");
    ASSERT_NE(chunks, std::string::npos);
    const auto count = text.find("\"count\":[", chunks) + 9;
    text.replace(count, text.find_first_of(",]", count) - count, "-5");
    int line = 1;
    for (std::size_t i = 0; i < chunks; ++i) line += text[i] == '\n';
    const std::string path = write("negative.jsonl", text);
    const std::string trace = dir_.file("trace.json");
    const CliResult r =
        run_shell("\"$CLI\" export " + shell_quote(path) + " --trace " + shell_quote(trace));
    EXPECT_EQ(r.exit_code, 2) << r.err;
    EXPECT_NE(r.err.find("line " + std::to_string(line) + ": "), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("is negative (-5)"), std::string::npos) << r.err;
    EXPECT_EQ(read(trace).find("18446744073709551611"), std::string::npos);
}

TEST_F(ReliabilityHostileFiles, ACutOffCompareStreamShowsWhatFinishedThenTheError) {
    std::string text = read(saved_compare());
    // Cut in the middle of the parallel run's run_end (the last run_end; the series_end and
    // comparison after it are lost with it).
    const auto end_line = text.rfind("{\"type\":\"run_end\"");
    ASSERT_NE(end_line, std::string::npos);
    const auto end_eol = text.find('\n', end_line);
    text.resize(end_line + (end_eol - end_line) / 2);
    const std::string path = write("cut.jsonl", text);
    const CliResult r = run_shell("\"$CLI\" replay " + shell_quote(path));
    EXPECT_EQ(r.exit_code, 1) << r.err;
    EXPECT_NE(r.out.find("serial"), std::string::npos) << "the finished serial run is not shown";
    EXPECT_NE(r.err.find("cut off"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("no run_end"), std::string::npos) << r.err;
}
