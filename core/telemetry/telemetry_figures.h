// Summary figures of a run's telemetry, carried in every RunResult.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace poolscope {

struct MemoryFigures {
    uint64_t peak_rss_sum_bytes = 0;  // peak of the RSS summed over engine + children
    uint64_t peak_pss_sum_bytes = 0;  // peak of the PSS sum (the honest total)
    uint64_t peak_uss_sum_bytes = 0;
    uint64_t engine_peak_rss_bytes = 0;
    // Minor page faults of the run's children (workers, the serial or threads child), each
    // counted from its start to its last sample: a page mapped in on first touch (a shared
    // segment's pages, copy-on-write copies, fresh heap).
    uint64_t child_minor_faults = 0;
    // The most workers seen at once as zombies (exited, not yet reaped: state Z, no memory
    // left but a pid and a process-table entry each) in one sample.
    uint64_t peak_zombie_workers = 0;
    uint64_t samples = 0;  // how many samples these peaks come from (0 = sampling off)

    bool operator==(const MemoryFigures&) const = default;
};

struct CpuFigures {
    double mean_machine_util = 0;        // 0..1 over the run, all cores
    std::vector<double> mean_core_util;  // 0..1 per core
    double process_cpu_s = 0;            // CPU seconds of engine + children, every thread
    double children_cpu_s = 0;           // the children's part of it (workers, serial child)
    double outside_cpu_share = 0;        // share of CPU used by processes outside the run
    uint64_t samples = 0;

    bool operator==(const CpuFigures&) const = default;
};

// One host's totals in an MPI run (RESULT `host_totals`): the run's processes on that host.
struct HostFigures {
    std::string host;
    bool engine = false;              // the engine's host (its figures are the result's memory/cpu)
    uint64_t peak_rss_sum_bytes = 0;  // peak of that host's RSS sum
    uint64_t peak_pss_sum_bytes = 0;  // peak of that host's PSS sum
    uint64_t peak_uss_sum_bytes = 0;
    double process_cpu_s = 0;      // CPU seconds of the run's processes there, every thread
    double mean_machine_util = 0;  // 0..1, that host's cores
    uint64_t samples = 0;          // samples of that host (0 = none arrived)

    bool operator==(const HostFigures&) const = default;
};

}  // namespace poolscope
