// How every PoolScope JSON document (results and the event stream) writes times, stamps and the
// 64-bit checksum, and how readers get them back exactly. Readers that hold numbers as doubles
// (JavaScript, many JSON libraries) lose integers above 2^53, so:
// - times are seconds (double), relative to a nearby origin, and round back to the nanosecond;
// - a stamp that did not happen (0 in the structs) is written as null;
// - the checksum is a hex string "0x" + 16 digits.
#pragma once

#include <cmath>
#include <limits>
#include <type_traits>
#include <vector>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

namespace poolscope {

// A field of a JSON document is missing or has the wrong type or value. path() is dotted
// ("result.config.size") so a reader can say exactly what is wrong.
class JsonFieldError : public std::runtime_error {
  public:
    JsonFieldError(std::string path, std::string reason);
    const std::string& path() const { return path_; }
    const std::string& reason() const { return reason_; }

  private:
    std::string path_;
    std::string reason_;
};

// ns / 1e9, correctly rounded; seconds_to_ns(ns_to_seconds(x)) == x for |x| < 2^50 ns (13 days).
double ns_to_seconds(int64_t ns);
// Throws std::out_of_range past ±kMaxSeconds (about 31 years: no stamp or duration is that far
// from its origin), so a hostile file cannot overflow a nanosecond count.
inline constexpr double kMaxSeconds = 1e9;
int64_t seconds_to_ns(double s);
// seconds_to_ns of a duration: a negative one is refused too.
int64_t duration_to_ns(double s);

// A CLOCK_MONOTONIC stamp as seconds since origin_ns; null when the stamp is 0 (did not happen).
nlohmann::json stamp_to_json(int64_t stamp_ns, int64_t origin_ns);
int64_t stamp_from_json(const nlohmann::json& j, int64_t origin_ns);

// "0x" followed by exactly 16 lower-case hex digits.
std::string checksum_to_hex(uint64_t checksum);
// Accepts what checksum_to_hex writes (upper-case digits too); throws std::invalid_argument.
uint64_t checksum_from_hex(std::string_view text);

// j.dump() that never throws: invalid UTF-8 (a file name, a kernel string) becomes U+FFFD.
std::string safe_dump(const nlohmann::json& j, int indent = -1);

// A float where an integer belongs: only a whole number in range converts (casting anything
// else would be undefined behaviour); otherwise a JsonFieldError naming `what`.
template <typename T>
T whole_number(const nlohmann::json& v, std::string_view what) {
    const double d = v.template get<double>();
    if (!std::isfinite(d) || d != std::trunc(d) ||
        d < static_cast<double>(std::numeric_limits<T>::min()) ||
        d >= static_cast<double>(std::numeric_limits<T>::max()))
        throw JsonFieldError(std::string(what), "is not a whole number in range");
    return static_cast<T>(d);
}

template <typename T>
struct is_integer_vector : std::false_type {};
template <typename U>
struct is_integer_vector<std::vector<U>>
    : std::bool_constant<std::is_integral_v<U> && !std::is_same_v<U, bool>> {};

// An integer where T belongs: refused when it does not fit (a negative count, a pid past int)
// instead of wrapping around.
template <typename T>
T integer_in_range(const nlohmann::json& v, std::string_view what) {
    using limits = std::numeric_limits<T>;
    if (v.is_number_unsigned()) {
        const auto u = v.template get<uint64_t>();
        if (u > static_cast<uint64_t>(limits::max()))
            throw JsonFieldError(std::string(what), "is too large (" + std::to_string(u) + ")");
        return static_cast<T>(u);
    }
    const auto i = v.template get<int64_t>();
    if (i < 0 && !limits::is_signed)
        throw JsonFieldError(std::string(what), "is negative (" + std::to_string(i) + ")");
    if (limits::is_signed &&
        (i < static_cast<int64_t>(limits::min()) || i > static_cast<int64_t>(limits::max())))
        throw JsonFieldError(std::string(what), "is out of range (" + std::to_string(i) + ")");
    return static_cast<T>(i);
}

// v.get<T>() that never converts a number out of an integer's range: a float that is not a
// whole number in range, a negative value into an unsigned one, a value past the type's limits
// (also inside a vector).
template <typename T>
T checked_get(const nlohmann::json& v, std::string_view what) {
    if constexpr (std::is_integral_v<T> && !std::is_same_v<T, bool>) {
        if (v.is_number_float()) return whole_number<T>(v, what);
        if (v.is_number_integer()) return integer_in_range<T>(v, what);
    } else if constexpr (is_integer_vector<T>::value) {
        if (v.is_array()) {
            T out;
            for (std::size_t i = 0; i < v.size(); ++i)
                out.push_back(checked_get<typename T::value_type>(
                    v[i], std::string(what) + "[" + std::to_string(i) + "]"));
            return out;
        }
    }
    return v.template get<T>();
}

// j[key] converted to T, or a JsonFieldError naming the key (nested errors get a dotted path).
template <typename T>
T get_field(const nlohmann::json& j, std::string_view key) {
    const auto it = j.find(key);
    if (it == j.end()) throw JsonFieldError(std::string(key), "missing");
    try {
        return checked_get<T>(*it, "");
    } catch (const JsonFieldError& e) {
        // "key", "key[3]" or "key.inner": the path below this key, joined on.
        const std::string& below = e.path();
        throw JsonFieldError(
            std::string(key) + (below.empty() || below[0] == '[' ? "" : ".") + below, e.reason());
    } catch (const nlohmann::json::exception&) {
        throw JsonFieldError(std::string(key),
                             std::string("has the wrong type (") + it->type_name() + ")");
    } catch (const std::invalid_argument& e) {
        throw JsonFieldError(std::string(key), e.what());
    }
}

// Like get_field, but a missing (or null) key gives fallback: for fields a document may omit.
template <typename T>
T get_field_or(const nlohmann::json& j, std::string_view key, T fallback) {
    const auto it = j.find(key);
    if (it == j.end() || it->is_null()) return fallback;
    return get_field<T>(j, key);
}

// read(j[key]) for a nested document that needs more than a plain conversion; errors inside
// it get "key." in front of their path.
template <typename Read>
auto get_nested(const nlohmann::json& j, const std::string& key, Read read) {
    const auto it = j.find(key);
    if (it == j.end()) throw JsonFieldError(key, "missing");
    try {
        return read(*it);
    } catch (const JsonFieldError& e) {
        throw JsonFieldError(key + "." + e.path(), e.reason());
    } catch (const nlohmann::json::exception&) {
        throw JsonFieldError(key, std::string("has the wrong type (") + it->type_name() + ")");
    }
}

// An enum written by its user-facing name; parse is one of the parse_* of run_config.h.
template <typename Parse>
auto get_enum(const nlohmann::json& j, std::string_view key, Parse parse) {
    const auto text = get_field<std::string>(j, key);
    const auto value = parse(text);
    if (!value) throw JsonFieldError(std::string(key), "unknown value '" + text + "'");
    return *value;
}

}  // namespace poolscope
