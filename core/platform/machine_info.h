// MachineInfo: the facts every result carries so a figure can be reproduced and judged:
// CPU model, usable cores (affinity mask and cgroup quota), memory limit, kernel, load.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace poolscope {

// --backend mpi: one host of the run and how well its clock is known. Stamps from its ranks are
// moved onto the engine's CLOCK_MONOTONIC by offset_ns (estimated by ping-pong at start, from
// the round trip with the smallest time); uncertainty_ns is half that round trip.
struct HostClock {
    std::string host;
    int ranks = 0;
    int64_t offset_ns = 0;  // the host's clock minus the engine's
    int64_t uncertainty_ns = 0;

    bool operator==(const HostClock&) const = default;
};

struct MachineInfo {
    std::string cpu_model;
    int online_cores = 1;
    std::vector<int> affinity_cpus;  // CPUs this process may run on
    double cgroup_cpu_quota = 0;     // cores allowed by cpu.max; 0 = no quota
    int usable_cores = 1;            // min(affinity, ceil(quota))
    uint64_t mem_total_bytes = 0;
    uint64_t mem_available_bytes = 0;
    uint64_t cgroup_memory_limit_bytes = 0;  // 0 = no limit
    std::string kernel;
    double loadavg[3] = {0, 0, 0};
    std::vector<HostClock> hosts;  // --backend mpi only: the hosts of the run

    // The tighter of MemAvailable and the cgroup's remaining limit.
    uint64_t memory_budget_bytes() const;
};

// Reads the live machine. proc_root/sys_root can point at recorded fixtures in tests.
MachineInfo read_machine_info(const std::string& proc_root = "/proc",
                              const std::string& sys_root = "/sys");

// Parsers, exposed for fixture tests.
double parse_cgroup_cpu_max(const std::string& content);       // "max 100000" -> 0
uint64_t parse_cgroup_memory_max(const std::string& content);  // "max" -> 0
uint64_t parse_meminfo_kb(const std::string& content, const std::string& key);

// Usable cores of the calling process (cached after the first call).
int usable_cores();

}  // namespace poolscope
