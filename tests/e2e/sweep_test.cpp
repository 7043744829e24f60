// `poolscope-cli sweep` end to end: the SWEEP JSON document of a small 2 × 3 sweep with repeats
// on `sleep`, the table, the event stream carrying every run, refusals before any process
// starts (exit 2, one line naming the option) and an interruption that keeps what finished.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "app/cli/option_table.h"
#include "support/process_hygiene.h"
#include "support/scratch_dir.h"

using namespace poolscope::test;
using nlohmann::json;

class Sweep : public ProcessHygiene {};

namespace {

const std::vector<std::string> kSmall{
    "sweep", "--workload",  "sleep",    "--param",  "ms=2", "--size",      "40", "--workers",
    "1,2",   "--chunksize", "1,4,auto", "--repeat", "2",    "--sample-ms", "0"};

std::vector<std::string> with(std::vector<std::string> args, std::vector<std::string> more) {
    args.insert(args.end(), more.begin(), more.end());
    return args;
}

void expect_refused(const std::vector<std::string>& args, const std::string& says) {
    const auto r = run_cli(args);
    EXPECT_EQ(r.exit_code, 2) << r.err;
    EXPECT_NE(r.err.find("poolscope-cli sweep: error: "), std::string::npos) << r.err;
    EXPECT_NE(r.err.find(says), std::string::npos) << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
    EXPECT_TRUE(r.out.empty()) << r.out;
}

}  // namespace

TEST_F(Sweep, JsonHoldsEveryPointTheBaselineTheFitsAndTheAdvice) {
    const auto r = run_cli(with(kSmall, {"--json"}));
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const json j = json::parse(r.out);
    EXPECT_EQ(j["type"], "sweep");
    for (const char* k : {"config", "machine", "seed", "axes", "serial", "points", "fits",
                          "chunksize", "recommendation", "interrupted"})
        EXPECT_TRUE(j.contains(k)) << k;
    EXPECT_FALSE(j["interrupted"].get<bool>());
    ASSERT_EQ(j["axes"].size(), 2u);
    EXPECT_EQ(j["axes"][0]["name"], "workers");
    EXPECT_EQ(j["axes"][1]["values"], json::parse(R"([1, 4, "auto"])"));
    // The serial baseline, measured once with the same repeats.
    const json& serial = j["serial"];
    ASSERT_TRUE(serial.is_object());
    EXPECT_EQ(serial["config"]["backend"], "serial");
    EXPECT_EQ(serial["runs"].size(), 2u);
    EXPECT_EQ(serial["items"], 40);
    ASSERT_EQ(j["points"].size(), 6u);
    std::set<std::size_t> order;
    std::set<std::pair<int, std::string>> seen;
    for (const json& p : j["points"]) {
        for (const char* k : {"values", "order", "workers", "chunksize", "series", "wall_s",
                              "speedup", "efficiency", "T", "C", "checksums_match", "complete"})
            EXPECT_TRUE(p.contains(k)) << k << " in " << p.dump();
        EXPECT_TRUE(p["complete"].get<bool>());
        EXPECT_TRUE(p["checksums_match"].get<bool>());
        EXPECT_EQ(p["series"]["runs"].size(), 2u);
        EXPECT_EQ(p["series"]["config"]["workers"], p["workers"]);
        EXPECT_EQ(p["values"]["workers"], p["workers"]);
        EXPECT_GT(p["speedup"].get<double>(), 0);
        const double med = p["wall_s"]["median"], lo = p["wall_s"]["min"], hi = p["wall_s"]["max"];
        EXPECT_LE(lo, med);
        EXPECT_LE(med, hi);
        EXPECT_NEAR(p["speedup"].get<double>(), serial["median"]["wall_s"].get<double>() / med,
                    1e-9);
        order.insert(p["order"].get<std::size_t>());
        seen.insert({p["workers"], p["values"]["chunksize"].dump()});
        if (p["values"]["chunksize"] == "auto") {  // ceil(40 / (4W))
            EXPECT_EQ(p["chunksize"], p["workers"] == 1 ? 10 : 5);
        }
    }
    EXPECT_EQ(order.size(), 6u);
    EXPECT_EQ(*order.rbegin(), 5u);
    EXPECT_EQ(seen.size(), 6u);
    // Two worker counts: Amdahl (one parameter) fits when both lie within the usable cores; USL
    // (two parameters) does not, and the document says why.
    EXPECT_EQ(j["fits"]["amdahl"].is_null(), j["machine"]["usable_cores"].get<int>() < 2);
    EXPECT_TRUE(j["fits"]["usl"].is_null());
    EXPECT_NE(j["fits"]["note"].get<std::string>().find("USL needs 3 or more"), std::string::npos);
    EXPECT_TRUE(j["chunksize"]["formula"].is_number());
    const std::string advice = j["recommendation"]["text"];
    EXPECT_TRUE(advice.rfind("Use workers=", 0) == 0 || advice.rfind("Serial is faster", 0) == 0)
        << advice;
}

TEST_F(Sweep, ThreeWorkerCountsGiveTheUslFit) {
    // sleep scales past the cores, so three worker counts give a fit on any machine; Amdahl
    // needs three of them within the usable cores.
    const auto r = run_cli({"sweep", "--workload", "sleep", "--param", "ms=2", "--size", "24",
                            "--workers", "1..3", "--json", "--sample-ms", "0"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const json j = json::parse(r.out);
    ASSERT_EQ(j["points"].size(), 3u);
    const json& usl = j["fits"]["usl"];
    ASSERT_TRUE(usl.is_object()) << j["fits"].dump();
    for (const char* k : {"sigma", "kappa", "peak_workers", "peak_speedup", "points"})
        EXPECT_TRUE(usl.contains(k)) << k;
    EXPECT_EQ(usl["points"], 3);
    EXPECT_EQ(j["fits"]["points"].size(), 3u);
    EXPECT_TRUE(j["chunksize"].is_null());  // no chunksize axis
    const std::string advice = j["recommendation"]["text"];
    EXPECT_NE(advice.find("with one run per point the noise is unknown"), std::string::npos)
        << advice;
}

TEST_F(Sweep, TableHasARowPerPointAndTheEventStreamEveryRun) {
    poolscope::test_support::ScratchDir dir;
    const std::string events = dir.path() + "/sweep.jsonl";
    const auto r = run_cli(with(kSmall, {"--events", events, "--warmup", "1"}));
    ASSERT_EQ(r.exit_code, 0) << r.err;
    for (const char* s : {"serial baseline:", "speedup", "auto=10", "auto=5", "← best",
                          "chunksize: best measured", "fits: "})
        EXPECT_NE(r.out.find(s), std::string::npos) << s << "\n" << r.out;
    std::ifstream in(events);
    std::string line;
    int starts = 0, ends = 0;
    while (std::getline(in, line)) {
        const json e = json::parse(line);
        starts += e["type"] == "run_start";
        ends += e["type"] == "run_end";
    }
    // serial (1 + 2) and 6 points × (1 + 2).
    EXPECT_EQ(starts, 21);
    EXPECT_EQ(ends, 21);
}

TEST_F(Sweep, CsvHasTheBaselineThenOneRowPerPointWithTheTablesFigures) {
    poolscope::test_support::ScratchDir dir;
    const std::string csv = dir.path() + "/sweep.csv";
    const auto r = run_cli(with(kSmall, {"--json", "--csv", csv}));
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const json j = json::parse(r.out);
    std::ifstream in(csv);
    std::vector<std::vector<std::string>> rows;
    for (std::string line; std::getline(in, line);) {
        ASSERT_FALSE(line.empty());
        EXPECT_EQ(line.back(), '\r');  // RFC 4180 line ends
        line.pop_back();
        std::vector<std::string> cells;
        std::stringstream ss(line);
        for (std::string cell; std::getline(ss, cell, ',');) cells.push_back(cell);
        if (!line.empty() && line.back() == ',') cells.emplace_back();
        rows.push_back(cells);
    }
    ASSERT_EQ(rows.size(), 8u);  // header, serial, 6 points
    const auto& head = rows[0];
    ASSERT_GE(head.size(), 4u);
    EXPECT_EQ(head[0], "point");
    EXPECT_EQ(head[1], "workers");
    EXPECT_EQ(head[2], "chunksize");
    for (const auto& row : rows) EXPECT_EQ(row.size(), head.size());
    const auto col = [&](const std::string& name) {
        return static_cast<std::size_t>(std::find(head.begin(), head.end(), name) - head.begin());
    };
    EXPECT_EQ(rows[1][0], "serial");
    EXPECT_EQ(rows[1][col("runs")], "2");
    for (std::size_t i = 0; i < 6; ++i) {
        const auto& row = rows[i + 2];
        const json& p = j["points"][i];
        EXPECT_EQ(row[0], std::to_string(i));
        EXPECT_EQ(row[col("resolved_chunksize")], std::to_string(p["chunksize"].get<int>()));
        EXPECT_EQ(row[col("order")], std::to_string(p["order"].get<int>()));
        EXPECT_EQ(row[col("checksums_match")], "true");
        EXPECT_NEAR(std::stod(row[col("speedup")]), p["speedup"].get<double>(), 1e-6);
    }
    EXPECT_EQ(rows[4][col("chunksize")], "auto");  // the axis value as given
}

TEST_F(Sweep, BadInputIsRefusedBeforeAnyProcessStarts) {
    expect_refused({"sweep", "--workers", "1,2", "--csv", "/nonexistent/poolscope/sweep.csv"},
                   "--csv: cannot write");
    expect_refused({"sweep", "--workers", "8..2"}, "--workers: the range '8..2' is inverted");
    expect_refused({"sweep", "--workers", "1..200", "--chunksize", "1..100"},
                   "more than 10000 points (200 × 100)");
    expect_refused({"sweep", "--chunksize", "1..64*1"}, "--chunksize: the step of '1..64*1'");
    expect_refused({"sweep", "--workers", "1,2", "--workers", "4"}, "--workers is given twice");
    // A fixed option that contradicts a point: apply_async sends one item per message.
    expect_refused({"sweep", "--dispatch", "apply_async", "--chunksize", "1,4"},
                   "at chunksize=4: ");
    expect_refused({"sweep", "--workers", "1,2", "--compare"}, "--compare");
    expect_refused({"sweep", "--workers", "1,2", "--backend", "serial"}, "--backend serial");
    expect_refused({"sweep", "--workers", "1,2", "--bogus"}, "unknown option '--bogus'");
    expect_refused({"sweep", "--seed", "x"}, "--seed must be a whole number");
    expect_refused({"sweep", "--workload", "cpu", "--param", "item_us=1,,2"},
                   "--param item_us: an empty value");
    // Each value of a swept parameter is checked by the workload before anything runs.
    expect_refused({"sweep", "--workload", "cpu", "--param", "item_us=1,99999999"},
                   "at item_us=99999999: ");
}

// A point the workload refuses is found once the event stream is open: the stream's error event
// names the field to change, as run's does (field ids: core/config/refused_field.h).
TEST_F(Sweep, ARefusedPointIsAnErrorEventNamingItsField) {
    poolscope::test_support::ScratchDir dir;
    const std::string events = dir.path() + "/sweep.jsonl";
    const auto r = run_cli(
        {"sweep", "--workload", "cpu", "--param", "item_us=1,99999999", "--events", events});
    ASSERT_EQ(r.exit_code, 2) << r.err;
    std::ifstream in(events);
    std::string line;
    json error;
    while (std::getline(in, line))
        if (const json e = json::parse(line); e["type"] == "error") error = e;
    ASSERT_TRUE(error.is_object()) << "no error event";
    EXPECT_EQ(error["code"], "bad_input");
    EXPECT_EQ(error["field"], "--param item_us") << error.dump();
    EXPECT_NE(r.err.find(error["message"].get<std::string>()), std::string::npos) << r.err;
}

TEST_F(Sweep, ASweptParameterGetsOneSerialBaselinePerValue) {
    const auto r = run_cli({"sweep", "--workload", "cpu", "--param", "item_us=1,300", "--size",
                            "200", "--workers", "2", "--json"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto doc = nlohmann::json::parse(r.out);
    ASSERT_EQ(doc.at("axes").size(), 1u);
    EXPECT_EQ(doc["axes"][0]["name"], "item_us");
    ASSERT_EQ(doc.at("baselines").size(), 2u);
    const auto& b = doc["baselines"];
    EXPECT_EQ(b[0]["values"]["item_us"], 1);
    EXPECT_EQ(b[1]["values"]["item_us"], 300);
    // 200 items of 300 µs take about 300× the serial time of 1 µs items: separate baselines.
    // One run each (no --repeat): a series is its one run.
    const double small = b[0]["series"]["wall_s"];
    const double large = b[1]["series"]["wall_s"];
    EXPECT_GT(large, 20 * small);
    for (const auto& p : doc.at("points")) {
        const auto& base = b[p.at("baseline").get<std::size_t>()];
        EXPECT_EQ(base["values"]["item_us"], p["values"]["item_us"]);
        // T is the point's own serial wall / n, so it grows with the item time.
        EXPECT_NEAR(p["T"].get<double>(), base["series"]["wall_s"].get<double>() / 200, 1e-12);
    }
}

TEST_F(Sweep, InterruptKeepsWhatFinishedAndExits130) {
    CliOptions o;
    o.sigint_after_s = 1.0;
    o.timeout_s = 30;
    const auto r =
        run_cli({"sweep", "--workload", "sleep", "--param", "ms=20", "--size", "40", "--workers",
                 "1,2", "--chunksize", "1..8", "--json", "--sample-ms", "0"},
                o);
    EXPECT_EQ(r.exit_code, 130) << r.err;
    const json j = json::parse(r.out);
    EXPECT_TRUE(j["interrupted"].get<bool>());
    ASSERT_EQ(j["points"].size(), 16u);
    int ran = 0, complete = 0;
    for (const json& p : j["points"]) {
        ran += p["ran"].get<bool>();
        complete += p["complete"].get<bool>();
    }
    EXPECT_LT(complete, 16);
    EXPECT_LE(complete, ran);
}

TEST_F(Sweep, StopOnTheControlChannelEndsItLikeSigint) {
    CliOptions o;
    o.keep_stdin_open = true;
    o.close_stdin_after_s = 1.0;  // end of file on --control-stdin is a stop
    o.timeout_s = 30;
    const auto r =
        run_cli({"sweep", "--workload", "sleep", "--param", "ms=20", "--size", "40", "--workers",
                 "1,2", "--chunksize", "1..8", "--control-stdin", "--sample-ms", "0"},
                o);
    EXPECT_EQ(r.exit_code, 130) << r.err;
    EXPECT_NE(r.out.find("interrupted: the points that finished are shown"), std::string::npos)
        << r.out;
    EXPECT_NE(r.out.find("serial baseline:"), std::string::npos) << r.out;
}

TEST_F(Sweep, HelpNamesTheAxes) {
    const auto h = run_cli({"sweep", "--help"});
    EXPECT_EQ(h.exit_code, 0);
    for (const char* s : {"--workers LIST", "--chunksize LIST", "1..4096*4", "--seed N"})
        EXPECT_NE(h.out.find(s), std::string::npos) << s;
    // The help is the command table's (app/cli/option_table.h), the same text list --json and
    // the man page are built from.
    EXPECT_EQ(h.out, poolscope::cli::command_help("sweep"));
}
