// `poolscope-cli lessons` and `poolscope-cli lesson N --check` on small lessons files of the
// test's own: the list, the tables, PASS and FAIL lines with the figures, the exit codes (0 all
// pass, 1 one failed, 2 bad input), the JSON document, and a run whose Python is missing
// skipped with the reason. Effects are huge on purpose (a 1000×
// factor either way), so a loaded machine cannot flip them.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "support/process_hygiene.h"
#include "support/scratch_dir.h"

using namespace poolscope::test;
using nlohmann::json;
using poolscope::test_support::ScratchDir;

namespace {

// One tiny lesson: 1000 squares through 2 workers (start-up ≫ work). `claim` is the speedup
// expectation's operator: "<" holds on any machine, ">" fails on any machine.
std::string lessons_file(const std::string& claim) {
    json doc = json::parse(R"({
      "schema": 2, "default_lesson": 1,
      "lessons": [{
        "id": 1, "title": "Tiny", "summary": "squares through a pool", "what_you_should_see": "slower",
        "repeat": 1,
        "runs": [{"id": "tiny", "label": "serial vs pool",
                  "args": ["--workload", "square", "--size", "1000", "--workers", "{cores}", "--compare"]}],
        "expectations": [
          {"id": "slower", "text": "the pool is slower", "left": "tiny.speedup", "op": "<", "right": 1},
          {"id": "start-up", "text": "start-up exceeds compute", "left": "tiny.parallel.startup",
           "op": ">", "right": "tiny.parallel.compute", "factor": 2}
        ]
      }]
    })");
    doc["lessons"][0]["expectations"][0]["op"] = claim;
    return doc.dump();
}

// A sweep lesson: 2000 squares at chunksize 1, 10 and 1000 on 2 workers. Whatever the machine,
// a speedup stays far below 100 (the ">" claim fails) and the chunksize has three values.
std::string sweep_lessons_file(const std::string& claim) {
    json doc = json::parse(R"({
      "schema": 2, "default_lesson": 5,
      "lessons": [{
        "id": 5, "title": "Chunks", "summary": "a sweep", "what_you_should_see": "a table",
        "repeat": 1,
        "sweep": {"args": ["--workload", "square", "--size", "2000", "--workers", "2"],
                  "axes": ["--chunksize", "1,10,1000"]},
        "expectations": [
          {"id": "bounded", "text": "no point is 100× serial", "left": "sweep.best_speedup",
           "op": "<", "right": 100},
          {"id": "arms", "text": "the ends against the best", "left": "sweep.first_over_best",
           "op": ">=", "right": 1}
        ]
      }]
    })");
    doc["lessons"][0]["expectations"][0]["op"] = claim;
    return doc.dump();
}

}  // namespace

class LessonCommand : public ProcessHygiene {};

TEST_F(LessonCommand, LessonsListsTheShippedLessonsOneLineEach) {
    const auto r = run_cli({"lessons"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("  1  Tiny tasks — "), std::string::npos) << r.out;
    EXPECT_NE(r.out.find(" 10  "), std::string::npos) << r.out;
}

TEST_F(LessonCommand, CheckPrintsPassWithTheFiguresAndExitsZero) {
    ScratchDir dir;
    const auto file = dir.write("lessons.json", lessons_file("<"));
    const auto r = run_cli({"lesson", "1", "--check", "--file", file});
    ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
    EXPECT_NE(r.out.find("── tiny: serial vs pool"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("speedup"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("PASS      slower: the pool is slower"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("tiny.parallel.startup"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("lesson 1: PASS"), std::string::npos) << r.out;
}

TEST_F(LessonCommand, AFailedExpectationExitsOne) {
    ScratchDir dir;
    const auto file = dir.write("lessons.json", lessons_file(">"));
    const auto r = run_cli({"lesson", "1", "--check", "--file", file});
    // On a machine busy with other programs the failure is reported as disturbed (exit 3).
    ASSERT_TRUE(r.exit_code == 1 || r.exit_code == 3) << r.out << r.err;
    const bool disturbed = r.exit_code == 3;
    EXPECT_NE(r.out.find(disturbed ? "DISTURBED slower" : "FAIL      slower"), std::string::npos)
        << r.out;
    EXPECT_NE(r.out.find("PASS      start-up"), std::string::npos) << r.out;
}

TEST_F(LessonCommand, WithoutCheckItRunsAndExitsZero) {
    ScratchDir dir;
    const auto file = dir.write("lessons.json", lessons_file(">"));
    const auto r = run_cli({"lesson", "1", "--file", file});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out.find("PASS"), std::string::npos);
    EXPECT_NE(r.out.find("verdict:"), std::string::npos) << r.out;
}

TEST_F(LessonCommand, JsonHoldsTheRunsAndTheOutcome) {
    ScratchDir dir;
    const auto file = dir.write("lessons.json", lessons_file("<"));
    const auto r = run_cli({"lesson", "1", "--check", "--json", "--file", file});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const json doc = json::parse(r.out);
    EXPECT_EQ(doc["lesson"], 1);
    ASSERT_EQ(doc["runs"].size(), 1u);
    EXPECT_EQ(doc["runs"][0]["id"], "tiny");
    EXPECT_TRUE(doc["runs"][0]["result"].contains("speedup"));
    EXPECT_EQ(doc["check"]["status"], "PASS");
    EXPECT_EQ(doc["check"]["expectations"][0]["id"], "slower");
    EXPECT_LT(doc["check"]["expectations"][0]["left_value"].get<double>(), 1.0);
}

TEST_F(LessonCommand, BadInputExitsTwoNamingTheProblem) {
    ScratchDir dir;
    EXPECT_EQ(run_cli({"lesson"}).exit_code, 2);
    EXPECT_EQ(run_cli({"lesson", "999"}).exit_code, 2);
    EXPECT_EQ(run_cli({"lesson", "1", "--frobnicate"}).exit_code, 2);
    json broken = json::parse(lessons_file("<"));
    broken["lessons"][0]["expectations"][0]["left"] = "tiny.speed";
    const auto file = dir.write("broken.json", broken.dump());
    const auto r = run_cli({"lesson", "1", "--check", "--file", file});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("lessons[0].expectations[0].left"), std::string::npos) << r.err;
    EXPECT_EQ(run_cli({"lessons", "--file", file}).exit_code, 2);
}

TEST_F(LessonCommand, ASweepLessonPrintsTheSweepTableAndChecksItsAnalysis) {
    ScratchDir dir;
    const auto file = dir.write("lessons.json", sweep_lessons_file("<"));
    const auto r = run_cli({"lesson", "5", "--check", "--file", file});
    ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
    EXPECT_NE(r.out.find("Lesson 5: Chunks"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("sweep: square, 2000 items; 3 points"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("serial baseline: "), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("chunksize: best measured"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("PASS      bounded: no point is 100× serial"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("sweep.first_over_best"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("lesson 5: PASS"), std::string::npos) << r.out;

    const auto failing = dir.write("failing.json", sweep_lessons_file(">"));
    const auto f = run_cli({"lesson", "5", "--check", "--file", failing, "--json"});
    // On a machine busy with other programs the failure is reported as disturbed (exit 3).
    ASSERT_TRUE(f.exit_code == 1 || f.exit_code == 3) << f.out << f.err;
    const auto doc = json::parse(f.out);
    EXPECT_EQ(doc.at("sweep").at("type"), "sweep");
    EXPECT_EQ(doc["sweep"]["points"].size(), 3u);
    EXPECT_EQ(doc.at("check").at("status"), f.exit_code == 1 ? "FAIL" : "DISTURBED");
    EXPECT_EQ(doc["check"]["expectations"][0]["left"], "sweep.best_speedup");
}

TEST_F(LessonCommand, ASweepLessonThatTheEngineRefusesExitsTwo) {
    ScratchDir dir;
    json doc = json::parse(sweep_lessons_file("<"));
    // apply_async sends one item per message: chunksize 10 contradicts it.
    doc["lessons"][0]["sweep"]["args"].push_back("--dispatch");
    doc["lessons"][0]["sweep"]["args"].push_back("apply_async");
    const auto file = dir.write("refused.json", doc.dump());
    const auto r = run_cli({"lesson", "5", "--check", "--file", file});
    EXPECT_EQ(r.exit_code, 2) << r.out;
    EXPECT_NE(r.err.find("the sweep: at chunksize=10: "), std::string::npos) << r.err;
}

TEST_F(LessonCommand, ARunWhosePythonIsMissingIsSkippedWithTheReasonNotFailed) {
    ScratchDir dir;
    json doc = json::parse(lessons_file("<"));
    json& lesson = doc["lessons"][0];
    lesson["runs"].push_back({{"id", "py"},
                              {"label", "Python's Pool"},
                              {"args",
                               {"--workload", "square", "--size", "1000", "--workers", "2",
                                "--backend", "python", "--python", "/nonexistent/python3"}}});
    lesson["expectations"].push_back({{"id", "py-slower"},
                                      {"text", "the real Pool is slower still"},
                                      {"left", "py.wall"},
                                      {"op", ">"},
                                      {"right", "tiny.parallel.wall"}});
    const auto file = dir.write("lessons.json", doc.dump());
    const auto r = run_cli({"lesson", "1", "--check", "--file", file});
    ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
    EXPECT_NE(
        r.out.find("── py: Python's Pool\nskipped: --python: cannot run '/nonexistent/python3'"),
        std::string::npos)
        << r.out;
    EXPECT_NE(r.out.find("python3-numpy"), std::string::npos) << "what to install: " << r.out;
    EXPECT_NE(r.out.find("SKIPPED   py-slower: the real Pool is slower still"), std::string::npos)
        << r.out;
    EXPECT_NE(r.out.find("PASS      slower"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("lesson 1: PASS (1 of 3 expectations skipped"), std::string::npos)
        << r.out;

    const auto j = run_cli({"lesson", "1", "--check", "--json", "--file", file});
    ASSERT_EQ(j.exit_code, 0) << j.err;
    const json out = json::parse(j.out);
    EXPECT_TRUE(out["runs"][1].contains("skipped")) << out["runs"][1].dump();
    EXPECT_EQ(out["check"]["skipped"], 1);
    EXPECT_EQ(out["check"]["expectations"][2]["status"], "SKIPPED");
}
