// series_end and comparison in a saved stream: after each series' counted runs (warm-up runs
// left out) and after a comparison, naming runs the stream started, with the figures --json
// prints; the core's reader reads them back as they were written.
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/events/event_reader.h"
#include "support/process_hygiene.h"
#include "support/reliability_events.h"
#include "support/scratch_dir.h"

namespace poolscope {
namespace {

using nlohmann::json;

class SeriesEvents : public test::ProcessHygiene {
  protected:
    test_support::ScratchDir dir;
    std::string stream = dir.file("run.jsonl");
};

std::vector<std::string> ids(const json& list) {
    return list.get<std::vector<std::string>>();
}

TEST_F(SeriesEvents, CompareStreamsBothSeriesThenTheComparisonWithTheJsonFigures) {
    const auto r = test::run_cli({"run", "--workload", "square", "--size", "400", "--workers", "2",
                                  "--compare", "--repeat", "2", "--warmup", "1", "--json",
                                  "--sample-ms", "0", "--events", stream});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const json doc = json::parse(r.out);
    const test::SavedEvents saved(stream);
    std::vector<std::string> started;
    for (const json& e : saved.of_type("run_start")) started.push_back(e.at("run"));
    ASSERT_EQ(started.size(), 6u);  // (1 warm-up + 2) per side

    const auto series = saved.of_type("series_end");
    ASSERT_EQ(series.size(), 2u);
    // The counted runs only: each side's warm-up run (the first it started) is left out.
    EXPECT_EQ(ids(series[0].at("runs")), (std::vector<std::string>{started[1], started[2]}));
    EXPECT_EQ(ids(series[1].at("runs")), (std::vector<std::string>{started[4], started[5]}));
    for (const json& s : series) {
        EXPECT_FALSE(s.contains("run"));
        EXPECT_FALSE(s.at("partial").get<bool>());
        const std::set<std::string> counted(s.at("runs").begin(), s.at("runs").end());
        EXPECT_TRUE(counted.contains(s.at("representative").get<std::string>()));
        EXPECT_LE(s.at("wall_s").at("min").get<double>(),
                  s.at("wall_s").at("median").get<double>());
    }
    EXPECT_DOUBLE_EQ(series[1].at("wall_s").at("median").get<double>(),
                     doc.at("parallel").at("median").at("wall_s").get<double>());

    const auto comparisons = saved.of_type("comparison");
    ASSERT_EQ(comparisons.size(), 1u);
    const json& c = comparisons[0];
    EXPECT_EQ(c.at("serial"), series[0].at("runs"));
    EXPECT_EQ(c.at("parallel"), series[1].at("runs"));
    for (const char* k : {"speedup", "efficiency", "T", "C"})
        EXPECT_DOUBLE_EQ(c.at(k).get<double>(), doc.at(k).get<double>()) << k;
    EXPECT_TRUE(c.at("checksums_match").get<bool>());
    EXPECT_EQ(c.at("verdict"), doc.at("verdict"));
    // Last in the stream: a reader has every run before the comparison that names them.
    EXPECT_EQ(saved.all().back().at("type"), "comparison");

    const EventStream read = read_event_stream_file(stream);
    ASSERT_EQ(read.series.size(), 2u);
    ASSERT_EQ(read.comparisons.size(), 1u);
    EXPECT_EQ(read.comparisons[0].parallel, ids(c.at("parallel")));
    EXPECT_DOUBLE_EQ(read.comparisons[0].speedup, doc.at("speedup").get<double>());
    EXPECT_DOUBLE_EQ(read.series[0].wall_s.median,
                     doc.at("serial").at("median").at("wall_s").get<double>());
}

TEST_F(SeriesEvents, ASingleRunEndsItsSeriesAndAComparisonNamingAnUnknownRunIsRefused) {
    const auto r = test::run_cli({"run", "--workload", "square", "--size", "100", "--workers", "2",
                                  "--sample-ms", "0", "--events", stream});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const test::SavedEvents saved(stream);
    const auto series = saved.of_type("series_end");
    ASSERT_EQ(series.size(), 1u);
    EXPECT_EQ(series[0].at("runs").size(), 1u);
    EXPECT_FALSE(saved.has_type("comparison"));

    const std::string hello = saved.all().front().dump();
    try {
        (void)read_event_stream_text(
            hello + "\n" +
            R"({"type":"comparison","t":1,"serial":["nope"],"parallel":[],"speedup":1,)"
            R"("efficiency":1,"T":0,"C":0,"checksums_match":true,"verdict":""})" +
            "\n");
        FAIL() << "a comparison of runs the stream never started was accepted";
    } catch (const EventStreamError& e) {
        EXPECT_EQ(e.line(), 2);
        EXPECT_NE(std::string(e.what()).find("has no run_start"), std::string::npos) << e.what();
    }
}

// The GUI reads a run's RESULT from the stream's run_end: the figures the engine derives from
// the chunk records at the end (the shm workers' page-fault time, when the caller had its first
// result) must be in it, as in --json. Lesson 2 read a page-fault time of 0 in the GUI.
TEST_F(SeriesEvents, RunEndCarriesTheFiguresDerivedFromTheChunks) {
    const auto r = test::run_cli({"run",
                                  "--workload",
                                  "transfer",
                                  "--size",
                                  "4",
                                  "--param",
                                  "rows=1000",
                                  "--param",
                                  "cols=100",
                                  "--workers",
                                  "2",
                                  "--chunksize",
                                  "1",
                                  "--transport",
                                  "shm",
                                  "--dispatch",
                                  "imap_unordered",
                                  "--json",
                                  "--sample-ms",
                                  "0",
                                  "--events",
                                  stream});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const json doc = json::parse(r.out);
    const test::SavedEvents saved(stream);
    const auto ends = saved.of_type("run_end");
    ASSERT_EQ(ends.size(), 1u);
    const json& result = ends[0].at("result");
    EXPECT_GT(doc.at("page_fault_s").get<double>(), 0);
    EXPECT_GT(doc.at("first_result_s").get<double>(), 0);
    EXPECT_DOUBLE_EQ(result.at("page_fault_s").get<double>(), doc.at("page_fault_s").get<double>());
    EXPECT_DOUBLE_EQ(result.at("first_result_s").get<double>(),
                     doc.at("first_result_s").get<double>());
}

}  // namespace
}  // namespace poolscope
