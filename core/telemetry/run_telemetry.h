// RunTelemetry: samples the machine's per-core CPU and every process of a run (engine and
// children) on the engine's loop, and keeps the peaks and means that go into the result.
// Driven by the caller's clock: the engine asks ms_until_due() for its poll() timeout and calls
// sample_if_due() after each wake-up. No threads.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/telemetry/telemetry_figures.h"

namespace poolscope {

struct ProcessRef {
    pid_t pid = 0;
    std::string role;   // "engine", "worker", "serial", "threads"
    int worker = -1;    // worker index, -1 for others
    bool ready = true;  // a worker that has not reported ready yet is still starting
};

struct ProcessSample {
    pid_t pid = 0;
    std::string role;
    int worker = -1;
    uint64_t rss_bytes = 0;
    uint64_t pss_bytes = 0;
    uint64_t uss_bytes = 0;     // Private_Clean + Private_Dirty
    int64_t pss_age_ns = 0;     // how old the PSS/USS figures are (smaps_rollup is read less often)
    uint64_t cpu_ns = 0;        // every thread's time on CPU so far
    double cpu_util = 0;        // CPU share since the previous sample (1.0 = one core)
    int last_cpu = -1;          // core it last ran on
    uint64_t minor_faults = 0;  // page faults without I/O since the process started
    char state = '?';           // from /proc/PID/stat; 'Z' = zombie
    bool gone = false;          // vanished between listing and reading

    bool operator==(const ProcessSample&) const = default;
};

struct Sample {
    int64_t t_ns = 0;
    std::vector<double> core_util;   // 0..1 per core (user+nice+system+irq+softirq)
    std::vector<double> core_steal;  // 0..1 per core
    double machine_util = 0;         // 0..1 all cores
    std::vector<ProcessSample> processes;
    uint64_t rss_sum_bytes = 0;
    uint64_t pss_sum_bytes = 0;
    uint64_t uss_sum_bytes = 0;
    std::string host = {};  // --backend mpi: the host sampled (empty: the engine's machine)

    bool operator==(const Sample&) const = default;
};

class RunTelemetry {
  public:
    // sample_ms: 0 = off, else 50 … 1000. proc_root can point at fixtures.
    explicit RunTelemetry(int sample_ms, std::string proc_root = "/proc");
    ~RunTelemetry();
    RunTelemetry(const RunTelemetry&) = delete;
    RunTelemetry& operator=(const RunTelemetry&) = delete;

    bool enabled() const;
    // Milliseconds until the next sample is due (0 = now), or -1 when sampling is off.
    int ms_until_due(int64_t now_ns) const;
    std::optional<Sample> sample_if_due(int64_t now_ns, const std::vector<ProcessRef>& procs);
    Sample sample_now(int64_t now_ns, const std::vector<ProcessRef>& procs);

    MemoryFigures memory() const;
    CpuFigures cpu() const;

  private:
    struct State;
    std::unique_ptr<State> state_;
};

}  // namespace poolscope
