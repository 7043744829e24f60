#include "core/analysis/sweep_axes.h"

#include <algorithm>
#include <cstdlib>

#include "core/workloads/splitmix.h"

namespace poolscope {

namespace {

// A whole number of at most 19 digits (any fits in 64 bits); the caller checks its bounds.
bool parse_number(std::string_view s, uint64_t& out) {
    if (s.empty() || s.size() > 19 || s.find_first_not_of("0123456789") != std::string_view::npos)
        return false;
    out = std::strtoull(std::string(s).c_str(), nullptr, 10);
    return true;
}

std::vector<std::string_view> split(std::string_view text, char sep) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    while (true) {
        const auto at = text.find(sep, start);
        parts.push_back(text.substr(start, at == std::string_view::npos ? at : at - start));
        if (at == std::string_view::npos) return parts;
        start = at + 1;
    }
}

std::string too_many(std::string_view option, const OptionInfo& axis) {
    return std::string(option) + ": more than " + std::to_string(axis.max_values) +
           " values; narrow the range or use a geometric step (A..B*K)";
}

// "in 1 … 1000000000": the bounds of an axis' numbers.
std::string bounds_of(const OptionInfo& axis) {
    return "in " + std::to_string(axis.min) + " … " + std::to_string(axis.max);
}

// Appends the numbers of one list item ("8", "1..16", "1..4096*4") within the axis' bounds; an
// error line (starting with label, the option) or nullopt.
std::optional<std::string> numeric_item(const std::string& label, const OptionInfo& axis,
                                        std::string_view item, std::vector<std::string>& values) {
    const std::string it(item);
    const auto in_bounds = [&](std::string_view s, uint64_t& v) {
        return parse_number(s, v) && v >= axis.min && v <= axis.max;
    };
    const auto dots = item.find("..");
    if (dots == std::string_view::npos) {
        uint64_t v;
        if (!in_bounds(item, v)) {
            std::string words;
            for (const auto& w : axis.values) words += " or " + w;
            return label + ": '" + it + "' is not a whole number " + bounds_of(axis) + words;
        }
        values.push_back(std::to_string(v));
        return std::nullopt;
    }
    std::string_view from_text = item.substr(0, dots);
    std::string_view rest = item.substr(dots + 2);
    std::string_view step_text;
    const auto star = rest.find('*');
    if (star != std::string_view::npos) {
        step_text = rest.substr(star + 1);
        rest = rest.substr(0, star);
    }
    uint64_t from, to;
    if (!in_bounds(from_text, from) || !in_bounds(rest, to))
        return label + ": the range '" + it + "' must be A..B or A..B*K with whole numbers " +
               bounds_of(axis);
    if (from > to)
        return label + ": the range '" + it + "' is inverted (" + std::to_string(from) + " > " +
               std::to_string(to) + ")";
    if (star == std::string_view::npos) {
        if (to - from + 1 > axis.max_values) return too_many(label, axis);
        for (uint64_t v = from; v <= to; ++v) values.push_back(std::to_string(v));
        return std::nullopt;
    }
    uint64_t step;
    // Both bounded by kMaxAxisNumber, so v · step never leaves 64 bits.
    if (!parse_number(step_text, step) || step < 2 || step > kMaxAxisNumber)
        return label + ": the step of '" + it +
               "' must be a whole number ≥ 2 (A..B*K multiplies by K)";
    for (uint64_t v = from; v <= to; v *= step) values.push_back(std::to_string(v));
    return std::nullopt;
}

// Every value of a list, each once in its first place; an error line or nullopt.
std::optional<std::string> list_values(const std::string& label, const OptionInfo& axis,
                                       std::string_view text, std::vector<std::string>& out) {
    out.clear();
    if (text.empty()) return label + " needs at least one value";
    std::vector<std::string> values;
    for (std::string_view item : split(text, ',')) {
        if (item.empty()) return label + ": an empty value in '" + std::string(text) + "'";
        const bool word =
            std::find(axis.values.begin(), axis.values.end(), item) != axis.values.end();
        if (word) {
            values.emplace_back(item);
        } else if (axis.kind == OptionKind::Choice) {
            return label + ": '" + std::string(item) + "' is not one of " + or_list(axis.values);
        } else if (auto e = numeric_item(label, axis, item, values)) {
            return e;
        }
        if (values.size() > axis.max_values) return too_many(label, axis);
    }
    for (const auto& v : values)
        if (std::find(out.begin(), out.end(), v) == out.end()) out.push_back(v);
    return std::nullopt;
}

}  // namespace

bool is_sweep_axis_option(std::string_view option) {
    const OptionInfo* axis = find_sweep_axis(option);
    return axis && axis->name != "--param";
}

std::optional<std::string> parse_sweep_axis(std::string_view option, std::string_view text,
                                            SweepAxis& out) {
    const std::string opt(option);
    if (!is_sweep_axis_option(option)) return opt + " is not an option a sweep can vary";
    out.name = opt.substr(2);
    return list_values(opt, *find_sweep_axis(option), text, out.values);
}

bool is_param_axis_value(std::string_view key_and_list) {
    const auto eq = key_and_list.find('=');
    if (eq == std::string_view::npos || eq == 0) return false;
    const std::string_view list = key_and_list.substr(eq + 1);
    return list.find(',') != std::string_view::npos || list.find("..") != std::string_view::npos;
}

std::optional<std::string> parse_param_axis(std::string_view key_and_list, SweepAxis& out) {
    const auto eq = key_and_list.find('=');
    if (eq == std::string_view::npos || eq == 0)
        return "--param: a swept parameter is written KEY=LIST (e.g. item_us=1,10,100); got '" +
               std::string(key_and_list) + "'";
    const std::string key(key_and_list.substr(0, eq));
    if (is_sweep_axis_option("--" + key))
        return "--param " + key + ": the name of a sweep axis; use --" + key + " to vary it";
    out.name = key;
    return list_values("--param " + key, *find_sweep_axis("--param"), key_and_list.substr(eq + 1),
                       out.values);
}

bool axis_changes_serial(const std::string& axis) {
    return !is_sweep_axis_option("--" + axis);
}

std::optional<std::string> sweep_points(const std::vector<SweepAxis>& axes,
                                        std::vector<SweepPoint>& out) {
    out.clear();
    std::size_t total = 1;
    for (const auto& a : axes) {
        if (a.values.empty()) return "--" + a.name + " has no values";
        if (total * a.values.size() > kMaxSweepPoints) {
            std::string product;
            for (const auto& b : axes)
                product += (product.empty() ? "" : " × ") + std::to_string(b.values.size());
            return "the sweep has more than " + std::to_string(kMaxSweepPoints) + " points (" +
                   product + "); narrow an axis";
        }
        total *= a.values.size();
    }
    out.reserve(total);
    SweepPoint p(axes.size(), 0);
    for (std::size_t n = 0; n < total; ++n) {
        out.push_back(p);
        for (std::size_t i = axes.size(); i-- > 0;) {
            if (++p[i] < axes[i].values.size()) break;
            p[i] = 0;
        }
    }
    return std::nullopt;
}

void shuffle_points(std::vector<SweepPoint>& points, uint64_t seed) {
    uint64_t state = seed;
    for (std::size_t i = points.size(); i > 1; --i) {
        // Modulo of a 64-bit draw: the bias is below i / 2⁶⁴, nothing for i ≤ 10 000.
        const auto j = static_cast<std::size_t>(splitmix64(state) % i);
        std::swap(points[i - 1], points[j]);
    }
}

void apply_axis_value(RunConfig& cfg, const std::string& axis, const std::string& value) {
    if (axis == "workers") {
        cfg.workers = static_cast<int>(std::strtol(value.c_str(), nullptr, 10));
    } else if (axis == "chunksize") {
        if (value == "auto")
            cfg.chunksize.reset();
        else
            cfg.chunksize = std::strtoull(value.c_str(), nullptr, 10);
    } else if (axis == "dispatch") {
        cfg.dispatch = parse_dispatch(value).value_or(cfg.dispatch);
    } else if (axis == "transport") {
        cfg.transport = parse_transport(value).value_or(cfg.transport);
    } else if (axis == "start") {
        cfg.start = parse_start_method(value).value_or(cfg.start);
    } else if (axis == "pool") {
        cfg.pool = parse_pool_lifetime(value).value_or(cfg.pool);
    } else {
        cfg.params[axis] = value;  // a workload parameter (parse_param_axis)
    }
}

RunConfig point_config(const RunConfig& base, const std::vector<SweepAxis>& axes,
                       const SweepPoint& point) {
    RunConfig cfg = base;
    for (std::size_t i = 0; i < axes.size() && i < point.size(); ++i)
        apply_axis_value(cfg, axes[i].name, axes[i].values[point[i]]);
    return cfg;
}

}  // namespace poolscope
