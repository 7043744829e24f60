#include "core/lessons/lesson_check.h"

#include <algorithm>

#include "core/text/format.h"

namespace poolscope {

namespace {

bool holds(double left, CompareOp op, double threshold) {
    switch (op) {
        case CompareOp::Less:
            return left < threshold;
        case CompareOp::LessEqual:
            return left <= threshold;
        case CompareOp::Greater:
            return left > threshold;
        case CompareOp::GreaterEqual:
            return left >= threshold;
    }
    return false;
}

// The figure's value, or false with a note.
bool lookup(const FigureRef& ref, const std::map<std::string, LessonRunFigures>& runs,
            double& value, double& outside, std::string& note) {
    const auto run = runs.find(ref.run);
    if (run == runs.end()) {
        note = "run '" + ref.run + "' has no result";
        return false;
    }
    outside = std::max(outside, run->second.outside_cpu_share);
    const std::string key = (ref.side.empty() ? "" : ref.side + ".") + ref.figure;
    const auto it = run->second.values.find(key);
    if (it == run->second.values.end()) {
        note = "run '" + ref.run + "' has no figure " + key;
        return false;
    }
    value = it->second;
    return true;
}

// A factor as written in the lessons file: "10", "0.5", "1.25".
std::string plain_number(double x) {
    std::string s = fmt_fixed(x, 3);
    while (!s.empty() && s.back() == '0') s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
    return s;
}

// The first run the expectation names that could not run here, or skipped.end().
std::map<std::string, std::string>::const_iterator skipped_run(
    const Expectation& x, const std::map<std::string, std::string>& skipped) {
    const auto left = skipped.find(x.left.run);
    if (left != skipped.end() || !x.right) return left;
    return skipped.find(x.right->run);
}

}  // namespace

std::string_view to_string(CheckStatus s) {
    switch (s) {
        case CheckStatus::Pass:
            return "PASS";
        case CheckStatus::Fail:
            return "FAIL";
        case CheckStatus::Disturbed:
            return "DISTURBED";
        case CheckStatus::Skipped:
            return "SKIPPED";
    }
    return "?";
}

LessonOutcome check_lesson(const Lesson& lesson,
                           const std::map<std::string, LessonRunFigures>& runs, int usable_cores,
                           double disturbed_share,
                           const std::map<std::string, std::string>& skipped) {
    LessonOutcome out;
    out.lesson = lesson.id;
    out.cores = usable_cores;
    for (const Expectation& x : lesson.expectations) {
        ExpectationOutcome o;
        o.id = x.id;
        o.text = x.text;
        o.left_name = x.left.text();
        o.op = std::string(to_string(x.op));
        o.factor = x.factor;
        o.cores = x.scale_by_cores ? usable_cores : 0;
        bool ok = lookup(x.left, runs, o.left, o.outside_cpu_share, o.note);
        if (x.right) {
            o.right_name = x.right->text();
            std::string note;
            const bool right_ok = lookup(*x.right, runs, o.right, o.outside_cpu_share, note);
            if (ok && !right_ok) o.note = note;
            ok = ok && right_ok;
        } else {
            o.right = x.value;
        }
        o.threshold = x.factor * o.right * (x.scale_by_cores ? usable_cores : 1);
        if (const auto skip = skipped_run(x, skipped); skip != skipped.end()) {
            o.status = CheckStatus::Skipped;
            o.note = "run '" + skip->first + "' skipped: " + skip->second;
            ++out.skipped;
        } else if (ok && holds(o.left, x.op, o.threshold))
            o.status = CheckStatus::Pass;
        else if (ok && o.outside_cpu_share > disturbed_share)
            o.status = CheckStatus::Disturbed;
        else
            o.status = CheckStatus::Fail;
        out.expectations.push_back(std::move(o));
    }
    const auto any = [&](CheckStatus s) {
        return std::any_of(out.expectations.begin(), out.expectations.end(),
                           [s](const ExpectationOutcome& o) { return o.status == s; });
    };
    const bool all_skipped =
        !out.expectations.empty() && out.skipped == static_cast<int>(out.expectations.size());
    out.overall = any(CheckStatus::Fail)        ? CheckStatus::Fail
                  : any(CheckStatus::Disturbed) ? CheckStatus::Disturbed
                  : all_skipped                 ? CheckStatus::Skipped
                                                : CheckStatus::Pass;
    return out;
}

std::string format_outcome(const ExpectationOutcome& x) {
    const auto figure_of = [](const std::string& name) {
        const auto dot = name.rfind('.');
        return dot == std::string::npos ? name : name.substr(dot + 1);
    };
    const std::string left_fig = figure_of(x.left_name);
    std::string line = std::string(to_string(x.status));
    line.resize(10, ' ');
    if (x.status == CheckStatus::Skipped)
        return line + x.id + ": " + x.text + "\n          " + x.note;
    line += x.id + ": " + x.text + "\n          " + x.left_name + " " +
            format_figure(left_fig, x.left) + " " + x.op + " ";
    std::string scale;
    if (x.factor != 1) scale += plain_number(x.factor) + " × ";
    if (x.cores > 0) scale += std::to_string(x.cores) + " cores × ";
    if (x.right_name.empty()) {
        line += scale + format_figure(left_fig, x.right);
    } else {
        line += scale + x.right_name + " " + format_figure(figure_of(x.right_name), x.right);
    }
    if (!scale.empty()) line += " (= " + format_figure(left_fig, x.threshold) + ")";
    if (x.outside_cpu_share > kDisturbedOutsideShare)
        line +=
            "; other programs used " + fmt_fixed(x.outside_cpu_share * 100, 0) + " % of the CPU";
    if (!x.note.empty()) line += "; " + x.note;
    return line;
}

nlohmann::json outcome_to_json(const LessonOutcome& o) {
    nlohmann::json xs = nlohmann::json::array();
    for (const ExpectationOutcome& x : o.expectations) {
        nlohmann::json j{{"id", x.id},
                         {"text", x.text},
                         {"status", to_string(x.status)},
                         {"left", x.left_name},
                         {"left_value", x.left},
                         {"op", x.op},
                         {"right_value", x.right},
                         {"factor", x.factor},
                         {"threshold", x.threshold},
                         {"outside_cpu_share", x.outside_cpu_share}};
        if (!x.right_name.empty()) j["right"] = x.right_name;
        if (x.cores > 0) j["scaled_by_cores"] = x.cores;
        if (!x.note.empty()) j["note"] = x.note;
        xs.push_back(std::move(j));
    }
    return {{"lesson", o.lesson},
            {"usable_cores", o.cores},
            {"status", to_string(o.overall)},
            {"skipped", o.skipped},
            {"expectations", std::move(xs)}};
}

}  // namespace poolscope
