#include "core/config/fault_plan.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>

namespace poolscope {

namespace {

constexpr const char* kForms =
    "crash@chunk=N, hang@chunk=N, error@item=N, corrupt@chunk=N, kill@t=SECONDS, shm-full";

bool parse_u64(const std::string& s, uint64_t& out) {
    if (s.empty() || s.find_first_not_of("0123456789") != std::string::npos) return false;
    errno = 0;
    out = std::strtoull(s.c_str(), nullptr, 10);
    return errno == 0;
}

std::optional<std::string> parse_one(const std::string& spec, FaultPlan& plan) {
    const auto bad = "--inject: unknown fault '" + spec + "' (allowed: " + kForms + ")";
    if (spec == "shm-full") {
        plan.shm_full = true;
        return std::nullopt;
    }
    const auto at = spec.find('@');
    const auto eq = spec.find('=');
    if (at == std::string::npos || eq == std::string::npos || eq < at) return bad;
    const std::string kind = spec.substr(0, at);
    const std::string key = spec.substr(at + 1, eq - at - 1);
    const std::string value = spec.substr(eq + 1);
    uint64_t n = 0;
    if (kind == "kill" && key == "t") {
        char* end = nullptr;
        const double t = std::strtod(value.c_str(), &end);
        if (value.empty() || *end || !std::isfinite(t) || t < 0 || t > 86400)
            return "--inject kill@t=S: S must be seconds in 0 … 86400; got '" + value + "'";
        plan.kill_at_s = t;
        return std::nullopt;
    }
    const bool chunk_key = key == "chunk", item_key = key == "item";
    if (!(chunk_key || item_key)) return bad;
    if (!parse_u64(value, n))
        return "--inject " + spec + ": " + key + " must be a whole number ≥ 0; got '" + value + "'";
    if (kind == "crash" && chunk_key)
        plan.crash_chunk = n;
    else if (kind == "hang" && chunk_key)
        plan.hang_chunk = n;
    else if (kind == "corrupt" && chunk_key)
        plan.corrupt_chunk = n;
    else if (kind == "error" && item_key)
        plan.error_item = n;
    else
        return bad;
    return std::nullopt;
}

}  // namespace

std::optional<std::string> parse_fault_plan(const std::vector<std::string>& specs, FaultPlan& out) {
    FaultPlan plan;
    for (const auto& s : specs)
        if (auto e = parse_one(s, plan)) return e;
    out = plan;
    return std::nullopt;
}

}  // namespace poolscope
