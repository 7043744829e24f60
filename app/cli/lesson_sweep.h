// `poolscope-cli lesson N` for a lesson that is a sweep: the sweep runs as `poolscope-cli sweep`
// runs it (sweep_session.h), its table is printed, and with --check the expectations are read
// against the figures of its analysis ("sweep.u_curve", "sweep.serial_fraction", ...).
#pragma once

#include <optional>
#include <string>
#include "app/cli/progress_line.h"
#include "app/cli/terminal_style.h"

#include "core/lessons/lesson_check.h"
#include "core/lessons/lesson_file.h"

namespace poolscope::cli {

struct LessonOptions {
    int id = 0;
    bool check = false;
    bool json = false;
    bool quiet = false;
    ProgressMode progress = ProgressMode::Auto;
    ColorMode color = ColorMode::Auto;
};

// "check (N usable cores)", a line per expectation, "lesson N: PASS".
std::string format_check(const LessonOutcome& outcome, bool color);
// 0 (no check, or every expectation passed), 1 one failed, 3 none failed but some disturbed.
int check_exit_code(const std::optional<LessonOutcome>& outcome);

// The exit status as `lesson` gives it (0, 1 failed, 2 bad input, 3 disturbed, 130).
int sweep_lesson(const Lesson& lesson, const LessonOptions& opt);

}  // namespace poolscope::cli
