#include "core/analysis/sweep_axes.h"

#include <algorithm>
#include <cerrno>
#include <cstdlib>

#include "core/workloads/splitmix.h"

namespace poolscope {

namespace {

constexpr uint64_t kMaxAxisNumber = 1'000'000'000;

bool parse_number(std::string_view s, uint64_t& out) {
    if (s.empty() || s.size() > 10 || s.find_first_not_of("0123456789") != std::string_view::npos)
        return false;
    out = std::strtoull(std::string(s).c_str(), nullptr, 10);
    return out <= kMaxAxisNumber;
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

bool known_name(std::string_view option, std::string_view v) {
    if (option == "--dispatch") return parse_dispatch(v).has_value();
    if (option == "--transport") return parse_transport(v).has_value();
    if (option == "--start") return parse_start_method(v).has_value();
    if (option == "--pool") return parse_pool_lifetime(v).has_value();
    return false;
}

std::string allowed_names(std::string_view option) {
    if (option == "--dispatch") return "map, imap, imap_unordered, apply_async or static";
    if (option == "--transport") return "pipe or shm";
    if (option == "--start") return "fork or spawn";
    return "cold or warm";
}

std::string too_many(std::string_view option) {
    return std::string(option) + ": more than " + std::to_string(kMaxSweepPoints) +
           " values; narrow the range or use a geometric step (A..B*K)";
}

// Appends the numbers of one list item ("8", "1..16", "1..4096*4"); an error line or nullopt.
std::optional<std::string> numeric_item(std::string_view option, std::string_view item,
                                        std::vector<std::string>& values) {
    const std::string opt(option);
    const std::string it(item);
    const uint64_t lowest = 1;
    const auto dots = item.find("..");
    if (dots == std::string_view::npos) {
        uint64_t v;
        if (!parse_number(item, v) || v < lowest)
            return opt + ": '" + it + "' is not a whole number in 1 … 1000000000";
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
    if (!parse_number(from_text, from) || !parse_number(rest, to) || from < lowest)
        return opt + ": the range '" + it + "' must be A..B or A..B*K with whole numbers ≥ 1";
    if (from > to)
        return opt + ": the range '" + it + "' is inverted (" + std::to_string(from) + " > " +
               std::to_string(to) + ")";
    if (star == std::string_view::npos) {
        if (to - from + 1 > kMaxSweepPoints) return too_many(option);
        for (uint64_t v = from; v <= to; ++v) values.push_back(std::to_string(v));
        return std::nullopt;
    }
    uint64_t step;
    if (!parse_number(step_text, step) || step < 2)
        return opt + ": the step of '" + it +
               "' must be a whole number ≥ 2 (A..B*K multiplies by K)";
    for (uint64_t v = from; v <= to; v *= step) values.push_back(std::to_string(v));
    return std::nullopt;
}

}  // namespace

bool is_sweep_axis_option(std::string_view option) {
    return std::find(std::begin(kSweepAxisOptions), std::end(kSweepAxisOptions), option) !=
           std::end(kSweepAxisOptions);
}

std::optional<std::string> parse_sweep_axis(std::string_view option, std::string_view text,
                                            SweepAxis& out) {
    const std::string opt(option);
    if (!is_sweep_axis_option(option)) return opt + " is not an option a sweep can vary";
    out.name = opt.substr(2);
    out.values.clear();
    if (text.empty()) return opt + " needs at least one value";
    const bool numeric = option == "--workers" || option == "--chunksize";
    std::vector<std::string> values;
    for (std::string_view item : split(text, ',')) {
        if (item.empty()) return opt + ": an empty value in '" + std::string(text) + "'";
        if (numeric) {
            if (option == "--chunksize" && item == "auto") {
                values.push_back("auto");
            } else if (auto e = numeric_item(option, item, values)) {
                return e;
            }
        } else if (known_name(option, item)) {
            values.emplace_back(item);
        } else {
            return opt + ": '" + std::string(item) + "' is not one of " + allowed_names(option);
        }
        if (values.size() > kMaxSweepPoints) return too_many(option);
    }
    for (const auto& v : values)
        if (std::find(out.values.begin(), out.values.end(), v) == out.values.end())
            out.values.push_back(v);
    return std::nullopt;
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
    for (std::string_view option : kSweepAxisOptions)
        if (option.substr(2) == key)
            return "--param " + key + ": the name of a sweep axis; use --" + key + " to vary it";
    const std::string option = "--param " + key;
    out.name = key;
    out.values.clear();
    const std::string_view text = key_and_list.substr(eq + 1);
    std::vector<std::string> values;
    for (std::string_view item : split(text, ',')) {
        if (item.empty()) return option + ": an empty value in '" + std::string(text) + "'";
        if (auto e = numeric_item(option, item, values)) return e;
        if (values.size() > kMaxSweepPoints) return too_many(option);
    }
    for (const auto& v : values)
        if (std::find(out.values.begin(), out.values.end(), v) == out.values.end())
            out.values.push_back(v);
    return std::nullopt;
}

bool axis_changes_serial(const std::string& axis) {
    for (std::string_view option : kSweepAxisOptions)
        if (option.substr(2) == axis) return false;
    return true;
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
