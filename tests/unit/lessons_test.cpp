// The ready lessons are argument lists for `poolscope-cli run`: every one must parse and pass
// validation, so a lesson never fails in front of a class because of a typo.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "app/cli/run_options.h"
#include "core/config/validation.h"
#include "core/workloads/workload_registry.h"

using namespace poolscope;

namespace {

nlohmann::json load_lessons() {
    std::ifstream in(std::string(POOLSCOPE_RESOURCES_DIR) + "/lessons/lessons.json");
    EXPECT_TRUE(in.good());
    return nlohmann::json::parse(in);
}

}  // namespace

TEST(Lessons, EveryRunParsesAndValidates) {
    const auto doc = load_lessons();
    ASSERT_EQ(doc["schema"], 1);
    ASSERT_EQ(doc["lessons"].size(), 10u);
    const MachineInfo m = read_machine_info();
    for (const auto& lesson : doc["lessons"]) {
        EXPECT_FALSE(lesson["what_you_should_see"].get<std::string>().empty());
        for (const auto& run : lesson["runs"]) {
            cli::RunOptions opt;
            std::string err;
            const auto args = run["args"].get<std::vector<std::string>>();
            ASSERT_TRUE(cli::parse_run_options(args, opt, err)) << lesson["title"] << ": " << err;
            if (!make_workload(opt.config.workload)) continue;  // blur in a build without OpenCV
            const auto refusal = validate_config(opt.config, m);
            EXPECT_FALSE(refusal) << lesson["title"] << " / " << run["label"] << ": " << *refusal;
            auto wl = make_workload(opt.config.workload);
            const auto bad = wl->configure(with_defaults(wl->info(), opt.config.params), 1);
            EXPECT_FALSE(bad) << lesson["title"] << ": " << *bad;
        }
    }
}

TEST(Lessons, TheDefaultLessonIsTheTinyTasksComparison) {
    const auto doc = load_lessons();
    const auto& first = doc["lessons"][0];
    EXPECT_EQ(doc["default_lesson"], first["id"]);
    const auto args = first["runs"][0]["args"].get<std::vector<std::string>>();
    cli::RunOptions opt;
    std::string err;
    ASSERT_TRUE(cli::parse_run_options(args, opt, err));
    EXPECT_EQ(opt.config.workload, "square");
    EXPECT_EQ(opt.config.size, 1000u);
    EXPECT_EQ(opt.config.workers, 4);
    EXPECT_TRUE(opt.compare);
}
