// Evaluates a lesson's expectations against its runs' figures: PASS, FAIL, or DISTURBED when an
// expectation does not hold and other programs took a noticeable share of the CPU during the
// runs it names (the lesson says nothing then; run it again on a quieter machine), or SKIPPED
// when a run it names could not run here (its backend is not installed: the reason is given).
// Plain data in and out, so the CLI and the GUI's lessons panel report the same outcome.
#pragma once

#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/analysis/verdict.h"
#include "core/lessons/lesson_figures.h"
#include "core/lessons/lesson_file.h"

namespace poolscope {

// Above this outside share of the CPU a failed expectation is reported as disturbed (the
// threshold past which the verdict gives no advice).
inline constexpr double kDisturbedOutsideShare = kOutsideLoadShare;

enum class CheckStatus { Pass, Fail, Disturbed, Skipped };

std::string_view to_string(CheckStatus s);  // "PASS", "FAIL", "DISTURBED", "SKIPPED"

struct ExpectationOutcome {
    std::string id;
    std::string text;
    std::string left_name;  // "shm.parallel.transfer"
    double left = 0;
    std::string op;          // "<"
    std::string right_name;  // a figure's name, or empty when the right side is a number
    double right = 0;
    double factor = 1;
    int cores = 0;                 // the usable cores the threshold was scaled by; 0 = not scaled
    double threshold = 0;          // factor × right (× cores)
    double outside_cpu_share = 0;  // the largest over the runs it names
    CheckStatus status = CheckStatus::Fail;
    std::string note;  // why it could not be evaluated (a run failed, a figure is missing)
};

struct LessonOutcome {
    int lesson = 0;
    int cores = 0;
    std::vector<ExpectationOutcome> expectations;
    // FAIL if any fails, else DISTURBED if any is, else PASS; skipped ones do not count, unless
    // every expectation was skipped (SKIPPED: the lesson showed nothing).
    CheckStatus overall = CheckStatus::Pass;
    int skipped = 0;  // expectations skipped
};

// `runs` maps a run id to its figures; a run that is missing (not run, or refused) fails the
// expectations that name it, unless `skipped` names it (run id -> why it could not run here):
// those expectations are SKIPPED with the reason.
LessonOutcome check_lesson(const Lesson& lesson,
                           const std::map<std::string, LessonRunFigures>& runs, int usable_cores,
                           double disturbed_share = kDisturbedOutsideShare,
                           const std::map<std::string, std::string>& skipped = {});

// One line per expectation: "PASS  id: text — left 1.2 s < 0.5 × right 3 s (= 1.5 s)".
std::string format_outcome(const ExpectationOutcome& x);

nlohmann::json outcome_to_json(const LessonOutcome& o);

}  // namespace poolscope
