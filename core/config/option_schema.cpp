#include "core/config/option_schema.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace poolscope {

const OptionInfo* find_option(std::string_view name) {
    for (const OptionInfo& o : option_schema())
        if (o.name == name || (!o.short_name.empty() && o.short_name == name)) return &o;
    return nullptr;
}

const OptionInfo& option_info(std::string_view name) {
    if (const OptionInfo* o = find_option(name)) return *o;
    // Only a name spelt wrong in the program itself gets here: say which, then stop.
    std::fprintf(stderr, "poolscope: internal error: option %.*s is not in the schema\n",
                 static_cast<int>(name.size()), name.data());
    std::abort();
}

bool accepts(const OptionInfo& o, Backend b) {
    return (o.backends & backend_bit(b)) != 0;
}

bool accepts(const OptionInfo& o, std::string_view value, Backend b) {
    if (!accepts(o, b)) return false;
    const auto it = std::find(o.values.begin(), o.values.end(), value);
    if (it == o.values.end() || o.value_backends.empty()) return true;
    return (o.value_backends[static_cast<std::size_t>(it - o.values.begin())] & backend_bit(b)) !=
           0;
}

std::vector<std::string> backend_names(BackendSet set) {
    std::vector<std::string> out;
    for (Backend b : {Backend::Serial, Backend::Processes, Backend::Threads, Backend::Python,
                      Backend::PythonThreads, Backend::Mpi})
        if (set & backend_bit(b)) out.emplace_back(to_string(b));
    return out;
}

std::string or_list(const std::vector<std::string>& words) {
    std::string out;
    for (std::size_t i = 0; i < words.size(); ++i)
        out += (i == 0 ? "" : i + 1 == words.size() ? " or " : ", ") + words[i];
    return out;
}

namespace {

// "in MIN … MAX[ UNIT]" (or "≥ MIN" where the maximum is the machine's), without the notes.
std::string bounds(const OptionInfo& o, bool with_unit) {
    std::string out = o.machine_max ? "≥ " + std::to_string(o.min)
                                    : "in " + std::to_string(o.min) + " … " + std::to_string(o.max);
    if (with_unit && !o.unit.empty()) out += " " + o.unit;
    return out;
}

// What may stand beside the number: "0 = none" after the range, or "auto" as an alternative.
std::string notes(const OptionInfo& o) {
    std::string out;
    if (!o.zero_means.empty() && o.min == 0) out += " (0 = " + o.zero_means + ")";
    for (const auto& word : o.values) out += " or " + word;
    return out;
}

bool zero_apart(const OptionInfo& o) {
    return !o.zero_means.empty() && o.min > 0;
}

}  // namespace

std::string range_text(const OptionInfo& o) {
    const std::string zero = zero_apart(o) ? "0 (" + o.zero_means + ") or " : "";
    return zero + bounds(o, true) + notes(o);
}

std::string value_text(const OptionInfo& o) {
    const std::string zero = zero_apart(o) ? "0 (" + o.zero_means + ") or " : "";
    switch (o.kind) {
        case OptionKind::Flag:
            return "no value";
        case OptionKind::Integer:
            return zero + "a whole number " + bounds(o, true) + notes(o);
        case OptionKind::Real:
            return zero + (o.unit.empty() ? "a number " : o.unit + " ") + bounds(o, false) +
                   notes(o);
        case OptionKind::Choice:
            return or_list(o.values);
        case OptionKind::Text:
        case OptionKind::Path:
            return o.hint;
    }
    return o.hint;
}

bool in_range(const OptionInfo& o, std::uint64_t v) {
    return (v == 0 && !o.zero_means.empty()) || (v >= o.min && v <= o.max);
}

bool in_range(const OptionInfo& o, double v) {
    return std::isfinite(v) &&
           ((v == 0 && !o.zero_means.empty()) ||
            (v >= static_cast<double>(o.min) && v <= static_cast<double>(o.max)));
}

std::string range_refusal(const OptionInfo& o, const std::string& got) {
    return o.name + " must be " + range_text(o) + "; got " + got;
}

}  // namespace poolscope
