// Parsers for the four /proc/PID files the process sampler reads. They take the file's text so
// tests can feed recorded fixtures. Formats: https://docs.kernel.org/filesystems/proc.html
// (table 1-2 statm, table 1-4 stat, section 1.1 smaps_rollup) and
// https://docs.kernel.org/scheduler/sched-stats.html (schedstat).
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace poolscope {

// The few fields of /proc/PID/stat the sampler uses.
struct PidStat {
    char state = '?';           // field 3: R, S, D, Z, ...
    uint64_t utime_ticks = 0;   // field 14, USER_HZ
    uint64_t stime_ticks = 0;   // field 15, USER_HZ
    uint64_t start_ticks = 0;   // field 22: start time since boot; tells a reused pid apart
    int processor = -1;         // field 39: the core it last ran on
    uint64_t minor_faults = 0;  // field 10 (minflt): page faults served without I/O, so far

    bool operator==(const PidStat&) const = default;
};

// Memory figures from /proc/PID/smaps_rollup.
struct SmapsRollup {
    uint64_t rss_bytes = 0;
    uint64_t pss_bytes = 0;
    uint64_t uss_bytes = 0;  // Private_Clean + Private_Dirty: freed if the process exits

    bool operator==(const SmapsRollup&) const = default;
};

// The command name (field 2) is free text in parentheses and may itself hold spaces and ')', so
// fields are counted from the LAST ')' in the line. nullopt when the line is malformed.
std::optional<PidStat> parse_pid_stat(std::string_view text);

// Second field of statm: resident pages. nullopt when malformed.
std::optional<uint64_t> parse_statm_resident_pages(std::string_view text);

// nullopt when the text holds no Pss line: a zombie or a kernel thread has no memory map, and
// the kernel then returns an empty file.
std::optional<SmapsRollup> parse_smaps_rollup(std::string_view text);

// First field of schedstat: nanoseconds on a CPU so far. nullopt when malformed.
std::optional<uint64_t> parse_schedstat_cpu_ns(std::string_view text);

}  // namespace poolscope
