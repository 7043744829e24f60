// Sweep lessons: the "sweep" object of the lessons file (the sweep command's axes, refused with
// the field named when wrong), a workload parameter as a sweep axis, and the figures a sweep
// lesson's expectations read from the sweep's analysis (U-curve, T crossing 10·C, scaling).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/analysis/sweep_axes.h"
#include "core/analysis/sweep_shape.h"
#include "core/lessons/lesson_check.h"
#include "core/lessons/lesson_figures.h"
#include "core/lessons/lesson_file.h"

using namespace poolscope;
using json = nlohmann::json;

namespace {

json sweep_doc() {
    return json::parse(R"({
      "schema": 2,
      "default_lesson": 4,
      "lessons": [{
        "id": 4, "title": "U", "summary": "one line", "what_you_should_see": "x", "repeat": 3,
        "sweep": {
          "args": ["--workload", "skewed", "--size", "{10000*cores}", "--workers", "{cores}"],
          "axes": ["--chunksize", "1,10,{100*cores}", "--param", "item_us=1..100*10"]
        },
        "expectations": [
          {"id": "u", "text": "a U", "left": "sweep.u_curve", "op": ">=", "right": 1},
          {"id": "arm", "text": "left arm", "left": "sweep.first_over_best", "op": ">",
           "right": "sweep.last_over_best", "factor": 0.5}
        ]
      }]
    })");
}

std::string error_of(const json& doc) {
    LessonFile f;
    const auto e = parse_lesson_file(doc, f);
    return e ? *e : std::string();
}

SweepPointFigures point(std::string value, int workers, uint64_t chunk, double wall,
                        double speedup) {
    SweepPointFigures p;
    p.values = {std::move(value)};
    p.workers = workers;
    p.chunksize = chunk;
    p.wall_s = {wall, wall, wall};
    p.speedup = speedup;
    return p;
}

}  // namespace

TEST(LessonSweep, ASweepLessonLoadsWithItsAxes) {
    LessonFile f;
    ASSERT_EQ(parse_lesson_file(sweep_doc(), f), std::nullopt);
    const Lesson& l = f.lessons.at(0);
    EXPECT_TRUE(l.runs.empty());
    ASSERT_TRUE(l.sweep);
    EXPECT_EQ(l.expectations.at(0).left, (FigureRef{"sweep", "", "u_curve"}));
    EXPECT_EQ(
        expand_lesson_args(*l.sweep, 4),
        (std::vector<std::string>{"--workload", "skewed", "--size", "40000", "--workers", "4",
                                  "--chunksize", "1,10,400", "--param", "item_us=1..100*10"}));
}

TEST(LessonSweep, BadSweepsAreRefusedWithTheFieldNamed) {
    struct Case {
        const char* pointer;
        json value;
        const char* field;
        const char* words;  // what the refusal must say
    };
    const Case cases[] = {
        {"/lessons/0/runs", json::array(), "lessons[0]", "both runs and a sweep"},
        {"/lessons/0/sweep", "--workers 1..4", "lessons[0].sweep", "object"},
        {"/lessons/0/sweep/args/1", "--compare", "lessons[0].sweep.args[1]", "drop --compare"},
        {"/lessons/0/sweep/axes", json::array(), "lessons[0].sweep.axes", "at least one axis"},
        {"/lessons/0/sweep/axes", json::array({"--workers"}), "lessons[0].sweep.axes", "pairs"},
        {"/lessons/0/sweep/axes/0", "--size", "lessons[0].sweep.axes[0]", "not an axis"},
        {"/lessons/0/sweep/axes/1", "8..2", "lessons[0].sweep.axes[1]", "inverted"},
        {"/lessons/0/sweep/axes/1", "1..{cores}", "lessons[0].sweep.axes[1]", ""},
        {"/lessons/0/sweep/axes/1", "2..{cores}", "lessons[0].sweep.axes[1]", "on 1 core"},
        {"/lessons/0/sweep/axes/1", "{cores+1}", "lessons[0].sweep.axes[1]", "placeholders"},
        {"/lessons/0/sweep/axes/2", "--chunksize", "lessons[0].sweep.axes[2]", "swept twice"},
        {"/lessons/0/sweep/axes/3", "item_us=5", "lessons[0].sweep.axes[3]", "needs a list"},
        {"/lessons/0/sweep/axes/3", "workers=1,2", "lessons[0].sweep.axes[3]", "--workers"},
        {"/lessons/0/sweep/colour", "red", "lessons[0].sweep.colour", "unknown key"},
        {"/lessons/0/expectations/0/left", "a.wall", "lessons[0].expectations[0].left",
         "sweep.FIGURE"},
        {"/lessons/0/expectations/0/left", "sweep.parallel.wall", "lessons[0].expectations[0].left",
         "sweep.FIGURE"},
        {"/lessons/0/expectations/0/left", "sweep.wall", "lessons[0].expectations[0].left",
         "unknown sweep figure 'wall' (best_speedup, u_curve"},
    };
    for (const Case& c : cases) {
        json doc = sweep_doc();
        doc[json::json_pointer(c.pointer)] = c.value;
        const std::string e = error_of(doc);
        if (std::string(c.words).empty()) {  // a valid change
            EXPECT_EQ(e, "") << c.pointer;
            continue;
        }
        EXPECT_NE(e.find(c.field), std::string::npos) << c.pointer << " gave: '" << e << "'";
        EXPECT_NE(e.find(c.words), std::string::npos) << c.pointer << " gave: '" << e << "'";
    }
    json neither = sweep_doc();
    neither["lessons"][0].erase("sweep");
    EXPECT_NE(error_of(neither).find("lessons[0].runs: missing (a list of runs (or a sweep))"),
              std::string::npos)
        << error_of(neither);
}

TEST(LessonSweep, AWorkloadParameterIsAnAxisWithItsOwnBaseline) {
    EXPECT_TRUE(is_param_axis_value("item_us=1,10"));
    EXPECT_TRUE(is_param_axis_value("item_us=1..1000*10"));
    EXPECT_FALSE(is_param_axis_value("item_us=10"));
    EXPECT_FALSE(is_param_axis_value("=1,2"));
    SweepAxis axis;
    ASSERT_EQ(parse_param_axis("item_us=1..1000*10,5", axis), std::nullopt);
    EXPECT_EQ(axis.name, "item_us");
    EXPECT_EQ(axis.values, (std::vector<std::string>{"1", "10", "100", "1000", "5"}));
    EXPECT_NE(parse_param_axis("item_us=1,,2", axis)->find("--param item_us: an empty value"),
              std::string::npos);
    EXPECT_NE(parse_param_axis("item_us=1,x", axis)->find("'x' is not a whole number"),
              std::string::npos);
    EXPECT_NE(parse_param_axis("chunksize=1,2", axis)->find("use --chunksize"), std::string::npos);
    EXPECT_TRUE(axis_changes_serial("item_us"));
    EXPECT_FALSE(axis_changes_serial("workers"));
    EXPECT_FALSE(axis_changes_serial("dispatch"));
    RunConfig cfg;
    apply_axis_value(cfg, "item_us", "100");
    EXPECT_EQ(cfg.params.at("item_us"), "100");
}

TEST(LessonSweep, TheUCurveAndItsArms) {
    const std::vector<std::string> axes{"chunksize"};
    std::vector<SweepPointFigures> pts{point("1000", 2, 1000, 0.30, 1.0),
                                       point("1", 2, 1, 0.50, 0.6), point("10", 2, 10, 0.25, 1.2),
                                       point("100", 2, 100, 0.20, 1.5)};
    const auto u = u_curve(axes, pts, 3, "chunksize");
    ASSERT_TRUE(u);
    EXPECT_EQ(u->first, 1u);  // by value, not by the points' order
    EXPECT_EQ(u->last, 0u);
    EXPECT_EQ(u->best, 3u);
    EXPECT_TRUE(u->inside());
    EXPECT_DOUBLE_EQ(u->first_over_best, 2.5);
    EXPECT_DOUBLE_EQ(u->last_over_best, 1.5);
    pts[0].wall_s = {0.1, 0.1, 0.1};  // the largest chunksize wins: no U
    EXPECT_FALSE(u_curve(axes, pts, 0, "chunksize")->inside());
    pts.resize(2);
    EXPECT_FALSE(u_curve(axes, pts, 0, "chunksize"));  // two values make no curve
}

TEST(LessonSweep, TheRuleIsCrossedBetweenTwoItemTimes) {
    const std::vector<std::string> axes{"item_us"};
    std::vector<SweepPointFigures> pts;
    for (const auto& [us, t_over_c] :
         std::vector<std::pair<int, double>>{{1, 0.05}, {10, 0.6}, {100, 4}, {1000, 40}}) {
        pts.push_back(point(std::to_string(us), 2, 50, 1, 1));
        pts.back().T = us * 1e-6;
        pts.back().C = pts.back().T / t_over_c;
    }
    const auto r = rule_crossing(axes, pts, 0, "item_us");
    ASSERT_TRUE(r);
    EXPECT_NEAR(r->first_ratio, 0.05, 1e-9);
    EXPECT_NEAR(r->last_ratio, 40, 1e-9);
    ASSERT_TRUE(r->below && r->above);
    EXPECT_EQ(*r->below, 2u);
    EXPECT_EQ(*r->above, 3u);
    pts[3].C = pts[3].T / 9;  // never above 10
    EXPECT_FALSE(rule_crossing(axes, pts, 0, "item_us")->below);
    EXPECT_EQ(parameter_axis({"workers", "item_us"}), "item_us");
    EXPECT_EQ(parameter_axis({"workers", "chunksize"}), "");
}

TEST(LessonSweep, FiguresOfAWorkersSweepAndTheirCheck) {
    const std::vector<std::string> axes{"workers"};
    // 2 usable cores: the speedup doubles to 2 workers, then stays flat.
    std::vector<SweepPointFigures> pts{point("1", 1, 1, 1.0, 0.95), point("2", 2, 1, 0.5, 1.9),
                                       point("4", 4, 1, 0.49, 1.94)};
    const SweepAnalysis a = analyse_sweep(axes, pts, {1, 1, 1}, 100, 2, 3);
    ASSERT_TRUE(a.amdahl) << a.fit_note;  // two worker counts within the cores fit Amdahl
    const LessonRunFigures f = figures_of_sweep(axes, pts, a, 2, 0.02);
    EXPECT_DOUBLE_EQ(f.values.at("speedup_at_1"), 0.95);
    EXPECT_DOUBLE_EQ(f.values.at("speedup_at_cores"), 1.9);
    EXPECT_DOUBLE_EQ(f.values.at("speedup_at_most"), 1.94);
    EXPECT_DOUBLE_EQ(f.values.at("best_speedup"), 1.94);
    EXPECT_LT(f.values.at("serial_fraction"), 0.1);
    EXPECT_FALSE(f.values.count("u_curve"));  // no chunksize axis: no U-curve figures
    EXPECT_DOUBLE_EQ(f.outside_cpu_share, 0.02);

    LessonFile file;
    json doc = sweep_doc();
    doc["lessons"][0]["expectations"] = json::parse(R"([
      {"id": "flat", "text": "flat", "left": "sweep.speedup_at_most", "op": "<",
       "right": "sweep.speedup_at_cores", "factor": 1.25},
      {"id": "u", "text": "a U", "left": "sweep.u_curve", "op": ">=", "right": 1}])");
    ASSERT_EQ(parse_lesson_file(doc, file), std::nullopt);
    const LessonOutcome o = check_lesson(file.lessons[0], {{kLessonSweepId, f}}, 2);
    EXPECT_EQ(o.expectations.at(0).status, CheckStatus::Pass);
    EXPECT_EQ(o.expectations.at(1).status, CheckStatus::Fail);
    EXPECT_EQ(o.expectations.at(1).note, "run 'sweep' has no figure u_curve");
    EXPECT_EQ(o.overall, CheckStatus::Fail);
}

TEST(LessonSweep, AParameterSweepPicksItsBestBySpeedupNotWall) {
    // Less work is always quicker: the best item time is the one that gains most.
    const std::vector<std::string> axes{"item_us"};
    std::vector<SweepPointFigures> pts{point("1", 2, 50, 0.002, 0.1),
                                       point("1000", 2, 50, 0.25, 1.8)};
    const SweepAnalysis a = analyse_sweep(axes, pts, {0.45, 0.45, 0.45}, 400, 2, 3);
    ASSERT_TRUE(a.recommendation);
    EXPECT_EQ(a.recommendation->best, 1u);
}
