// The lessons file's readers share these: a field named by its path in the document
// ("lessons[2].sweep.axes[1]") and the checks that refuse a wrong type with that path, so every
// refusal points at the line to fix. Internal to core/lessons.
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "core/lessons/lesson_file.h"

namespace poolscope::lesson_json {

using json = nlohmann::json;

// Errors name the field by its path in the document.
struct Field {
    std::string path;

    Field operator[](const std::string& key) const { return {path + "." + key}; }
    Field operator[](std::size_t i) const { return {path + "[" + std::to_string(i) + "]"}; }
    std::string error(const std::string& what) const { return path + ": " + what; }
};

inline std::optional<std::string> need(const json& obj, const char* key, json::value_t type,
                                       const Field& f, const char* type_name) {
    if (!obj.contains(key)) return f[key].error(std::string("missing (") + type_name + ")");
    const json& v = obj.at(key);
    const bool ok = type == json::value_t::number_integer
                        ? v.is_number_integer()
                        : (type == json::value_t::number_float ? v.is_number() : v.type() == type);
    if (!ok) return f[key].error(std::string("must be ") + type_name + "; got " + v.dump());
    return std::nullopt;
}

inline std::optional<std::string> need_text(const json& obj, const char* key, const Field& f,
                                            std::string& out) {
    if (auto e = need(obj, key, json::value_t::string, f, "a string")) return e;
    out = obj.at(key).get<std::string>();
    if (out.empty()) return f[key].error("must not be empty");
    return std::nullopt;
}

inline std::optional<std::string> need_int(const json& obj, const char* key, const Field& f, int lo,
                                           int hi, int& out) {
    if (auto e = need(obj, key, json::value_t::number_integer, f, "a whole number")) return e;
    const auto v = obj.at(key).get<long long>();
    if (v < lo || v > hi)
        return f[key].error("must be in " + std::to_string(lo) + " … " + std::to_string(hi) +
                            "; got " + std::to_string(v));
    out = static_cast<int>(v);
    return std::nullopt;
}

// "{cores}" and "{K*cores}" replaced; nullopt when a placeholder is malformed.
std::optional<std::string> expand_placeholders(const std::string& arg, int cores);

// A lesson's "sweep" object; the lesson's other fields are already read.
std::optional<std::string> parse_sweep(const json& j, const Field& f, LessonSweep& out);

}  // namespace poolscope::lesson_json
