#include "core/workloads/param_domain.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <string_view>

namespace poolscope {

namespace {

constexpr std::string_view kEllipsis = "\u2026";

std::string_view trim(std::string_view s) {
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    return s;
}

bool whole(std::string_view s, uint64_t& out) {
    if (s.empty() || s.find_first_not_of("0123456789") != std::string_view::npos) return false;
    errno = 0;
    out = std::strtoull(std::string(s).c_str(), nullptr, 10);
    return errno != ERANGE;
}

// "2^64-1", "2^20", "10^9": the powers the range texts use for bounds too long to read.
bool power(std::string_view s, uint64_t& out) {
    const auto caret = s.find('^');
    if (caret == std::string_view::npos) return false;
    uint64_t base = 0;
    uint64_t exp = 0;
    std::string_view rest = s.substr(caret + 1);
    const bool minus_one = rest.size() > 2 && rest.substr(rest.size() - 2) == "-1";
    if (minus_one) rest.remove_suffix(2);
    if (!whole(s.substr(0, caret), base) || !whole(rest, exp) || base < 2) return false;
    // In long double (64-bit mantissa on x86-64), where 2^64 - 1 is exact.
    const long double v = std::pow(static_cast<long double>(base), static_cast<long double>(exp)) -
                          (minus_one ? 1 : 0);
    if (v > static_cast<long double>(std::numeric_limits<uint64_t>::max())) return false;
    out = static_cast<uint64_t>(v);
    return true;
}

bool integer_bound(std::string_view s, uint64_t& out) {
    return whole(s, out) || power(s, out);
}

bool real_bound(std::string_view s, double& out) {
    if (uint64_t p = 0; s.find('^') != std::string_view::npos && power(s, p))
        return out = static_cast<double>(p), true;
    const std::string text(s);
    char* end = nullptr;
    errno = 0;
    out = std::strtod(text.c_str(), &end);
    return !text.empty() && *end == '\0' && errno != ERANGE && std::isfinite(out);
}

// Splits "lo … hi" (or "lo ... hi") into its two bounds.
bool split_range(std::string_view range, std::string_view& lo, std::string_view& hi) {
    for (const std::string_view sep : {kEllipsis, std::string_view("...")}) {
        const auto at = range.find(sep);
        if (at == std::string_view::npos) continue;
        lo = trim(range.substr(0, at));
        hi = trim(range.substr(at + sep.size()));
        return !lo.empty() && !hi.empty();
    }
    return false;
}

std::vector<std::string> split_choices(std::string_view range) {
    std::vector<std::string> out;
    for (;;) {
        const auto bar = range.find('|');
        out.emplace_back(trim(range.substr(0, bar)));
        if (bar == std::string_view::npos) return out;
        range.remove_prefix(bar + 1);
    }
}

}  // namespace

bool ParamDomain::contains(const std::string& value) const {
    switch (kind) {
        case Kind::Integer: {
            uint64_t v = 0;
            return whole(value, v) && v >= lo && v <= hi;
        }
        case Kind::Real: {
            double v = 0;
            return value.find('^') == std::string::npos && real_bound(value, v) && v >= real_lo &&
                   v <= real_hi;
        }
        case Kind::Choice:
            for (const auto& c : choices)
                if (c == value) return true;
            return false;
        case Kind::Path:
        case Kind::Text:
            return true;
    }
    return false;
}

ParamDomain param_domain(const ParamSpec& spec) {
    ParamDomain d;
    const std::string_view range = trim(spec.range);
    std::string_view lo;
    std::string_view hi;
    if (split_range(range, lo, hi)) {
        if (spec.real && real_bound(lo, d.real_lo) && real_bound(hi, d.real_hi)) {
            d.kind = ParamDomain::Kind::Real;
        } else if (!spec.real && integer_bound(lo, d.lo) && integer_bound(hi, d.hi)) {
            d.kind = ParamDomain::Kind::Integer;
        }
    } else if (range.find('|') != std::string_view::npos) {
        d.kind = ParamDomain::Kind::Choice;
        d.choices = split_choices(range);
    } else if (range == "folder" || range == "writable folder") {
        d.kind = ParamDomain::Kind::Path;
        d.writable = range == "writable folder";
    }
    return d;
}

std::optional<std::string> check_param_range(const ParamSpec& spec, const ParamMap& params) {
    const auto it = params.find(spec.key);
    const ParamMap one{{spec.key, it == params.end() ? spec.default_value : it->second}};
    const std::string& value = one.begin()->second;
    const ParamDomain d = param_domain(spec);
    switch (d.kind) {
        case ParamDomain::Kind::Integer: {
            uint64_t v = 0;
            return param_u64(one, spec.key, d.lo, d.hi, v);
        }
        case ParamDomain::Kind::Real: {
            double v = 0;
            return param_double(one, spec.key, d.real_lo, d.real_hi, v);
        }
        case ParamDomain::Kind::Choice: {
            if (d.contains(value)) return std::nullopt;
            std::string names;
            for (const auto& c : d.choices) names += (names.empty() ? "" : ", ") + c;
            return "parameter " + spec.key + " must be one of " + names + "; got '" + value + "'";
        }
        case ParamDomain::Kind::Path:
        case ParamDomain::Kind::Text:
            return std::nullopt;
    }
    return std::nullopt;
}

}  // namespace poolscope
