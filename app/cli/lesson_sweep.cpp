#include "app/cli/lesson_sweep.h"

#include <signal.h>
#include <unistd.h>

#include <cstdio>

#include "app/cli/sweep_session.h"
#include "core/lessons/lesson_figures.h"
#include "core/platform/machine_info.h"
#include "core/text/json_units.h"

namespace poolscope::cli {

namespace {

void write_out(FILE* f, const std::string& s) {
    std::fwrite(s.data(), 1, s.size(), f);
    std::fflush(f);
}

int bad_input(const std::string& msg) {
    std::fprintf(stderr, "%s%s\n",
                 error_prefix("lesson", color_wanted(ColorMode::Auto, STDERR_FILENO)).c_str(),
                 msg.c_str());
    return 2;
}

bool has_option(const std::vector<std::string>& args, const std::string& name) {
    for (const auto& a : args)
        if (a == name || a.rfind(name + "=", 0) == 0) return true;
    return false;
}

}  // namespace

std::string format_check(const LessonOutcome& outcome, bool color) {
    std::string text = "\ncheck (" + std::to_string(outcome.cores) + " usable cores)\n";
    for (const auto& x : outcome.expectations)
        text += colorize_report(format_outcome(x), color) + "\n";
    text +=
        "lesson " + std::to_string(outcome.lesson) + ": " + std::string(to_string(outcome.overall));
    if (outcome.skipped > 0)
        text += " (" + std::to_string(outcome.skipped) + " of " +
                std::to_string(outcome.expectations.size()) +
                " expectations skipped: a run they name could not run here)";
    return text + "\n";
}

int check_exit_code(const std::optional<LessonOutcome>& outcome) {
    if (!outcome || outcome->overall == CheckStatus::Pass ||
        outcome->overall == CheckStatus::Skipped)
        return 0;
    return outcome->overall == CheckStatus::Fail ? 1 : 3;
}

int sweep_lesson(const Lesson& lesson, const LessonOptions& opt) {
    const MachineInfo machine = read_machine_info();
    const int cores = machine.usable_cores;
    const auto args = expand_lesson_args(*lesson.sweep, cores);
    SweepOptions sweep;
    if (auto e = parse_sweep_options(args, sweep)) return bad_input("the sweep: " + *e);
    if (!has_option(args, "--repeat")) sweep.run.config.repeat = lesson.repeat;
    SweepSession session;
    if (auto e = plan_sweep(sweep, machine, session)) return bad_input("the sweep: " + *e);

    signal(SIGPIPE, SIG_IGN);
    SignalStopSource signals;
    RunObserver null_observer;
    ProgressLine observer(null_observer, STDERR_FILENO,
                          progress_wanted(opt.progress, opt.quiet, STDERR_FILENO));
    if (auto e = prepare_sweep(sweep, session, observer, {&signals}))
        return bad_input("the sweep: " + *e);
    FILE* table = opt.json ? stderr : stdout;
    const bool color = color_wanted(opt.color, fileno(table));
    if (!opt.json)
        write_out(table, "Lesson " + std::to_string(lesson.id) + ": " + lesson.title + "\n" +
                             lesson.what_you_should_see + "\n\n");
    run_sweep(sweep, session, observer);
    if (!opt.json)
        write_out(table, colorize_report(
                             format_table(sweep, session.baselines, session.points,
                                          session.analysis, session.figures, session.interrupted),
                             color));
    if (session.interrupted) return 130;

    std::optional<LessonOutcome> outcome;
    if (opt.check) {
        const auto figures = figures_of_sweep(axis_names(sweep.axes), session.figures,
                                              session.analysis, cores, session.outside_share);
        outcome = check_lesson(lesson, {{kLessonSweepId, figures}}, cores);
        if (!opt.json) write_out(table, format_check(*outcome, color));
    }
    if (opt.json) {
        nlohmann::json doc{
            {"lesson", lesson.id},
            {"title", lesson.title},
            {"sweep", sweep_json(sweep, session.machine(), session.baselines, session.points,
                                 session.analysis, session.figures, session.interrupted)}};
        if (outcome) doc["check"] = outcome_to_json(*outcome);
        write_out(stdout, safe_dump(doc, 2) + "\n");
    }
    return check_exit_code(outcome);
}

}  // namespace poolscope::cli
