#include "core/telemetry/host_totals.h"

#include <algorithm>

namespace poolscope {

void HostTotals::add(const Sample& s) {
    HostFigures& f = figures_;
    f.peak_rss_sum_bytes = std::max(f.peak_rss_sum_bytes, s.rss_sum_bytes);
    f.peak_pss_sum_bytes = std::max(f.peak_pss_sum_bytes, s.pss_sum_bytes);
    f.peak_uss_sum_bytes = std::max(f.peak_uss_sum_bytes, s.uss_sum_bytes);
    // A host's first sample has no earlier /proc/stat reading to take a delta from.
    if (f.samples > 0) {
        util_sum_ += s.machine_util;
        ++util_samples_;
    }
    ++f.samples;
    for (const ProcessSample& p : s.processes) {
        if (p.gone) continue;
        // As the engine's own figures: a process's CPU counts from the first sample that saw it.
        const auto [it, fresh] = spans_.try_emplace(p.pid, Span{p.cpu_ns, p.cpu_ns});
        if (!fresh) it->second.last_ns = std::max(it->second.last_ns, p.cpu_ns);
    }
}

HostFigures HostTotals::figures() const {
    HostFigures f = figures_;
    uint64_t ns = 0;
    for (const auto& [pid, span] : spans_) ns += span.last_ns - span.first_ns;
    f.process_cpu_s = static_cast<double>(ns) * 1e-9;
    f.mean_machine_util = util_samples_ ? util_sum_ / static_cast<double>(util_samples_) : 0;
    return f;
}

HostFigures engine_host_figures(const std::string& host, const MemoryFigures& memory,
                                const CpuFigures& cpu) {
    HostFigures f;
    f.host = host;
    f.engine = true;
    f.peak_rss_sum_bytes = memory.peak_rss_sum_bytes;
    f.peak_pss_sum_bytes = memory.peak_pss_sum_bytes;
    f.peak_uss_sum_bytes = memory.peak_uss_sum_bytes;
    f.process_cpu_s = cpu.process_cpu_s;
    f.mean_machine_util = cpu.mean_machine_util;
    f.samples = memory.samples;
    return f;
}

}  // namespace poolscope
