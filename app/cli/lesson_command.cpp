// `poolscope-cli lessons` (the list) and `poolscope-cli lesson N [--check] [--json]`: runs a
// lesson's runs headless through the same engine path as `run`, prints each run's table and,
// with --check, PASS, FAIL or DISTURBED per expectation with the measured figures.
#include <signal.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <map>

#include "app/cli/command_options.h"
#include "app/cli/commands.h"
#include "app/cli/lesson_sweep.h"
#include "app/cli/progress_line.h"
#include "app/cli/run_options.h"
#include "app/cli/terminal_style.h"
#include "core/lessons/lesson_check.h"
#include "core/lessons/lesson_file.h"
#include "core/platform/machine_info.h"
#include "core/python/python_launch.h"
#include "core/report/result_json.h"
#include "core/report/summary_table.h"
#include "core/session/engine.h"
#include "core/text/json_units.h"

namespace poolscope::cli {

namespace {

int bad_input(const char* cmd, const std::string& msg) {
    std::fprintf(stderr, "%s%s\n",
                 error_prefix(cmd, color_wanted(ColorMode::Auto, STDERR_FILENO)).c_str(),
                 msg.c_str());
    return 2;
}

void write_out(FILE* f, const std::string& s) {
    std::fwrite(s.data(), 1, s.size(), f);
    std::fflush(f);
}

// The lessons shipped with this binary: the installed copy, PREFIX/share/poolscope/lessons
// beside PREFIX/bin (where the install rules put it), else the source tree's (a build tree).
std::string default_lessons_file() {
    namespace fs = std::filesystem;
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        const fs::path installed =
            exe.parent_path().parent_path() / "share/poolscope/lessons/lessons.json";
        if (fs::is_regular_file(installed, ec)) return installed.string();
    }
    return POOLSCOPE_LESSONS_FILE;
}

bool has_option(const std::vector<std::string>& args, const std::string& name) {
    for (const auto& a : args)
        if (a == name || a.rfind(name + "=", 0) == 0) return true;
    return false;
}

// "auto", "always" or "never" as 0, 1, 2 (the command table has checked it is one of them).
int parse_mode(const std::string& v) {
    return v == "auto" ? 0 : v == "always" ? 1 : 2;
}

// lesson's options, read by the command table (its --help lists the same): nullopt or the
// refusal. path is the lessons file (--file, else the shipped one).
std::optional<std::string> parse_lesson_options(const Args& args, LessonOptions& o,
                                                std::string& path) {
    path = default_lessons_file();
    const auto e = walk_options(
        command_spec("lesson"), args,
        [&](const OptionSpec& spec, const std::string& v) -> std::optional<std::string> {
            const std::string& name = spec.name;
            if (name == "--progress") o.progress = static_cast<ProgressMode>(parse_mode(v));
            if (name == "--color") o.color = static_cast<ColorMode>(parse_mode(v));
            if (name == "--file") path = v;
            o.quiet = o.quiet || name == "--quiet";
            o.check = o.check || name == "--check";
            o.json = o.json || name == "--json";
            return std::nullopt;
        },
        [&](const std::string& a) -> std::optional<std::string> {
            if (a.empty() || a.find_first_not_of("0123456789") != std::string::npos ||
                a.size() >= 6 || o.id != 0)
                return "unexpected argument '" + a +
                       "' (poolscope-cli lesson N [--check] [--json])";
            o.id = std::stoi(a);
            return std::nullopt;
        });
    if (e) return e;
    if (o.id == 0) return "which lesson? poolscope-cli lesson N (see poolscope-cli lessons)";
    return std::nullopt;
}

// The python backends checked for each run that needs them (run id -> what the check found),
// once per interpreter and workload. A run they cannot run is skipped with the reason (what
// `run` would refuse with exit 2) rather than failing in front of a class without Python.
std::map<std::string, PythonProbe> probe_python_runs(const Lesson& lesson,
                                                     const std::vector<RunOptions>& configs) {
    std::map<std::string, PythonProbe> out;
    std::map<std::string, PythonProbe> probes;  // per interpreter and workload
    for (std::size_t i = 0; i < configs.size(); ++i) {
        const RunOptions& ro = configs[i];
        bool python = is_python(ro.config.backend);
        for (Backend b : ro.compare_backends) python = python || is_python(b);
        if (!python) continue;
        const std::string exe = ro.python.empty() ? kDefaultPython : ro.python;
        const std::string key = exe + '\n' + ro.config.workload;
        if (!probes.count(key))
            probes[key] = check_python_backend(exe, default_python_driver(), ro.config.workload);
        out[lesson.runs[i].id] = probes[key];
    }
    return out;
}

}  // namespace

int lessons_command(const Args& args) {
    std::string path = default_lessons_file();
    const auto refused = walk_options(
        command_spec("lessons"), args,
        [&](const OptionSpec& o, const std::string& v) {
            if (o.name == "--file") path = v;
            return std::optional<std::string>();
        },
        [](const std::string& a) {
            return std::optional<std::string>("unexpected argument '" + a + "'");
        });
    if (refused) return bad_input("lessons", *refused);
    LessonFile file;
    if (auto e = load_lesson_file(path, file)) return bad_input("lessons", *e);
    std::string out;
    for (const Lesson& l : file.lessons) {
        char head[16];
        std::snprintf(head, sizeof head, "%3d  ", l.id);
        out += head + l.title + " — " + l.summary + "\n";
    }
    write_out(stdout, out);
    return 0;
}

int lesson_command(const Args& args) {
    std::string path;
    LessonOptions opt;
    if (auto e = parse_lesson_options(args, opt, path)) return bad_input("lesson", *e);
    LessonFile file;
    if (auto e = load_lesson_file(path, file)) return bad_input("lesson", *e);
    const Lesson* lesson = file.find(opt.id);
    if (!lesson) return bad_input("lesson", "no lesson " + std::to_string(opt.id));
    if (lesson->sweep) return sweep_lesson(*lesson, opt);

    // Every run is parsed and validated before the first one starts.
    const int cores = usable_cores();
    std::vector<RunOptions> configs;
    for (const LessonRun& run : lesson->runs) {
        RunOptions ro;
        std::string err;
        const auto run_args = expand_lesson_args(run, cores);
        if (!parse_run_options(run_args, ro, err))
            return bad_input("lesson", "run '" + run.id + "': " + err);
        if (!has_option(run_args, "--repeat")) ro.config.repeat = lesson->repeat;
        configs.push_back(std::move(ro));
    }

    const std::map<std::string, PythonProbe> python = probe_python_runs(*lesson, configs);
    std::map<std::string, std::string> skipped;
    for (const auto& [id, probe] : python)
        if (probe.refusal) skipped[id] = *probe.refusal;

    signal(SIGPIPE, SIG_IGN);
    SignalStopSource signals;
    std::vector<StopSource*> stops{&signals};
    RunObserver null_observer;
    ProgressLine observer(null_observer, STDERR_FILENO,
                          progress_wanted(opt.progress, opt.quiet, STDERR_FILENO));
    FILE* table = opt.json ? stderr : stdout;
    const bool color = color_wanted(opt.color, fileno(table));
    if (!opt.json)
        write_out(table, "Lesson " + std::to_string(lesson->id) + ": " + lesson->title + "\n" +
                             lesson->what_you_should_see + "\n");
    std::map<std::string, LessonRunFigures> figures;
    nlohmann::json runs_json = nlohmann::json::array();
    bool interrupted = false;
    for (std::size_t i = 0; i < lesson->runs.size() && !interrupted; ++i) {
        const LessonRun& run = lesson->runs[i];
        const RunOptions& ro = configs[i];
        if (const auto skip = skipped.find(run.id); skip != skipped.end()) {
            if (opt.json)
                runs_json.push_back(
                    {{"id", run.id}, {"label", run.label}, {"skipped", skip->second}});
            else
                write_out(table, "\n── " + run.id + ": " + run.label +
                                     "\nskipped: " + skip->second + "\n");
            continue;
        }
        const int per_side = ro.config.warmup + ro.config.repeat;
        observer.expect_runs(ro.compare ? 2 * per_side : per_side,
                             "lesson " + std::to_string(lesson->id) + " " + run.id + " (" +
                                 std::to_string(i + 1) + "/" + std::to_string(lesson->runs.size()) +
                                 ") ");
        Engine engine(ro.config, observer, stops);
        if (const auto checked = python.find(run.id); checked != python.end())
            engine.set_python(ro.python.empty() ? kDefaultPython : ro.python,
                              checked->second.versions.value_or(""));
        if (auto e = engine.prepare()) return bad_input("lesson", "run '" + run.id + "': " + *e);
        if (!opt.json) write_out(table, "\n── " + run.id + ": " + run.label + "\n");
        nlohmann::json result;
        if (ro.compare) {
            const Comparison c = engine.run_compare();
            observer.clear();
            figures[run.id] = figures_of(c);
            if (opt.json)
                result = comparison_to_json(c);
            else
                write_out(table, colorize_report(format_comparison(c), color));
        } else {
            const RunSeries s = engine.run_series(ro.config);
            observer.clear();
            figures[run.id] = figures_of(s);
            if (opt.json)
                result = series_to_json(s);
            else
                write_out(table, colorize_report(format_series(s), color));
        }
        interrupted = engine.interrupted();
        if (opt.json)
            runs_json.push_back({{"id", run.id}, {"label", run.label}, {"result", result}});
    }
    if (interrupted) {
        if (!opt.json) write_out(table, "interrupted\n");
        return 130;
    }
    std::optional<LessonOutcome> outcome;
    if (opt.check) {
        outcome = check_lesson(*lesson, figures, cores, kDisturbedOutsideShare, skipped);
        if (!opt.json) write_out(table, format_check(*outcome, color));
    }
    if (opt.json) {
        nlohmann::json doc{{"lesson", lesson->id}, {"title", lesson->title}, {"runs", runs_json}};
        if (outcome) doc["check"] = outcome_to_json(*outcome);
        write_out(stdout, safe_dump(doc, 2) + "\n");
    }
    return check_exit_code(outcome);
}

}  // namespace poolscope::cli
