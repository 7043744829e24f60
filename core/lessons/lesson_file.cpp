#include "core/lessons/lesson_file.h"

#include <fstream>
#include <set>

#include "core/lessons/lesson_fields.h"

namespace poolscope {

namespace {

using namespace lesson_json;

// Parses "{cores}" or "{K*cores}" at text[pos] (pos at '{'); returns the multiplier and sets
// `end` past the '}', or nullopt.
std::optional<long> parse_placeholder(const std::string& text, std::size_t pos, std::size_t& end) {
    const std::size_t close = text.find('}', pos);
    if (close == std::string::npos) return std::nullopt;
    const std::string inner = text.substr(pos + 1, close - pos - 1);
    end = close + 1;
    if (inner == "cores") return 1;
    const std::string suffix = "*cores";
    if (inner.size() <= suffix.size() ||
        inner.compare(inner.size() - suffix.size(), suffix.size(), suffix) != 0)
        return std::nullopt;
    const std::string k = inner.substr(0, inner.size() - suffix.size());
    if (k.empty() || k.size() > 9 || k.find_first_not_of("0123456789") != std::string::npos)
        return std::nullopt;
    const long v = std::stol(k);
    return v > 0 ? std::optional<long>(v) : std::nullopt;
}

}  // namespace

std::optional<std::string> lesson_json::expand_placeholders(const std::string& arg, int cores) {
    std::string out;
    std::size_t i = 0;
    while (i < arg.size()) {
        if (arg[i] != '{') {
            out += arg[i++];
            continue;
        }
        std::size_t end = 0;
        const auto k = parse_placeholder(arg, i, end);
        if (!k) return std::nullopt;
        out += std::to_string(*k * cores);
        i = end;
    }
    return out;
}

namespace {

std::optional<std::string> parse_run(const json& j, const Field& f, LessonRun& run) {
    if (!j.is_object()) return f.error("must be an object");
    if (auto e = need_text(j, "id", f, run.id)) return e;
    if (run.id.find('.') != std::string::npos) return f["id"].error("must not contain '.'");
    if (auto e = need_text(j, "label", f, run.label)) return e;
    if (auto e = need(j, "args", json::value_t::array, f, "a list of strings")) return e;
    const json& args = j.at("args");
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (!args[i].is_string()) return f["args"][i].error("must be a string");
        const std::string a = args[i].get<std::string>();
        if (!expand_placeholders(a, 1))
            return f["args"][i].error("'" + a + "': placeholders are {cores} or {K*cores}");
        if (a == "--compare") run.compare = true;
        run.args.push_back(a);
    }
    return std::nullopt;
}

const FigureInfo* figure_info(const std::string& name) {
    for (const FigureInfo& f : lesson_figures())
        if (name == f.name) return &f;
    return nullptr;
}

std::string figure_names(bool comparison) {
    std::string out;
    for (const FigureInfo& f : lesson_figures()) {
        if (f.comparison != comparison) continue;
        out += (out.empty() ? "" : ", ") + std::string(f.name);
    }
    return out;
}

// "sweep.FIGURE" of a sweep lesson.
std::optional<std::string> parse_sweep_ref(const std::string& text, const FigureRef& ref,
                                           const Field& f) {
    if (ref.run != kLessonSweepId || !ref.side.empty())
        return f.error("'" + text + "': a sweep lesson's figures are written sweep.FIGURE");
    std::string names;
    for (const FigureInfo& i : lesson_sweep_figures()) {
        if (ref.figure == i.name) return std::nullopt;
        names += (names.empty() ? "" : ", ") + std::string(i.name);
    }
    return f.error("'" + text + "': unknown sweep figure '" + ref.figure + "' (" + names + ")");
}

std::optional<std::string> parse_ref(const std::string& text, const Lesson& lesson, const Field& f,
                                     FigureRef& ref) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    for (;;) {
        const std::size_t dot = text.find('.', start);
        parts.push_back(text.substr(start, dot - start));
        if (dot == std::string::npos) break;
        start = dot + 1;
    }
    if (parts.size() < 2 || parts.size() > 3)
        return f.error("'" + text + "': write RUN.FIGURE or RUN.serial|parallel.FIGURE");
    ref.run = parts[0];
    ref.side = parts.size() == 3 ? parts[1] : "";
    ref.figure = parts.back();
    if (lesson.sweep) return parse_sweep_ref(text, ref, f);
    const LessonRun* run = nullptr;
    for (const LessonRun& r : lesson.runs)
        if (r.id == ref.run) run = &r;
    if (!run) return f.error("'" + text + "': unknown run '" + ref.run + "'");
    if (!ref.side.empty() && ref.side != "serial" && ref.side != "parallel")
        return f.error("'" + text + "': the side is serial or parallel; got '" + ref.side + "'");
    const FigureInfo* info = figure_info(ref.figure);
    if (!info)
        return f.error("'" + text + "': unknown figure '" + ref.figure + "' (run figures: " +
                       figure_names(false) + "; comparison figures: " + figure_names(true) + ")");
    if (info->comparison && (!run->compare || !ref.side.empty()))
        return f.error("'" + text + "': " + ref.figure + " is a comparison figure: write RUN." +
                       ref.figure + " of a run with --compare");
    if (!info->comparison && run->compare && ref.side.empty())
        return f.error("'" + text + "': run '" + ref.run +
                       "' has --compare: name the side (RUN.serial." + ref.figure +
                       " or RUN.parallel." + ref.figure + ")");
    if (!info->comparison && !run->compare && !ref.side.empty())
        return f.error("'" + text + "': run '" + ref.run + "' has one side: write " + ref.run +
                       "." + ref.figure);
    return std::nullopt;
}

std::optional<CompareOp> parse_op(const std::string& s) {
    if (s == "<") return CompareOp::Less;
    if (s == "<=") return CompareOp::LessEqual;
    if (s == ">") return CompareOp::Greater;
    if (s == ">=") return CompareOp::GreaterEqual;
    return std::nullopt;
}

std::optional<std::string> parse_expectation(const json& j, const Lesson& lesson, const Field& f,
                                             Expectation& x) {
    if (!j.is_object()) return f.error("must be an object");
    static const std::set<std::string> kKeys{"id",    "text",   "left", "op",
                                             "right", "factor", "scale"};
    for (const auto& [key, value] : j.items())
        if (!kKeys.count(key))
            return f[key].error("unknown key (id, text, left, op, right, factor, scale)");
    if (auto e = need_text(j, "id", f, x.id)) return e;
    if (auto e = need_text(j, "text", f, x.text)) return e;
    std::string left, op;
    if (auto e = need_text(j, "left", f, left)) return e;
    if (auto e = parse_ref(left, lesson, f["left"], x.left)) return e;
    if (auto e = need_text(j, "op", f, op)) return e;
    const auto parsed = parse_op(op);
    if (!parsed) return f["op"].error("must be <, <=, > or >=; got '" + op + "'");
    x.op = *parsed;
    if (!j.contains("right")) return f["right"].error("missing (a figure or a number)");
    const json& right = j.at("right");
    if (right.is_number()) {
        x.value = right.get<double>();
    } else if (right.is_string()) {
        FigureRef ref;
        if (auto e = parse_ref(right.get<std::string>(), lesson, f["right"], ref)) return e;
        x.right = ref;
    } else {
        return f["right"].error("must be a figure (RUN.FIGURE) or a number; got " + right.dump());
    }
    if (j.contains("factor")) {
        if (auto e = need(j, "factor", json::value_t::number_float, f, "a number")) return e;
        x.factor = j.at("factor").get<double>();
        if (!(x.factor > 0)) return f["factor"].error("must be > 0");
    }
    if (j.contains("scale")) {
        if (!j.at("scale").is_string() || j.at("scale") != "cores")
            return f["scale"].error("must be \"cores\" (the threshold times the usable cores)");
        x.scale_by_cores = true;
    }
    return std::nullopt;
}

std::optional<std::string> parse_lesson(const json& j, const Field& f, Lesson& lesson) {
    if (!j.is_object()) return f.error("must be an object");
    if (auto e = need_int(j, "id", f, 1, 1000, lesson.id)) return e;
    if (auto e = need_text(j, "title", f, lesson.title)) return e;
    if (auto e = need_text(j, "summary", f, lesson.summary)) return e;
    if (lesson.summary.find('\n') != std::string::npos)
        return f["summary"].error("must be one line");
    if (auto e = need_text(j, "what_you_should_see", f, lesson.what_you_should_see)) return e;
    if (auto e = need_int(j, "repeat", f, 1, 100, lesson.repeat)) return e;
    if (j.contains("sweep")) {
        if (j.contains("runs"))
            return f.error("has both runs and a sweep; a lesson is one or the other");
        LessonSweep sweep;
        if (auto e = parse_sweep(j.at("sweep"), f["sweep"], sweep)) return e;
        lesson.sweep = std::move(sweep);
    } else if (auto e = need(j, "runs", json::value_t::array, f, "a list of runs (or a sweep)")) {
        return e;
    }
    const json& runs = lesson.sweep ? json::array() : j.at("runs");
    if (!lesson.sweep && runs.empty()) return f["runs"].error("needs at least one run");
    std::set<std::string> ids;
    for (std::size_t i = 0; i < runs.size(); ++i) {
        LessonRun run;
        if (auto e = parse_run(runs[i], f["runs"][i], run)) return e;
        if (!ids.insert(run.id).second)
            return f["runs"][i]["id"].error("'" + run.id + "' is used twice");
        lesson.runs.push_back(std::move(run));
    }
    if (auto e = need(j, "expectations", json::value_t::array, f, "a list of expectations"))
        return e;
    const json& xs = j.at("expectations");
    if (xs.empty()) return f["expectations"].error("needs at least one expectation");
    std::set<std::string> xids;
    for (std::size_t i = 0; i < xs.size(); ++i) {
        Expectation x;
        if (auto e = parse_expectation(xs[i], lesson, f["expectations"][i], x)) return e;
        if (!xids.insert(x.id).second)
            return f["expectations"][i]["id"].error("'" + x.id + "' is used twice");
        lesson.expectations.push_back(std::move(x));
    }
    return std::nullopt;
}

}  // namespace

std::string_view to_string(CompareOp op) {
    switch (op) {
        case CompareOp::Less:
            return "<";
        case CompareOp::LessEqual:
            return "<=";
        case CompareOp::Greater:
            return ">";
        case CompareOp::GreaterEqual:
            return ">=";
    }
    return "?";
}

std::string FigureRef::text() const {
    return run + "." + (side.empty() ? "" : side + ".") + figure;
}

const Lesson* LessonFile::find(int id) const {
    for (const Lesson& l : lessons)
        if (l.id == id) return &l;
    return nullptr;
}

const std::vector<FigureInfo>& lesson_figures() {
    static const std::vector<FigureInfo> kFigures{
        {"wall", false, "wall_s, seconds (median over repeats)"},
        {"startup", false, "startup_s, seconds (median)"},
        {"teardown", false, "teardown_s, seconds (median)"},
        {"compute", false, "compute_s, seconds (median)"},
        {"transfer", false, "breakdown: transfer worker-seconds"},
        {"serialization", false, "breakdown: serialization worker-seconds"},
        {"idle", false, "breakdown: idle worker-seconds"},
        {"page_faults", false, "page_fault_s: shm workers faulting shared pages in, seconds"},
        {"minor_faults", false, "minor page faults of the run's children"},
        {"zombies", false, "the most workers seen at once as zombies (exited, not reaped)"},
        {"first_result", false, "first_result_s: the caller's first result, seconds"},
        {"peak_pss", false, "peak of the PSS sum, bytes"},
        {"peak_rss", false, "peak of the RSS sum, bytes"},
        {"cpu", false, "CPU seconds of the run's processes, every thread"},
        {"cores_busy", false, "cpu / wall: cores the run kept busy (1 = one core)"},
        {"worker_cpu", false, "the workers' CPU / (workers × wall): how busy a worker was, 0 … 1"},
        {"items_failed", false, "items that failed"},
        {"errors", false, "errors the run reported"},
        {"finished_items", false, "items the checksum covers"},
        {"speedup", true, "serial wall / parallel wall"},
        {"efficiency", true, "speedup / workers"},
        {"T", true, "serial wall / n, seconds"},
        {"C", true, "(W·wall − compute) / n, seconds"},
        {"checksums_match", true, "1 when serial and parallel checksums are equal, else 0"},
    };
    return kFigures;
}

std::optional<std::string> parse_lesson_file(const json& doc, LessonFile& out) {
    out = {};
    const Field root{"lessons.json"};
    if (!doc.is_object()) return root.error("must be a JSON object");
    if (auto e = need_int(doc, "schema", root, 0, 1000, out.schema)) return e;
    if (out.schema != kLessonSchema)
        return root["schema"].error("must be " + std::to_string(kLessonSchema) + "; got " +
                                    std::to_string(out.schema));
    if (auto e = need_int(doc, "default_lesson", root, 1, 1000, out.default_lesson)) return e;
    if (auto e = need(doc, "lessons", json::value_t::array, root, "a list of lessons")) return e;
    const json& lessons = doc.at("lessons");
    std::set<int> ids;
    for (std::size_t i = 0; i < lessons.size(); ++i) {
        Lesson lesson;
        const Field f{"lessons[" + std::to_string(i) + "]"};
        if (auto e = parse_lesson(lessons[i], f, lesson)) return e;
        if (!ids.insert(lesson.id).second)
            return f["id"].error(std::to_string(lesson.id) + " is used twice");
        out.lessons.push_back(std::move(lesson));
    }
    if (!out.find(out.default_lesson))
        return root["default_lesson"].error("no lesson has id " +
                                            std::to_string(out.default_lesson));
    return std::nullopt;
}

std::optional<std::string> load_lesson_file(const std::string& path, LessonFile& out) {
    std::ifstream in(path);
    if (!in) return "cannot read the lessons file '" + path + "'";
    const json doc = json::parse(in, nullptr, false);
    if (doc.is_discarded()) return path + ": not valid JSON";
    if (auto e = parse_lesson_file(doc, out)) return path + ": " + *e;
    return std::nullopt;
}

const std::vector<FigureInfo>& lesson_sweep_figures() {
    static const std::vector<FigureInfo> kFigures{
        {"best_speedup", true, "the best point's speedup over serial"},
        {"u_curve", true,
         "1 when the fastest chunksize is neither the smallest nor the largest tried, else 0"},
        {"first_over_best", true, "median wall at the smallest chunksize / at the fastest"},
        {"last_over_best", true, "median wall at the largest chunksize / at the fastest"},
        {"rule_crossed", true,
         "1 when T / C passes 10 between two neighbouring values of the swept parameter"},
        {"first_T_over_C", true, "T / C at the swept parameter's smallest value"},
        {"last_T_over_C", true, "T / C at its largest value"},
        {"speedup_at_1", true, "speedup with 1 worker"},
        {"speedup_at_cores", true, "speedup with as many workers as usable cores"},
        {"speedup_at_most", true, "speedup with the most workers tried"},
        {"serial_fraction", true, "Amdahl's serial fraction fitted over W ≤ usable cores"},
    };
    return kFigures;
}

std::vector<std::string> expand_lesson_args(const LessonSweep& sweep, int cores) {
    std::vector<std::string> out;
    for (const auto* list : {&sweep.args, &sweep.axes})
        for (const std::string& a : *list) out.push_back(expand_placeholders(a, cores).value_or(a));
    return out;
}

std::vector<std::string> expand_lesson_args(const LessonRun& run, int cores) {
    std::vector<std::string> out;
    for (const std::string& a : run.args) out.push_back(expand_placeholders(a, cores).value_or(a));
    return out;
}

}  // namespace poolscope
