#include "core/telemetry/core_usage_sampler.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <utility>

#include "core/platform/read_file.h"

namespace poolscope {

namespace {

std::string_view next_token(std::string_view& rest) {
    const size_t start = rest.find_first_not_of(' ');
    if (start == std::string_view::npos) {
        rest = {};
        return {};
    }
    rest.remove_prefix(start);
    const size_t end = std::min(rest.find(' '), rest.size());
    const std::string_view token = rest.substr(0, end);
    rest.remove_prefix(end);
    return token;
}

// Parses the numbers after the "cpu"/"cpuN" label. Older kernels print fewer than eight fields;
// missing ones stay zero.
CpuTicks parse_ticks(std::string_view fields) {
    std::array<uint64_t, 8> v{};
    for (uint64_t& value : v) {
        const std::string_view token = next_token(fields);
        if (token.empty()) break;
        std::from_chars(token.data(), token.data() + token.size(), value);
    }
    return CpuTicks{v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], true};
}

uint64_t clamped(uint64_t before, uint64_t after) {
    return after > before ? after - before : 0;
}

double share(uint64_t part, uint64_t total) {
    return total == 0 ? 0.0 : static_cast<double>(part) / static_cast<double>(total);
}

}  // namespace

double TickDelta::util() const {
    return share(busy, total());
}

double TickDelta::steal_share() const {
    return share(steal, total());
}

TickDelta& TickDelta::operator+=(const TickDelta& other) {
    busy += other.busy;
    idle += other.idle;
    steal += other.steal;
    return *this;
}

std::vector<double> CoreUsage::core_util() const {
    std::vector<double> out;
    out.reserve(cores.size());
    for (const TickDelta& core : cores) out.push_back(core.util());
    return out;
}

std::vector<double> CoreUsage::core_steal() const {
    std::vector<double> out;
    out.reserve(cores.size());
    for (const TickDelta& core : cores) out.push_back(core.steal_share());
    return out;
}

std::optional<CpuTimes> parse_proc_stat(std::string_view text) {
    CpuTimes times;
    bool seen_machine = false;
    while (!text.empty()) {
        const size_t eol = std::min(text.find('\n'), text.size());
        std::string_view line = text.substr(0, eol);
        text.remove_prefix(std::min(eol + 1, text.size()));
        if (!line.starts_with("cpu")) continue;
        const std::string_view label = next_token(line);
        if (label == "cpu") {
            times.machine = parse_ticks(line);
            seen_machine = true;
            continue;
        }
        size_t id = 0;
        const auto [ptr, ec] = std::from_chars(label.data() + 3, label.data() + label.size(), id);
        if (ec != std::errc{} || ptr != label.data() + label.size()) continue;
        if (times.cores.size() <= id) times.cores.resize(id + 1);
        times.cores[id] = parse_ticks(line);
    }
    if (!seen_machine) return std::nullopt;
    return times;
}

TickDelta tick_delta(const CpuTicks& before, const CpuTicks& after) {
    if (!before.present || !after.present) return {};
    TickDelta d;
    d.busy = clamped(before.user, after.user) + clamped(before.nice, after.nice) +
             clamped(before.system, after.system) + clamped(before.irq, after.irq) +
             clamped(before.softirq, after.softirq);
    d.idle = clamped(before.idle, after.idle) + clamped(before.iowait, after.iowait);
    d.steal = clamped(before.steal, after.steal);
    return d;
}

CoreUsage usage_between(const CpuTimes& before, const CpuTimes& after) {
    CoreUsage usage;
    usage.machine = tick_delta(before.machine, after.machine);
    // Sized by the newer reading: a core that came online shows up (at zero until next time).
    usage.cores.resize(after.cores.size());
    const size_t common = std::min(before.cores.size(), after.cores.size());
    for (size_t i = 0; i < common; ++i)
        usage.cores[i] = tick_delta(before.cores[i], after.cores[i]);
    return usage;
}

CoreUsageSampler::CoreUsageSampler(std::string proc_root)
    : stat_path_(std::move(proc_root) + "/stat") {}

std::optional<CoreUsage> CoreUsageSampler::sample() {
    const std::optional<std::string> text = read_text_file(stat_path_);
    if (!text) return std::nullopt;
    std::optional<CpuTimes> now = parse_proc_stat(*text);
    if (!now) return std::nullopt;
    std::optional<CoreUsage> usage;
    if (previous_) usage = usage_between(*previous_, *now);
    previous_ = std::move(now);
    return usage;
}

}  // namespace poolscope
