// cpu's item_us is calibrated once per command and carried in the config as iterations: the
// runs of one lesson do the same work (equal checksums), and a result says what it ran.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/workloads/cpu_workload.h"
#include "support/process_hygiene.h"
#include "support/scratch_dir.h"

using namespace poolscope;
using namespace poolscope::test;
using nlohmann::json;
using poolscope::test_support::ScratchDir;

class Calibration : public ProcessHygiene {};

TEST_F(Calibration, OneProcessCalibratesOnce) {
    const auto a = CpuWorkload::calibrate_iterations(50);
    const auto b = CpuWorkload::calibrate_iterations(50);
    const auto c = CpuWorkload::calibrate_iterations(100);
    ASSERT_TRUE(a && b && c);
    EXPECT_EQ(*a, *b);
    EXPECT_NEAR(static_cast<double>(*c), 2.0 * static_cast<double>(*a), 2.0);
}

TEST_F(Calibration, TheRunsOfALessonDoTheSameWork) {
    const std::string run = R"(["--workload", "cpu", "--param", "item_us=20", "--size", "200",
                               "--workers", "2", "--compare"])";
    const std::string doc = R"({"schema": 2, "default_lesson": 1, "lessons": [{
        "id": 1, "title": "t", "summary": "s", "what_you_should_see": "w", "repeat": 2,
        "runs": [{"id": "a", "label": "a", "args": )" +
                            run + R"(}, {"id": "b", "label": "b", "args": )" + run + R"(}],
        "expectations": [{"id": "x", "text": "x", "left": "a.checksums_match", "op": ">=",
                          "right": 1}]}]})";
    ScratchDir dir;
    const auto r = run_cli({"lesson", "1", "--json", "--file", dir.write("l.json", doc)});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const json out = json::parse(r.out);
    std::set<std::string> checksums, iterations;
    for (const json& x : out["runs"]) {
        for (const char* side : {"serial", "parallel"}) {
            for (const json& one : x["result"][side]["runs"]) {
                checksums.insert(one["checksum"].get<std::string>());
                iterations.insert(one["config"]["params"]["iterations"].get<std::string>());
                EXPECT_EQ(one["config"]["params"]["item_us"], "0");
            }
        }
    }
    EXPECT_EQ(checksums.size(), 1u) << "8 runs, one amount of work";
    EXPECT_EQ(iterations.size(), 1u);
}
