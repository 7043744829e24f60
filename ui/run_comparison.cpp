#include "ui/run_comparison.h"

#include <algorithm>
#include <array>
#include <nlohmann/json.hpp>

#include "core/config/config_json.h"

namespace poolscope::ui {

namespace {

// The order of the control panel: what the run is, then how it is run.
constexpr std::array kKeyOrder = {
    "workload",  "size",           "backend",     "workers",     "chunksize", "dispatch", "start",
    "transport", "pool",           "lib_threads", "global_lock", "repeat",    "warmup",   "pin",
    "sample_ms", "task_timeout_s", "on_failure",  "inject",      "max_frame"};

std::string text(const nlohmann::json& v) {
    if (v.is_string()) return v.get<std::string>();
    if (v.is_array()) {
        std::string out;
        for (const auto& item : v) out += (out.empty() ? "" : ",") + text(item);
        return out.empty() ? "none" : out;
    }
    return v.dump();
}

nlohmann::json field(const nlohmann::json& j, std::string_view key) {
    const auto it = j.find(std::string(key));
    return it == j.end() ? nlohmann::json() : *it;
}

// "auto" alone hides what the formula gave; the number is what changed the run.
std::string chunksizeText(const RunConfig& c) {
    return c.chunksize ? std::to_string(*c.chunksize)
                       : "auto (" + std::to_string(effective_chunksize(c)) + ")";
}

}  // namespace

std::vector<std::string> config_keys(const RunConfig& a, const RunConfig& b) {
    std::vector<std::string> keys;
    for (const std::string_view key : kKeyOrder) {
        keys.emplace_back(key);
        if (key != "size") continue;
        // A workload's knobs follow its size, sorted, from either run.
        std::vector<std::string> params;
        for (const auto& [k, v] : a.params) params.push_back("param " + k);
        for (const auto& [k, v] : b.params)
            if (!a.params.contains(k)) params.push_back("param " + k);
        std::sort(params.begin(), params.end());
        keys.insert(keys.end(), params.begin(), params.end());
    }
    return keys;
}

std::string config_value(const RunConfig& c, std::string_view key) {
    if (key.starts_with("param ")) {
        const auto it = c.params.find(std::string(key.substr(6)));
        return it == c.params.end() ? "default" : it->second;
    }
    // Compared as resolved: auto under other workers or sizes is another chunksize.
    if (key == "chunksize") return chunksizeText(c);
    const nlohmann::json j = c;
    return text(field(j, key));
}

std::vector<ConfigChange> config_changes(const RunConfig& from, const RunConfig& to) {
    std::vector<ConfigChange> out;
    for (const auto& key : config_keys(from, to)) {
        std::string a = config_value(from, key), b = config_value(to, key);
        if (a != b) out.push_back({key, std::move(a), std::move(b)});
    }
    return out;
}

std::optional<double> figure_value(const RunResult& r, Figure figure) {
    switch (figure) {
        case Figure::Wall:
            return r.wall_s;
        case Figure::Startup:
            return r.breakdown.startup;
        case Figure::Serialization:
            return r.breakdown.serialization;
        case Figure::Transfer:
            return r.breakdown.transfer;
        case Figure::Compute:
            return r.breakdown.compute;
        case Figure::Teardown:
            return r.breakdown.teardown;
        case Figure::Idle:
            return r.breakdown.idle;
        case Figure::PeakPss:
            if (r.memory.samples == 0) return std::nullopt;
            return static_cast<double>(r.memory.peak_pss_sum_bytes);
        case Figure::MeanCpu:
            if (r.cpu.samples < 2) return std::nullopt;
            return r.cpu.mean_machine_util;
        case Figure::BytesMoved:
            return static_cast<double>(r.bytes_to_workers + r.bytes_from_workers);
    }
    return std::nullopt;
}

std::vector<FigureChange> figure_changes(const RunResult& from, const RunResult& to) {
    std::vector<FigureChange> out;
    for (int i = 0; i < kFigureCount; ++i) {
        const auto figure = static_cast<Figure>(i);
        const auto a = figure_value(from, figure), b = figure_value(to, figure);
        if (!a || !b) continue;
        FigureChange c{figure, *a, *b, std::nullopt};
        if (*a > 0) c.relative = (*b - *a) / *a;
        out.push_back(c);
    }
    return out;
}

}  // namespace poolscope::ui
