// Every shipped lesson shows what it promises on this machine: `poolscope-cli lesson N --check`
// passes for each. A lesson reported DISTURBED (an expectation missed while other programs took
// more than 10 % of the CPU) is skipped with its figures, not failed: it says nothing either way.
// A lesson that fails is run once more, and fails the test only when it fails again.
#include <gtest/gtest.h>

#include <map>

#include "core/lessons/lesson_file.h"
#include "support/process_hygiene.h"

using namespace poolscope;
using namespace poolscope::test;

class LessonChecks : public ProcessHygiene, public ::testing::WithParamInterface<int> {};

namespace {

// Lessons whose claim does not show yet on a quiet 2-core machine. Their check still runs and
// prints its figures; a failure is reported as skipped with the reason, never hidden as a pass.
const std::map<int, const char*> kNotShownYet = {};

}  // namespace

TEST_P(LessonChecks, CheckPasses) {
    CliOptions opt;
    opt.timeout_s = 120;
    auto r = run_cli({"lesson", std::to_string(GetParam()), "--check"}, opt);
    // Timing claims on a shared 2-core machine: a miss is checked once more before it counts
    // (a claim that holds shows again; noise rarely misses twice in a row).
    if (r.exit_code == 1) r = run_cli({"lesson", std::to_string(GetParam()), "--check"}, opt);
    if (r.exit_code == 3) GTEST_SKIP() << "disturbed by other programs:\n" << r.out;
    if (const auto known = kNotShownYet.find(GetParam());
        known != kNotShownYet.end() && r.exit_code == 1)
        GTEST_SKIP() << "not shown yet: " << known->second << "\n" << r.out;
    EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
    EXPECT_LT(r.seconds, 30.0) << "a lesson should end in seconds";
}

namespace {

std::vector<int> lesson_ids() {
    LessonFile f;
    std::vector<int> ids;
    if (!load_lesson_file(std::string(POOLSCOPE_RESOURCES_DIR) + "/lessons/lessons.json", f))
        for (const Lesson& l : f.lessons) ids.push_back(l.id);
    return ids;
}

}  // namespace

INSTANTIATE_TEST_SUITE_P(Shipped, LessonChecks, ::testing::ValuesIn(lesson_ids()),
                         [](const auto& p) { return "Lesson" + std::to_string(p.param); });
