// Per-host totals of an MPI run: each host's peak memory sums, its processes' CPU time and its
// cores' mean utilisation, from the samples that host sent; carried in the RESULT's
// host_totals and shown per host in the CLI's table.
#include <gtest/gtest.h>

#include "core/engine/run_series.h"
#include "core/report/result_json.h"
#include "core/report/summary_table.h"
#include "core/telemetry/host_totals.h"
#include "support/synthetic_run.h"

namespace poolscope {
namespace {

ProcessSample process(pid_t pid, uint64_t cpu_ms, bool gone = false) {
    ProcessSample p;
    p.pid = pid;
    p.role = "worker";
    p.cpu_ns = cpu_ms * 1'000'000;
    p.gone = gone;
    return p;
}

Sample sample(uint64_t rss, uint64_t pss, double util, std::vector<ProcessSample> processes) {
    Sample s;
    s.host = "node-b";
    s.rss_sum_bytes = rss;
    s.pss_sum_bytes = pss;
    s.uss_sum_bytes = pss / 2;
    s.machine_util = util;
    s.processes = std::move(processes);
    return s;
}

TEST(HostTotals, PeaksCpuSpansAndMeanUtilisationOfOneHost) {
    HostTotals totals("node-b");
    totals.add(sample(100, 60, 0.9, {process(10, 5), process(11, 7)}));
    totals.add(sample(300, 200, 0.5, {process(10, 105), process(11, 7)}));
    totals.add(sample(250, 150, 0.7, {process(10, 305), process(11, 57), process(12, 1)}));
    totals.add(sample(50, 20, 0.3, {process(10, 0, /*gone=*/true)}));
    const HostFigures f = totals.figures();
    EXPECT_EQ(f.host, "node-b");
    EXPECT_FALSE(f.engine);
    EXPECT_EQ(f.peak_rss_sum_bytes, 300u);
    EXPECT_EQ(f.peak_pss_sum_bytes, 200u);
    EXPECT_EQ(f.peak_uss_sum_bytes, 100u);
    EXPECT_EQ(f.samples, 4u);
    // pid 10: 5 → 305 ms, pid 11: 7 → 57 ms, pid 12 seen once: 0; the gone reading is skipped.
    EXPECT_NEAR(f.process_cpu_s, 0.300 + 0.050, 1e-9);
    // The first sample's utilisation has no earlier reading behind it: 0.5, 0.7, 0.3.
    EXPECT_NEAR(f.mean_machine_util, 0.5, 1e-9);
}

TEST(HostTotals, AHostWithoutSamplesHasNone) {
    const HostFigures f = HostTotals("node-c").figures();
    EXPECT_EQ(f.samples, 0u);
    EXPECT_EQ(f.peak_pss_sum_bytes, 0u);
    EXPECT_EQ(f.process_cpu_s, 0.0);
}

TEST(HostTotals, TheEngineHostTakesTheResultsOwnFigures) {
    MemoryFigures m;
    m.peak_rss_sum_bytes = 7;
    m.peak_pss_sum_bytes = 5;
    m.peak_uss_sum_bytes = 3;
    m.samples = 9;
    CpuFigures c;
    c.process_cpu_s = 1.5;
    c.mean_machine_util = 0.25;
    const HostFigures f = engine_host_figures("node-a", m, c);
    EXPECT_TRUE(f.engine);
    EXPECT_EQ(f.host, "node-a");
    EXPECT_EQ(f.peak_pss_sum_bytes, 5u);
    EXPECT_EQ(f.peak_rss_sum_bytes, 7u);
    EXPECT_EQ(f.samples, 9u);
    EXPECT_EQ(f.process_cpu_s, 1.5);
    EXPECT_EQ(f.mean_machine_util, 0.25);
}

RunResult mpi_result() {
    RunResult r = test_support::synthetic_result("1", test_support::kLateOriginNs);
    r.memory.samples = 4;
    r.memory.peak_pss_sum_bytes = 40 << 20;
    r.host_totals = {engine_host_figures("node-a", r.memory, r.cpu),
                     HostFigures{"node-b", false, 90 << 20, 70 << 20, 60 << 20, 2.5, 0.8, 6}};
    return r;
}

TEST(HostTotals, RoundTripInTheResultAndAbsentOtherwise) {
    const RunResult r = mpi_result();
    const nlohmann::json j = nlohmann::json::parse(result_to_json(r).dump());
    ASSERT_TRUE(j.contains("host_totals"));
    EXPECT_EQ(j["host_totals"][1]["host"], "node-b");
    EXPECT_EQ(j["host_totals"][1]["peak_pss_sum_bytes"], 70 << 20);
    EXPECT_EQ(result_from_json(j).host_totals, r.host_totals);

    RunResult plain = r;
    plain.host_totals.clear();
    const nlohmann::json k = result_to_json(plain);
    EXPECT_FALSE(k.contains("host_totals"));
    EXPECT_TRUE(result_from_json(k).host_totals.empty());
}

TEST(HostTotals, TheTableHasALinePerHost) {
    const std::string table = format_series(make_series({mpi_result()}));
    const auto header = table.find("per host");
    ASSERT_NE(header, std::string::npos) << table;
    const auto a = table.find("node-a (engine)", header);
    const auto b = table.find("node-b", header);
    ASSERT_NE(a, std::string::npos) << table;
    ASSERT_NE(b, std::string::npos) << table;
    EXPECT_LT(a, b) << "the engine's host comes first\n" << table;
    EXPECT_NE(table.find("70.0 MiB", b), std::string::npos) << table;
    EXPECT_NE(table.find("80 %", b), std::string::npos) << table;

    RunResult plain = mpi_result();
    plain.host_totals.clear();
    EXPECT_EQ(format_series(make_series({plain})).find("per host"), std::string::npos);
}

}  // namespace
}  // namespace poolscope
