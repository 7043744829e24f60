// CoreUsageSampler: per-core and whole-machine CPU utilisation from the tick counters in
// /proc/stat. A single reading only says how busy a core has been since boot; what a run needs is
// how busy it was between two readings, so the sampler keeps the previous reading and reports
// the delta. Format: https://docs.kernel.org/filesystems/proc.html (section 1.8, /proc/stat).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace poolscope {

// The raw counters of one "cpu" or "cpuN" line, in USER_HZ ticks (usually 10 ms).
struct CpuTicks {
    uint64_t user = 0;
    uint64_t nice = 0;
    uint64_t system = 0;
    uint64_t idle = 0;
    uint64_t iowait = 0;
    uint64_t irq = 0;
    uint64_t softirq = 0;
    uint64_t steal = 0;
    bool present = false;  // false for a core id with no line (offline core)

    bool operator==(const CpuTicks&) const = default;
};

// One parsed /proc/stat: the machine line and the per-core lines, indexed by core id.
struct CpuTimes {
    CpuTicks machine;
    std::vector<CpuTicks> cores;

    bool operator==(const CpuTimes&) const = default;
};

// Ticks spent between two readings, sorted into the three kinds a reader cares about.
// Guest time is already inside user/nice, so it is not counted again.
struct TickDelta {
    uint64_t busy = 0;   // user + nice + system + irq + softirq
    uint64_t idle = 0;   // idle + iowait
    uint64_t steal = 0;  // taken by the hypervisor: neither ours nor idle

    uint64_t total() const { return busy + idle + steal; }
    double util() const;         // busy / total, 0 when no tick elapsed
    double steal_share() const;  // steal / total, 0 when no tick elapsed
    TickDelta& operator+=(const TickDelta& other);

    bool operator==(const TickDelta&) const = default;
};

// Utilisation over one interval, per core id and for the whole machine.
struct CoreUsage {
    TickDelta machine;
    std::vector<TickDelta> cores;  // zero for a core missing from either reading

    std::vector<double> core_util() const;
    std::vector<double> core_steal() const;
};

// nullopt when the text has no "cpu" line (not a /proc/stat).
std::optional<CpuTimes> parse_proc_stat(std::string_view text);

// Counters can go backwards (iowait is documented to; idle and iowait switch source when a core
// goes offline and back), so every field's delta is clamped at zero rather than wrapping round
// to a huge unsigned number.
TickDelta tick_delta(const CpuTicks& before, const CpuTicks& after);
CoreUsage usage_between(const CpuTimes& before, const CpuTimes& after);

class CoreUsageSampler {
  public:
    // proc_root can point at a fixture directory holding a "stat" file.
    explicit CoreUsageSampler(std::string proc_root = "/proc");

    // Reads /proc/stat and returns the usage since the previous successful reading; nullopt on
    // the first reading or when the file cannot be read or parsed.
    std::optional<CoreUsage> sample();

  private:
    std::string stat_path_;
    std::optional<CpuTimes> previous_;
};

}  // namespace poolscope
