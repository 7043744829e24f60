// A sweep lesson's "sweep" object: run options and the axes, each axis list read with the sweep
// command's own parser so a typo is refused when the file loads, not in front of a class.
#include <set>

#include "core/analysis/sweep_axes.h"
#include "core/lessons/lesson_fields.h"

namespace poolscope::lesson_json {

namespace {

std::optional<std::string> read_strings(const json& j, const char* key, const Field& f,
                                        std::vector<std::string>& out) {
    if (auto e = need(j, key, json::value_t::array, f, "a list of strings")) return e;
    const json& list = j.at(key);
    for (std::size_t i = 0; i < list.size(); ++i) {
        if (!list[i].is_string()) return f[key][i].error("must be a string");
        const std::string a = list[i].get<std::string>();
        if (!expand_placeholders(a, 1))
            return f[key][i].error("'" + a + "': placeholders are {cores} or {K*cores}");
        out.push_back(a);
    }
    return std::nullopt;
}

// One axis as the sweep command reads it, with the placeholders settled for `cores`.
std::optional<std::string> check_axis(const std::string& option, const std::string& list,
                                      int cores) {
    SweepAxis axis;
    const std::string value = expand_placeholders(list, cores).value_or(list);
    if (option == "--param") {
        if (!is_param_axis_value(value))
            return "--param " + value + ": a swept parameter needs a list (KEY=A,B or KEY=A..B*K)";
        return parse_param_axis(value, axis);
    }
    return parse_sweep_axis(option, value, axis);
}

}  // namespace

std::optional<std::string> parse_sweep(const json& j, const Field& f, LessonSweep& out) {
    if (!j.is_object()) return f.error("must be an object with args and axes");
    for (const auto& [key, value] : j.items())
        if (key != "args" && key != "axes") return f[key].error("unknown key (args, axes)");
    if (auto e = read_strings(j, "args", f, out.args)) return e;
    for (std::size_t i = 0; i < out.args.size(); ++i)
        if (out.args[i] == "--compare")
            return f["args"][i].error("a sweep compares every point with serial: drop --compare");
    if (auto e = read_strings(j, "axes", f, out.axes)) return e;
    if (out.axes.empty()) return f["axes"].error("needs at least one axis");
    if (out.axes.size() % 2 != 0)
        return f["axes"].error("pairs of an option and its list, e.g. [\"--workers\", \"1..4\"]");
    std::set<std::string> seen;
    for (std::size_t i = 0; i < out.axes.size(); i += 2) {
        const std::string& option = out.axes[i];
        if (option != "--param" && !is_sweep_axis_option(option))
            return f["axes"][i].error("'" + option +
                                      "' is not an axis (--workers, --chunksize, --dispatch, "
                                      "--transport, --start, --pool, --param KEY=LIST)");
        const std::string& list = out.axes[i + 1];
        const std::string name = option == "--param" ? list.substr(0, list.find('=')) : option;
        if (!seen.insert(name).second) return f["axes"][i].error(name + " is swept twice");
        // The lesson runs on machines of every size: its lists must read on one core and on many.
        for (int cores : {1, 64})
            if (auto e = check_axis(option, list, cores))
                return f["axes"][i + 1].error(*e +
                                              (cores == 1 ? " (on 1 core)" : " (on 64 cores)"));
    }
    return std::nullopt;
}

}  // namespace poolscope::lesson_json
