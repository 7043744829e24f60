// HostTotals: one host's memory and CPU totals over a run, from the samples the stream carries
// for it. An MPI run's result has one HostFigures per host (docs/events.md, RESULT
// `host_totals`): the engine's host from the engine's own telemetry, every other host from the
// samples its lowest rank sent, which the engine cannot take itself (those pids are not its).
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <string>
#include <unordered_map>

#include "core/telemetry/run_telemetry.h"

namespace poolscope {

class HostTotals {
  public:
    explicit HostTotals(std::string host) { figures_.host = std::move(host); }

    void add(const Sample& s);
    HostFigures figures() const;

  private:
    struct Span {
        uint64_t first_ns = 0;
        uint64_t last_ns = 0;
    };
    HostFigures figures_;
    double util_sum_ = 0;
    uint64_t util_samples_ = 0;
    std::unordered_map<pid_t, Span> spans_;  // CPU time of each process, first to last sample
};

// The engine host's figures, from the result's memory and cpu (the engine's telemetry).
HostFigures engine_host_figures(const std::string& host, const MemoryFigures& memory,
                                const CpuFigures& cpu);

}  // namespace poolscope
