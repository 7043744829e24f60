// The lessons file (resources/lessons/lessons.json, schema 2): every lesson's runs, as argument
// lists for `poolscope-cli run`, or its sweep, as `poolscope-cli sweep` takes it, and the
// expectations that check it. Loading validates the whole
// document and refuses a bad one with the field named (e.g. "lessons[2].expectations[0].left:
// unknown run 'shm'"), so a lesson never fails in front of a class because of a typo.
// No Qt and no engine here: the CLI and the GUI's lessons panel read the same model.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace poolscope {

inline constexpr int kLessonSchema = 2;

struct LessonRun {
    std::string id;     // short name the expectations use ("pipe", "chunks-1")
    std::string label;  // what the table shows
    // Arguments of `poolscope-cli run`; "{cores}" or "{K*cores}" stand for the usable cores
    // (times K), so sizes and worker counts scale with the machine.
    std::vector<std::string> args;
    bool compare = false;  // args hold --compare: the run has a serial and a parallel side
};

// A lesson that is one sweep: `poolscope-cli sweep ARGS AXES`. Its expectations name the
// figures of the sweep's analysis as "sweep.FIGURE" (lesson_sweep_figures()).
struct LessonSweep {
    // Run options (no --compare: a sweep compares every point with serial); placeholders as in
    // LessonRun::args.
    std::vector<std::string> args;
    // Option and list pairs as the sweep command takes them: "--workers", "1..{2*cores}",
    // "--chunksize", "1..4096*4", "--param", "item_us=1..1000*10".
    std::vector<std::string> axes;
};

// The run id a sweep lesson's expectations use.
inline constexpr const char* kLessonSweepId = "sweep";

enum class CompareOp { Less, LessEqual, Greater, GreaterEqual };

std::string_view to_string(CompareOp op);  // "<", "<=", ">", ">="

// A figure of one run: "RUN.FIGURE" (a comparison figure, or the only side of a run without
// --compare) or "RUN.serial.FIGURE" / "RUN.parallel.FIGURE".
struct FigureRef {
    std::string run;
    std::string side;  // "", "serial" or "parallel"
    std::string figure;

    std::string text() const;
    bool operator==(const FigureRef&) const = default;
};

// left OP factor × right (× usable cores when scale is "cores"); right is a figure or a number.
struct Expectation {
    std::string id;
    std::string text;  // the claim in words
    FigureRef left;
    CompareOp op = CompareOp::Greater;
    std::optional<FigureRef> right;  // nullopt: the number `value`
    double value = 1;
    double factor = 1;
    bool scale_by_cores = false;
};

struct Lesson {
    int id = 0;
    std::string title;
    std::string summary;  // one line, for `poolscope-cli lessons` and the README
    std::string what_you_should_see;
    int repeat = 1;  // counted runs per run (medians), unless a run's args set --repeat
    std::vector<LessonRun> runs;       // empty for a sweep lesson
    std::optional<LessonSweep> sweep;  // a lesson has runs or a sweep, never both
    std::vector<Expectation> expectations;
};

struct LessonFile {
    int schema = kLessonSchema;
    int default_lesson = 1;
    std::vector<Lesson> lessons;

    const Lesson* find(int id) const;
};

// Figures an expectation may name, with what each means (docs and error messages).
struct FigureInfo {
    const char* name;
    bool comparison;  // only "RUN.FIGURE" of a --compare run (speedup, efficiency, T, C, ...)
    const char* meaning;
};
const std::vector<FigureInfo>& lesson_figures();
// The figures of a sweep lesson ("sweep.u_curve", ...), each from the sweep's analysis.
const std::vector<FigureInfo>& lesson_sweep_figures();

// nullopt and `out` filled, or one line naming the field, the value and what is allowed.
std::optional<std::string> parse_lesson_file(const nlohmann::json& doc, LessonFile& out);
std::optional<std::string> load_lesson_file(const std::string& path, LessonFile& out);

// The run's arguments with "{cores}" and "{K*cores}" replaced (K a whole number).
std::vector<std::string> expand_lesson_args(const LessonRun& run, int cores);
// A sweep lesson's arguments for `poolscope-cli sweep`: its args, then its axes, expanded.
std::vector<std::string> expand_lesson_args(const LessonSweep& sweep, int cores);

}  // namespace poolscope
