// The expectation evaluator on synthetic figures: thresholds, scaling by cores, a missing run,
// and a failed expectation under outside load reported as disturbed rather than failed.
#include <gtest/gtest.h>

#include "core/lessons/lesson_check.h"

using namespace poolscope;

namespace {

Lesson two_run_lesson() {
    LessonFile f;
    const auto doc = nlohmann::json::parse(R"({
      "schema": 2, "default_lesson": 3,
      "lessons": [{
        "id": 3, "title": "T", "summary": "s", "what_you_should_see": "x", "repeat": 1,
        "runs": [
          {"id": "small", "label": "small", "args": ["--compare"]},
          {"id": "big", "label": "big", "args": ["--compare"]}
        ],
        "expectations": [
          {"id": "loses", "text": "small loses", "left": "small.speedup", "op": "<", "right": 1},
          {"id": "cores", "text": "big climbs", "left": "big.speedup", "op": ">", "right": 1,
           "factor": 0.5, "scale": "cores"},
          {"id": "faster", "text": "big's pool is quicker per item", "left": "big.parallel.wall",
           "op": "<", "right": "small.parallel.wall", "factor": 2}
        ]
      }]
    })");
    EXPECT_EQ(parse_lesson_file(doc, f), std::nullopt);
    return f.lessons.at(0);
}

LessonRunFigures figures(double speedup, double parallel_wall, double outside = 0) {
    LessonRunFigures r;
    r.values["speedup"] = speedup;
    r.values["parallel.wall"] = parallel_wall;
    r.outside_cpu_share = outside;
    return r;
}

}  // namespace

TEST(LessonCheck, ExpectationsThatHoldPass) {
    const auto out = check_lesson(two_run_lesson(),
                                  {{"small", figures(0.3, 1.0)}, {"big", figures(1.8, 1.5)}}, 2);
    ASSERT_EQ(out.expectations.size(), 3u);
    for (const auto& x : out.expectations) EXPECT_EQ(x.status, CheckStatus::Pass) << x.id;
    EXPECT_EQ(out.overall, CheckStatus::Pass);
    EXPECT_DOUBLE_EQ(out.expectations[1].threshold, 1.0);  // 0.5 × 1 × 2 cores
    EXPECT_EQ(out.expectations[1].cores, 2);
    EXPECT_DOUBLE_EQ(out.expectations[2].threshold, 2.0);  // 2 × small's 1.0 s
    EXPECT_EQ(out.expectations[2].right_name, "small.parallel.wall");
    EXPECT_DOUBLE_EQ(out.expectations[0].left, 0.3);
}

TEST(LessonCheck, TheThresholdScalesWithTheUsableCores) {
    const Lesson l = two_run_lesson();
    const std::map<std::string, LessonRunFigures> runs{{"small", figures(0.3, 1.0)},
                                                       {"big", figures(1.8, 1.5)}};
    EXPECT_EQ(check_lesson(l, runs, 2).expectations[1].status, CheckStatus::Pass);
    const auto on16 = check_lesson(l, runs, 16);
    EXPECT_EQ(on16.expectations[1].status, CheckStatus::Fail);
    EXPECT_DOUBLE_EQ(on16.expectations[1].threshold, 8.0);
    EXPECT_EQ(on16.overall, CheckStatus::Fail);
}

TEST(LessonCheck, AFailureUnderOutsideLoadIsDisturbedNotFailed) {
    const Lesson l = two_run_lesson();
    // big's speedup misses its threshold while other programs took 40 % of the CPU.
    const auto out =
        check_lesson(l, {{"small", figures(0.3, 1.0)}, {"big", figures(0.9, 1.5, 0.4)}}, 2);
    EXPECT_EQ(out.expectations[0].status, CheckStatus::Pass);
    EXPECT_EQ(out.expectations[1].status, CheckStatus::Disturbed);
    EXPECT_DOUBLE_EQ(out.expectations[1].outside_cpu_share, 0.4);
    EXPECT_EQ(out.overall, CheckStatus::Disturbed);
    EXPECT_NE(format_outcome(out.expectations[1]).find("DISTURBED"), std::string::npos);
    EXPECT_NE(format_outcome(out.expectations[1]).find("40 %"), std::string::npos);
    // A pass under load is still a pass; a failure on a quiet machine is a failure.
    EXPECT_EQ(
        check_lesson(l, {{"small", figures(0.3, 1.0, 0.5)}, {"big", figures(1.8, 1.5, 0.5)}}, 2)
            .overall,
        CheckStatus::Pass);
    EXPECT_EQ(
        check_lesson(l, {{"small", figures(0.3, 1.0, 0.05)}, {"big", figures(0.9, 1.5, 0.05)}}, 2)
            .overall,
        CheckStatus::Fail);
}

TEST(LessonCheck, AMissingRunOrFigureFailsWithANote) {
    const auto out = check_lesson(two_run_lesson(), {{"small", figures(0.3, 1.0)}}, 2);
    EXPECT_EQ(out.expectations[0].status, CheckStatus::Pass);
    EXPECT_EQ(out.expectations[1].status, CheckStatus::Fail);
    EXPECT_NE(out.expectations[1].note.find("big"), std::string::npos);
    LessonRunFigures no_wall;
    no_wall.values["speedup"] = 2;
    const auto out2 =
        check_lesson(two_run_lesson(), {{"small", figures(0.3, 1.0)}, {"big", no_wall}}, 2);
    EXPECT_EQ(out2.expectations[2].status, CheckStatus::Fail);
    EXPECT_NE(out2.expectations[2].note.find("parallel.wall"), std::string::npos);
}

TEST(LessonCheck, TheOutcomeAsJsonCarriesEveryFigure) {
    const auto out = check_lesson(two_run_lesson(),
                                  {{"small", figures(0.3, 1.0)}, {"big", figures(1.8, 1.5)}}, 2);
    const auto j = outcome_to_json(out);
    EXPECT_EQ(j["status"], "PASS");
    EXPECT_EQ(j["usable_cores"], 2);
    ASSERT_EQ(j["expectations"].size(), 3u);
    EXPECT_EQ(j["expectations"][1]["id"], "cores");
    EXPECT_EQ(j["expectations"][1]["left_value"], 1.8);
    EXPECT_EQ(j["expectations"][1]["threshold"], 1.0);
    EXPECT_EQ(j["expectations"][1]["scaled_by_cores"], 2);
    EXPECT_EQ(j["expectations"][2]["right"], "small.parallel.wall");
}

TEST(LessonCheck, ExpectationsNamingARunThatCouldNotRunAreSkippedWithTheReason) {
    const std::map<std::string, std::string> skipped{{"big", "no Python here"}};
    const auto out = check_lesson(two_run_lesson(), {{"small", figures(0.3, 1.0)}}, 2,
                                  kDisturbedOutsideShare, skipped);
    EXPECT_EQ(out.expectations[0].status, CheckStatus::Pass);
    EXPECT_EQ(out.expectations[1].status, CheckStatus::Skipped);
    EXPECT_EQ(out.expectations[2].status, CheckStatus::Skipped) << "big on the left";
    EXPECT_NE(out.expectations[1].note.find("no Python here"), std::string::npos);
    EXPECT_EQ(out.skipped, 2);
    EXPECT_EQ(out.overall, CheckStatus::Pass) << "what did run passed";
    EXPECT_NE(format_outcome(out.expectations[1]).find("SKIPPED   cores: big climbs"),
              std::string::npos);
    EXPECT_EQ(outcome_to_json(out)["expectations"][1]["status"], "SKIPPED");

    // A skipped run does not hide a failure elsewhere, and a lesson with nothing left to check
    // says so.
    const auto failing = check_lesson(two_run_lesson(), {{"small", figures(3.0, 1.0)}}, 2,
                                      kDisturbedOutsideShare, skipped);
    EXPECT_EQ(failing.overall, CheckStatus::Fail);
    const auto none = check_lesson(two_run_lesson(), {}, 2, kDisturbedOutsideShare,
                                   {{"small", "x"}, {"big", "x"}});
    EXPECT_EQ(none.overall, CheckStatus::Skipped);
}
