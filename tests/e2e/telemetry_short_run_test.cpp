// Every run has CPU, per-core and memory figures, even one far shorter than the sampling
// period: a sample is taken at its start and another at its end.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "support/process_hygiene.h"

using namespace poolscope::test;
using nlohmann::json;

class TelemetryShortRun : public ProcessHygiene {};

TEST_F(TelemetryShortRun, ARunShorterThanTheSamplingPeriodHasCpuCoreAndMemoryFigures) {
    for (const char* backend : {"processes", "threads"}) {
        const auto r =
            run_cli({"run", "--workload", "square", "--size", "1000", "--workers", "2", "--backend",
                     backend, "--sample-ms", "1000", "--compare", "--json"});
        ASSERT_EQ(r.exit_code, 0) << r.err;
        const json doc = json::parse(r.out);
        for (const char* side : {"serial", "parallel"}) {
            const json& res = doc[side];
            SCOPED_TRACE(std::string(backend) + " " + side);
            EXPECT_LT(res["wall_s"].get<double>(), 1.0);
            EXPECT_GE(res["cpu"]["samples"].get<int>(), 2);
            EXPECT_GT(res["cpu"]["process_cpu_s"].get<double>(), 0);
            EXPECT_FALSE(res["cpu"]["mean_core_util"].empty());
            EXPECT_GT(res["memory"]["peak_pss_sum_bytes"].get<uint64_t>(), 0u);
        }
    }
}
