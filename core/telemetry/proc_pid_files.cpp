#include "core/telemetry/proc_pid_files.h"

#include <algorithm>
#include <charconv>

namespace poolscope {

namespace {

// Skips leading blanks, then parses an unsigned number; advances `text` past it.
std::optional<uint64_t> take_number(std::string_view& text) {
    const size_t start = text.find_first_not_of(" \t");
    if (start == std::string_view::npos) return std::nullopt;
    text.remove_prefix(start);
    uint64_t value = 0;
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{}) return std::nullopt;
    text.remove_prefix(static_cast<size_t>(ptr - text.data()));
    return value;
}

std::string_view take_token(std::string_view& text) {
    const size_t start = text.find_first_not_of(' ');
    if (start == std::string_view::npos) return {};
    text.remove_prefix(start);
    const size_t end = std::min(text.find_first_of(" \n"), text.size());
    const std::string_view token = text.substr(0, end);
    text.remove_prefix(end);
    return token;
}

// Value of a "Key:   1234 kB" line of smaps_rollup, in bytes.
std::optional<uint64_t> kb_field(std::string_view text, std::string_view key) {
    size_t at = 0;
    while ((at = text.find(key, at)) != std::string_view::npos) {
        const bool line_start = at == 0 || text[at - 1] == '\n';
        at += key.size();
        if (!line_start || at >= text.size() || text[at] != ':') continue;
        std::string_view rest = text.substr(at + 1);
        const std::optional<uint64_t> kb = take_number(rest);
        if (kb) return *kb * 1024;
        return std::nullopt;
    }
    return std::nullopt;
}

}  // namespace

std::optional<PidStat> parse_pid_stat(std::string_view text) {
    const size_t close = text.rfind(')');
    if (close == std::string_view::npos) return std::nullopt;
    std::string_view rest = text.substr(close + 1);
    PidStat stat;
    // Field 3 is the first token after ')'; field N is token N-3.
    for (int field = 3; field <= 39; ++field) {
        const std::string_view token = take_token(rest);
        if (token.empty()) return std::nullopt;
        if (field == 3) {
            stat.state = token[0];
            continue;
        }
        uint64_t value = 0;
        // Some fields are signed (e.g. priority); those are not ones we keep.
        std::from_chars(token.data(), token.data() + token.size(), value);
        if (field == 10) stat.minor_faults = value;
        if (field == 14) stat.utime_ticks = value;
        if (field == 15) stat.stime_ticks = value;
        if (field == 22) stat.start_ticks = value;
        if (field == 39) stat.processor = static_cast<int>(value);
    }
    return stat;
}

std::optional<uint64_t> parse_statm_resident_pages(std::string_view text) {
    if (!take_number(text)) return std::nullopt;  // size
    return take_number(text);
}

std::optional<SmapsRollup> parse_smaps_rollup(std::string_view text) {
    const std::optional<uint64_t> pss = kb_field(text, "Pss");
    if (!pss) return std::nullopt;
    SmapsRollup rollup;
    rollup.pss_bytes = *pss;
    rollup.rss_bytes = kb_field(text, "Rss").value_or(0);
    rollup.uss_bytes =
        kb_field(text, "Private_Clean").value_or(0) + kb_field(text, "Private_Dirty").value_or(0);
    return rollup;
}

std::optional<uint64_t> parse_schedstat_cpu_ns(std::string_view text) {
    return take_number(text);
}

}  // namespace poolscope
