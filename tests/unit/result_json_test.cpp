// Round trips of every JSON document of a run: what *_to_json writes, *_from_json reads back
// into equal structs, with every field away from its default.
#include <gtest/gtest.h>

#include <limits>

#include "core/report/result_json.h"
#include "core/text/json_units.h"
#include "support/synthetic_run.h"

namespace poolscope {
namespace {

using nlohmann::json;
using test_support::kLateOriginNs;

// Through text, as a reader of a saved file would get it.
json reparse(const json& j) {
    return json::parse(j.dump());
}

TEST(ResultJson, ConfigRoundTripsWithEveryField) {
    const RunConfig c = test_support::synthetic_config();
    const json j = reparse(json(c));
    EXPECT_EQ(j.at("chunksize"), 17);
    EXPECT_EQ(j.at("backend"), "threads");
    EXPECT_EQ(j.at("dispatch"), "imap_unordered");
    EXPECT_EQ(j.at("params").at("rows"), "100");
    EXPECT_EQ(j.get<RunConfig>(), c);
}

TEST(ResultJson, AutoChunksizeIsWrittenAsAuto) {
    RunConfig c;
    c.chunksize = std::nullopt;
    const json j = json(c);
    EXPECT_EQ(j.at("chunksize"), "auto");
    EXPECT_EQ(j.get<RunConfig>(), c);
}

TEST(ResultJson, BadConfigValuesNameTheField) {
    json j = json(test_support::synthetic_config());
    j["dispatch"] = "scatter";
    EXPECT_THROW(
        {
            try {
                (void)j.get<RunConfig>();
            } catch (const JsonFieldError& e) {
                EXPECT_EQ(e.path(), "dispatch");
                EXPECT_NE(std::string(e.what()).find("scatter"), std::string::npos);
                throw;
            }
        },
        JsonFieldError);
    j = json(test_support::synthetic_config());
    j["chunksize"] = "some";
    EXPECT_THROW((void)j.get<RunConfig>(), JsonFieldError);
    j.erase("size");
    EXPECT_THROW((void)j.get<RunConfig>(), JsonFieldError);
}

TEST(ResultJson, MachineRoundTrips) {
    const MachineInfo m = test_support::synthetic_machine();
    const MachineInfo back = reparse(json(m)).get<MachineInfo>();
    EXPECT_TRUE(same_machine(m, back));
    MachineInfo other = m;
    other.loadavg[2] = 9;
    EXPECT_FALSE(same_machine(m, other));
}

TEST(ResultJson, ChecksumIsSixteenHexDigits) {
    EXPECT_EQ(checksum_to_hex(0), "0x0000000000000000");
    EXPECT_EQ(checksum_to_hex(0xfedcba9876543210ULL), "0xfedcba9876543210");
    const uint64_t max = std::numeric_limits<uint64_t>::max();
    EXPECT_EQ(checksum_from_hex(checksum_to_hex(max)), max);
    EXPECT_EQ(checksum_from_hex("0xFEDCBA9876543210"), 0xfedcba9876543210ULL);
    EXPECT_THROW(checksum_from_hex("0x123"), std::invalid_argument);
    EXPECT_THROW(checksum_from_hex("12345678901234567890"), std::invalid_argument);
    EXPECT_THROW(checksum_from_hex("0x0123456789abcdeg"), std::invalid_argument);
}

TEST(ResultJson, ChecksumSurvivesADoubleReader) {
    const RunResult r = test_support::synthetic_result("r1", kLateOriginNs);
    const json j = result_to_json(r);
    ASSERT_TRUE(j.at("checksum").is_string());
    EXPECT_EQ(j.at("checksum"), "0xfedcba9876543210");
    // A reader that turns every number into a double still has the checksum exactly.
    EXPECT_EQ(checksum_from_hex(j.at("checksum").get<std::string>()), r.checksum);
}

TEST(ResultJson, NanosecondTimesSurviveSecondsRelativeToALateOrigin) {
    for (int64_t ns : {int64_t{1}, int64_t{999'999'999}, int64_t{123'456'789'012},
                       int64_t{1'000'000'000'000'001}}) {
        EXPECT_EQ(seconds_to_ns(ns_to_seconds(ns)), ns) << ns;
        const json stamp = reparse(json::array({stamp_to_json(kLateOriginNs + ns, kLateOriginNs)}));
        EXPECT_EQ(stamp_from_json(stamp[0], kLateOriginNs), kLateOriginNs + ns) << ns;
    }
    EXPECT_TRUE(stamp_to_json(0, kLateOriginNs).is_null());
    EXPECT_EQ(stamp_from_json(json(nullptr), kLateOriginNs), 0);
}

TEST(ResultJson, ResultRoundTripsWithoutChunkRecordsByDefault) {
    const RunResult r = test_support::synthetic_result("run-7", kLateOriginNs);
    const json j = reparse(result_to_json(r));
    EXPECT_FALSE(j.contains("chunk_records"));
    for (const char* k :
         {"config",    "machine",      "run_id",        "label",       "workers",  "wall_s",
          "startup_s", "teardown_s",   "compute_s",     "breakdown",   "checksum", "checksum_items",
          "items",     "items_failed", "chunks",        "chunks_done", "partial",  "errors",
          "memory",    "cpu",          "worker_records"}) {
        EXPECT_TRUE(j.contains(k)) << k;
    }
    RunResult expected = r;
    expected.chunk_records.clear();
    test_support::expect_same_result(result_from_json(j), expected);
}

TEST(ResultJson, ResultRoundTripsWithChunkRecords) {
    const RunResult r = test_support::synthetic_result("run-8", kLateOriginNs, 40, 3);
    const json j = reparse(result_to_json(r, {.chunk_records = true}));
    ASSERT_EQ(j.at("chunk_records").size(), 40u);
    // Stamps are seconds since the run's start, small enough for any reader.
    EXPECT_LT(j.at("chunk_records")[39].at("received").get<double>(), 1.0);
    // Worker 0 was never reaped: its exit stamp is null, not a number.
    EXPECT_TRUE(j.at("worker_records")[0].at("exited").is_null());
    test_support::expect_same_result(result_from_json(j), r);
}

TEST(ResultJson, ProcessSampleAndSampleRoundTrip) {
    const Sample s = test_support::synthetic_sample(kLateOriginNs + 2'500'000'017, 4, 3);
    const json j = reparse(sample_to_json(s, kLateOriginNs));
    EXPECT_EQ(j.at("processes").size(), 4u);
    EXPECT_EQ(j.at("processes")[0].at("state"), "S");
    EXPECT_EQ(sample_from_json(j, kLateOriginNs), s);
}

TEST(ResultJson, FiguresRoundTrip) {
    const RunResult r = test_support::synthetic_result("r", kLateOriginNs);
    EXPECT_EQ(reparse(json(r.memory)).get<MemoryFigures>(), r.memory);
    EXPECT_EQ(reparse(json(r.cpu)).get<CpuFigures>(), r.cpu);
    EXPECT_EQ(reparse(json(r.breakdown)).get<Breakdown>(), r.breakdown);
    EXPECT_EQ(reparse(json(r.errors)).get<std::vector<RunError>>(), r.errors);
}

RunSeries three_runs(bool chunk_records) {
    RunSeries s;
    for (int i = 0; i < 3; ++i) {
        RunResult r = test_support::synthetic_result("rep-" + std::to_string(i),
                                                     kLateOriginNs + i * 1'000'000'000LL);
        r.wall_s = 0.1 + 0.01 * i;
        if (!chunk_records) r.chunk_records.clear();
        s.runs.push_back(r);
    }
    s.median_run = 1;
    s.wall_s = {0.11, 0.1, 0.12};
    s.startup_s = {0.0005, 0.0004, 0.0006};
    s.teardown_s = {0.004, 0.003, 0.005};
    s.compute_s = {0.0537, 0.05, 0.06};
    return s;
}

TEST(ResultJson, SeriesWithRepeatsHasRunsAndStatistics) {
    const RunSeries s = three_runs(true);
    const json j = reparse(series_to_json(s, {.chunk_records = true}));
    EXPECT_EQ(j.at("run_id"), "rep-1");
    EXPECT_EQ(j.at("runs").size(), 3u);
    EXPECT_EQ(j.at("median").at("wall_s"), 0.11);
    EXPECT_EQ(j.at("min").at("startup_s"), 0.0004);
    EXPECT_EQ(j.at("max").at("compute_s"), 0.06);
    test_support::expect_same_series(series_from_json(j), s);
}

TEST(ResultJson, ASeriesNamesItsMedianRunAmongItsRuns) {
    const RunSeries s = three_runs(true);
    const RunSeries back = series_from_json(reparse(series_to_json(s, {.chunk_records = true})));
    ASSERT_EQ(back.runs.size(), 3u);
    EXPECT_EQ(back.median_run, 1u);
    EXPECT_EQ(&back.representative(), &back.runs[1]);  // the run itself, not a copy of it
    json j = reparse(series_to_json(s));
    j["run_id"] = "rep-9";
    try {
        series_from_json(j);
        FAIL() << "a series whose run_id names none of its runs was read";
    } catch (const JsonFieldError& e) {
        EXPECT_EQ(e.path(), "run_id");
    }
}

TEST(RunSeries, TheMedianRunIsOneOfTheRunsNotACopy) {
    std::vector<RunResult> runs(5);
    const double walls[] = {0.5, 0.1, 0.4, 0.2, 0.3};
    for (int i = 0; i < 5; ++i) {
        runs[i].run_id = "r" + std::to_string(i);
        runs[i].wall_s = walls[i];
        runs[i].chunk_records.resize(1000);
    }
    const RunSeries s = make_series(std::move(runs));
    EXPECT_EQ(s.representative().run_id, "r4");  // 0.3 s, the median of five
    EXPECT_EQ(&s.representative(), &s.runs[4]);
    EXPECT_EQ(s.wall_s.median, 0.3);
    EXPECT_EQ(RunSeries{}.representative().run_id, "");  // no runs: an empty result
}

TEST(ResultJson, SingleRunSeriesIsAPlainResult) {
    RunSeries s;
    s.runs = {test_support::synthetic_result("one", kLateOriginNs)};
    s.runs.front().chunk_records.clear();
    const RunResult& r = s.representative();
    s.wall_s = {r.wall_s, r.wall_s, r.wall_s};
    s.startup_s = {r.startup_s, r.startup_s, r.startup_s};
    s.teardown_s = {r.teardown_s, r.teardown_s, r.teardown_s};
    s.compute_s = {r.compute_s, r.compute_s, r.compute_s};
    const json j = reparse(series_to_json(s));
    EXPECT_FALSE(j.contains("runs"));
    EXPECT_FALSE(j.contains("median"));
    test_support::expect_same_series(series_from_json(j), s);
}

TEST(ResultJson, ComparisonRoundTrips) {
    Comparison c;
    c.serial = three_runs(false);
    for (auto& r : c.serial.runs) r.config.backend = Backend::Serial;
    c.parallel = three_runs(false);
    c.speedup = 0.0123;
    c.efficiency = 0.0041;
    c.T = 2.5e-8;
    c.C = 1.8e-6;
    c.checksums_match = true;
    c.verdict = "parallel is 81x slower: start-up 0.8 ms >> compute 0.02 ms";
    const json j = reparse(comparison_to_json(c));
    EXPECT_EQ(j.at("config"), json(c.parallel.representative().config));
    EXPECT_EQ(j.at("serial").at("config").at("backend"), "serial");
    EXPECT_EQ(j.at("T"), 2.5e-8);
    test_support::expect_same_comparison(comparison_from_json(j), c);
}

TEST(ResultJson, NestedErrorsGiveADottedPath) {
    json j = result_to_json(test_support::synthetic_result("x", kLateOriginNs));
    j["config"].erase("workers");
    try {
        (void)result_from_json(j);
        FAIL() << "a missing field was accepted";
    } catch (const JsonFieldError& e) {
        EXPECT_EQ(e.path(), "config.workers");
    }
}

}  // namespace
}  // namespace poolscope
