#include "ui/run_trace.h"

#include <algorithm>

namespace poolscope::ui {
namespace {

double seconds(int64_t ns) {
    return static_cast<double>(ns) / 1e9;
}

// The index in trace.hosts of a sample's host: the engine's own samples (they list the engine
// process) name the engine's host, which stays first.
int host_index(RunTrace& trace, const Sample& s) {
    if (s.host.empty() || s.host == trace.hosts[0]) return 0;
    const bool engine = std::any_of(s.processes.begin(), s.processes.end(),
                                    [](const ProcessSample& p) { return p.role == "engine"; });
    if (engine && trace.hosts[0].empty()) {
        trace.hosts[0] = s.host;
        return 0;
    }
    const auto at = std::find(trace.hosts.begin() + 1, trace.hosts.end(), s.host);
    if (at != trace.hosts.end()) return static_cast<int>(at - trace.hosts.begin());
    trace.hosts.push_back(s.host);
    trace.host_pss_now.push_back(0);
    return static_cast<int>(trace.hosts.size() - 1);
}

std::size_t process_index(RunTrace& trace, const ProcessSample& p, int host) {
    const ProcessKey key{p.role, p.worker,
                         host == 0 ? std::string() : trace.hosts[static_cast<std::size_t>(host)]};
    for (std::size_t i = 0; i < trace.processes.size(); ++i)
        if (trace.processes[i] == key) return i;
    trace.processes.push_back(key);
    trace.state_now.push_back('\0');
    trace.was_zombie.push_back(false);
    return trace.processes.size() - 1;
}

void absorb_sample(RunTrace& trace, const Sample& s, int64_t origin_ns) {
    const double t = seconds(s.t_ns - origin_ns);
    const int host = host_index(trace, s);
    CoreRow cpu;
    cpu.t = t;
    cpu.host = host;
    cpu.util.assign(s.core_util.begin(), s.core_util.end());
    cpu.total = static_cast<float>(s.machine_util);
    for (double v : s.core_steal) cpu.steal = std::max(cpu.steal, static_cast<float>(v));
    trace.max_steal = std::max(trace.max_steal, static_cast<double>(cpu.steal));
    trace.cpu.append(std::move(cpu));

    MemoryRow mem;
    mem.t = t;
    mem.rss_sum = s.rss_sum_bytes;
    mem.host = host;
    uint64_t pss_sum = 0;
    const std::string& name = trace.hosts[static_cast<std::size_t>(host)];
    for (std::size_t i = 0; i < trace.processes.size(); ++i)  // this host's processes only
        if (host == 0 ? trace.processes[i].host.empty() : trace.processes[i].host == name)
            trace.state_now[i] = '\0';
    for (const auto& p : s.processes) {
        if (p.gone) continue;
        const std::size_t i = process_index(trace, p, host);
        trace.state_now[i] = p.state;
        if (p.state == 'Z') trace.was_zombie[i] = true;
        if (mem.pss.size() <= i) mem.pss.resize(i + 1);
        mem.pss[i] = p.pss_bytes;
        pss_sum += p.pss_bytes;
    }
    trace.memory.append(std::move(mem));
    // Hosts are sampled apart: the run's total is every host's latest sum.
    trace.host_pss_now[static_cast<std::size_t>(host)] = pss_sum;
    pss_sum = 0;
    for (uint64_t v : trace.host_pss_now) pss_sum += v;
    if (pss_sum > trace.peak_pss_sum) {
        trace.peak_pss_sum = pss_sum;
        trace.peak_pss_t = t;
    }
}

}  // namespace

const std::string& workerHost(const RunTrace& trace, int worker) {
    static const std::string kNone;
    return worker >= 0 && static_cast<std::size_t>(worker) < trace.worker_hosts.size()
               ? trace.worker_hosts[static_cast<std::size_t>(worker)]
               : kNone;
}

void dropChunkDetail(RunTrace& trace) {
    trace.chunks = {};
    trace.buckets = {};
    if (trace.result) trace.result->chunk_records = {};
}

bool absorb(RunTrace& trace, const StreamRun& run, int64_t origin_ns) {
    bool changed = false;
    if (trace.run_id.empty()) {
        trace.run_id = run.run_id;
        trace.label = run.label;
        trace.config = run.config;
        trace.serial = run.config.backend == Backend::Serial;
        trace.start_s = seconds(run.start_t_ns - origin_ns);
        trace.items_total = run.config.size;
        trace.progress.append(0, 0);
        trace.origin_ns = origin_ns;
        changed = true;
    }
    if (trace.seen_chunks < run.chunks.size()) {
        trace.chunks.insert(trace.chunks.end(),
                            run.chunks.begin() + static_cast<std::ptrdiff_t>(trace.seen_chunks),
                            run.chunks.end());
        trace.seen_chunks = run.chunks.size();
        changed = true;
    }
    // A bucket can grow across batches without the count changing: compare what they hold.
    const auto held = [](const std::vector<ChunkBucket>& b) {
        uint64_t chunks = 0;
        for (const auto& x : b) chunks += x.chunks;
        return chunks;
    };
    if (run.buckets.size() != trace.buckets.size() || run.aggregated != trace.aggregated ||
        held(run.buckets) != held(trace.buckets)) {
        trace.buckets = run.buckets;  // the parser keeps them merged
        trace.aggregated = run.aggregated;
        changed = true;
    }
    for (; trace.seen_progress < run.progress.size(); ++trace.seen_progress) {
        const auto& p = run.progress[trace.seen_progress];
        trace.items_done = p.items_done;
        trace.items_total = p.items_total;
        trace.progress.append(seconds(p.t_ns - run.start_t_ns), static_cast<double>(p.items_done));
        changed = true;
    }
    // seen_samples counts every sample taken in, released ones (the parser's front) included.
    if (trace.seen_samples < run.samples_released) trace.seen_samples = run.samples_released;
    for (; trace.seen_samples < run.samples_released + run.samples.size(); ++trace.seen_samples) {
        absorb_sample(trace, run.samples[trace.seen_samples - run.samples_released], origin_ns);
        changed = true;
    }
    for (; trace.seen_workers < run.workers.size(); ++trace.seen_workers) {
        const auto& w = run.workers[trace.seen_workers];
        trace.worker_events.push_back(w);
        if (!w.host.empty() && w.worker >= 0 && w.worker < (1 << 20)) {
            const auto index = static_cast<std::size_t>(w.worker);
            if (trace.worker_hosts.size() <= index) trace.worker_hosts.resize(index + 1);
            trace.worker_hosts[index] = w.host;
        }
        if (w.state == "started") ++trace.workers_started;
        if (w.state == "ready") ++trace.workers_ready;
        if (w.state == "exited") ++trace.workers_exited;
        changed = true;
    }
    for (; trace.seen_errors < run.errors.size(); ++trace.seen_errors) {
        trace.errors.push_back(run.errors[trace.seen_errors]);
        changed = true;
    }
    if (run.result && !trace.result) {
        trace.result = run.result;
        const RunResult& r = *run.result;
        trace.end_s = seconds(r.end_ns - origin_ns);
        trace.items_done = r.checksum_items;
        trace.items_total = r.items;
        const double wall_end = seconds(r.end_ns - run.start_t_ns);
        trace.progress.append(wall_end, static_cast<double>(r.checksum_items));
        changed = true;
    }
    return changed;
}

}  // namespace poolscope::ui
