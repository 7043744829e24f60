// `poolscope-cli replay` and `export` on a stream saved by a real run: replay reprints exactly
// the table the run printed (warm-up runs left out), export writes a trace and a CSV that parse,
// and bad input gets the documented exit codes (1 unreadable, 2 bad arguments or stream).
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "support/process_hygiene.h"
#include "support/scratch_dir.h"

namespace {

using namespace poolscope::test;
using nlohmann::json;

std::string slurp(const std::string& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

class ReplayExport : public ProcessHygiene {
  protected:
    poolscope::test_support::ScratchDir dir;
    std::string stream = dir.file("run.jsonl");
};

TEST_F(ReplayExport, ReplayReprintsTheTableOfTheRun) {
    const auto run = run_cli({"run", "--workload", "square", "--size", "400", "--workers", "2",
                              "--compare", "--repeat", "2", "--warmup", "1", "--events", stream});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const auto replay = run_cli({"replay", stream});
    ASSERT_EQ(replay.exit_code, 0) << replay.err;
    EXPECT_EQ(replay.out, run.out);
    EXPECT_NE(replay.out.find("speedup"), std::string::npos);
}

TEST_F(ReplayExport, ExportWritesATraceAndOneCsvRowPerRun) {
    const auto run = run_cli({"run", "--workload", "square", "--size", "200", "--workers", "2",
                              "--chunksize", "20", "--repeat", "2", "--events", stream});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const std::string trace = dir.file("trace.json"), csv = dir.file("runs.csv");
    const auto r = run_cli({"export", stream, "--trace", trace, "--csv", csv});
    ASSERT_EQ(r.exit_code, 0) << r.err;

    const json t = json::parse(slurp(trace));
    int slices = 0;
    for (const auto& e : t.at("traceEvents")) {
        if (e.at("ph") == "X" && e.at("cat") == "chunk") ++slices;
    }
    EXPECT_EQ(slices, 2 * 10);  // two runs of 200 items in chunks of 20

    const std::string rows = slurp(csv);
    EXPECT_EQ(rows.rfind("run_id,label,workload,", 0), 0u);
    std::size_t lines = 0;
    for (std::size_t at = 0; (at = rows.find("\r\n", at)) != std::string::npos; at += 2) ++lines;
    EXPECT_EQ(lines, 3u);  // header + 2 runs
}

TEST_F(ReplayExport, BadInputGetsTheDocumentedExitCodes) {
    EXPECT_EQ(run_cli({"replay", dir.file("missing.jsonl")}).exit_code, 1);
    EXPECT_EQ(run_cli({"export", dir.file("missing.jsonl"), "--csv", "-"}).exit_code, 1);
    const std::string broken = dir.write("broken.jsonl", "{\"type\":\"hello\",\"t\":0,\n");
    const auto r = run_cli({"replay", broken});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("line 1"), std::string::npos) << r.err;
    EXPECT_EQ(run_cli({"export", broken, "--trace", "-"}).exit_code, 2);
    EXPECT_EQ(run_cli({"export", broken}).exit_code, 2);                // nothing asked for
    EXPECT_EQ(run_cli({"export", "--csv", "-"}).exit_code, 2);          // no stream file
    EXPECT_EQ(run_cli({"export", broken, "--pdf", "x"}).exit_code, 2);  // unknown option
    EXPECT_EQ(run_cli({"replay", "a.jsonl", "b.jsonl"}).exit_code, 2);
    EXPECT_EQ(run_cli({"replay", "--help"}).exit_code, 0);
    EXPECT_EQ(run_cli({"export", "--help"}).exit_code, 0);
}

}  // namespace
