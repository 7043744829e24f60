#include "core/config/refused_field.h"

#include <cctype>

namespace poolscope {

namespace {

bool option_char(char c) {
    return std::islower(static_cast<unsigned char>(c)) || c == '-';
}

// The "--name" starting at `at` (a lowercase letter after the dashes), or empty.
std::string_view option_at(std::string_view m, std::size_t at) {
    if (m.compare(at, 2, "--") != 0 || at + 2 >= m.size() ||
        !std::islower(static_cast<unsigned char>(m[at + 2])))
        return {};
    std::size_t end = at + 2;
    while (end < m.size() && option_char(m[end])) ++end;
    return m.substr(at, end - at);
}

std::string_view first_option(std::string_view m, std::size_t from = 0) {
    for (std::size_t at = m.find("--", from); at != std::string_view::npos;
         at = m.find("--", at + 1))
        if (const auto o = option_at(m, at); !o.empty()) return o;
    return {};
}

std::string_view word_after(std::string_view m, std::size_t at) {
    std::size_t end = at;
    while (end < m.size() && (std::isalnum(static_cast<unsigned char>(m[end])) || m[end] == '_'))
        ++end;
    return m.substr(at, end - at);
}

}  // namespace

std::string refused_field(std::string_view m) {
    // A sweep names the point first ("at workers=4 chunksize=1: …"); the field follows.
    if (m.starts_with("at ")) {
        if (const auto colon = m.find(": "); colon != std::string_view::npos)
            m = m.substr(colon + 2);
    }
    // A sweep's axis of a workload parameter ("--param item_us: an empty value in …").
    if (m.starts_with("--param ")) {
        const std::string_view key = word_after(m, 8);
        const std::string_view after = m.substr(8 + key.size());
        if (!key.empty() &&
            (after.starts_with(":") || after.starts_with(" needs ") || after.starts_with(" is ")))
            return "--param " + std::string(key);
    }
    for (std::string_view prefix : {"--param: ", ""}) {
        if (!m.starts_with(prefix)) continue;
        const std::string_view rest = m.substr(prefix.size());
        if (rest.starts_with("parameter ")) {
            const std::string_view key = word_after(rest, 10);
            if (!key.empty()) return "--param " + std::string(key);
        }
        if (rest.starts_with("workload ") && rest.find(" has no parameter") != rest.npos)
            return "--param";
    }
    // The option that "must be" something is the one to change, even when another option's
    // choice is the reason ("--dispatch static …: --chunksize must be auto").
    for (std::size_t at = m.find(" must be"); at != std::string_view::npos;
         at = m.find(" must be", at + 1)) {
        std::size_t start = at;
        while (start > 0 && option_char(m[start - 1])) --start;
        if (const auto o = option_at(m, start); !o.empty() && start + o.size() == at)
            return std::string(o);
    }
    // Advice names the option to change ("…exceeds the frame limit (--max-frame); use a
    // smaller --chunksize").
    if (const std::size_t at = m.find("use a smaller "); at != std::string_view::npos)
        if (const auto o = option_at(m, at + 14); !o.empty()) return std::string(o);
    return std::string(first_option(m));
}

}  // namespace poolscope
