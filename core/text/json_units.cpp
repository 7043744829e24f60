#include "core/text/json_units.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <stdexcept>
#include <string>

namespace poolscope {

JsonFieldError::JsonFieldError(std::string path, std::string reason)
    : std::runtime_error("field '" + path + "': " + reason),
      path_(std::move(path)),
      reason_(std::move(reason)) {}

double ns_to_seconds(int64_t ns) {
    // Division by the exact 1e9 rounds once; multiplying by 1e-9 would round twice.
    return static_cast<double>(ns) / 1e9;
}

int64_t seconds_to_ns(double s) {
    if (!std::isfinite(s) || std::fabs(s) > kMaxSeconds) {
        throw std::out_of_range("a time of " + std::to_string(s) + " s is out of range (at most " +
                                std::to_string(static_cast<int64_t>(kMaxSeconds)) + " s)");
    }
    return std::llround(s * 1e9);
}

int64_t duration_to_ns(double s) {
    if (s < 0) throw std::out_of_range("a duration of " + std::to_string(s) + " s is negative");
    return seconds_to_ns(s);
}

std::string safe_dump(const nlohmann::json& j, int indent) {
    return j.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

nlohmann::json stamp_to_json(int64_t stamp_ns, int64_t origin_ns) {
    if (stamp_ns == 0) return nullptr;
    return ns_to_seconds(stamp_ns - origin_ns);
}

int64_t stamp_from_json(const nlohmann::json& j, int64_t origin_ns) {
    if (j.is_null()) return 0;
    if (!j.is_number()) throw std::invalid_argument("a stamp must be a number or null");
    return origin_ns + seconds_to_ns(j.get<double>());
}

std::string checksum_to_hex(uint64_t checksum) {
    char text[19];
    std::snprintf(text, sizeof text, "0x%016llx", static_cast<unsigned long long>(checksum));
    return text;
}

uint64_t checksum_from_hex(std::string_view text) {
    if (text.size() != 18 || text[0] != '0' || (text[1] != 'x' && text[1] != 'X')) {
        throw std::invalid_argument("a checksum is \"0x\" and 16 hex digits; got '" +
                                    std::string(text) + "'");
    }
    uint64_t value = 0;
    const char* first = text.data() + 2;
    const char* last = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(first, last, value, 16);
    if (ec != std::errc() || ptr != last) {
        throw std::invalid_argument("a checksum has hex digits only; got '" + std::string(text) +
                                    "'");
    }
    return value;
}

}  // namespace poolscope
