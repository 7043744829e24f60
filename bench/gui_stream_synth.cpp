#include "gui_stream_synth.h"

#include <fcntl.h>
#include <unistd.h>

#include <cmath>
#include <fstream>

#include "core/events/event_stream_writer.h"
#include "core/platform/machine_info.h"

namespace poolscope::bench {

namespace {

constexpr int64_t kOrigin = 1'000'000'000'000;  // any CLOCK_MONOTONIC-like origin
constexpr int64_t kSampleNs = 100'000'000;

Sample sample_at(const SynthRun& r, int64_t t, int index) {
    Sample s;
    s.t_ns = t;
    for (int c = 0; c < r.cores; ++c)  // busy cores with a little texture, one core lighter
        s.core_util.push_back(c == index % r.cores ? 0.55
                                                   : 0.92 + 0.06 * std::sin(c + index * 0.3));
    s.core_steal.assign(static_cast<std::size_t>(r.cores), 0.0);
    s.machine_util = 0.9;
    uint64_t rss = 0, pss = 0;
    for (int w = -1; w < r.workers; ++w) {
        ProcessSample p;
        p.pid = 1000 + w + 1;
        p.role = w < 0 ? "engine" : "worker";
        p.worker = w;
        p.rss_bytes = (w < 0 ? 220u : 30u) << 20;
        p.pss_bytes = (w < 0 ? 200u : 12u) << 20;
        p.uss_bytes = (w < 0 ? 190u : 8u) << 20;
        p.cpu_util = 0.9;
        p.last_cpu = (w + 1) % r.cores;
        p.state = 'R';
        rss += p.rss_bytes;
        pss += p.pss_bytes;
        s.processes.push_back(p);
    }
    s.rss_sum_bytes = rss;
    s.pss_sum_bytes = pss;
    return s;
}

}  // namespace

long write_synth_stream(const SynthRun& r, const std::string& path) {
    const int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) return -1;
    MachineInfo machine;
    machine.usable_cores = machine.online_cores = r.cores;
    {
        EventStreamOptions options;
        options.buffer_bytes = std::size_t{1} << 30;  // a file never pushes back: drop nothing
        EventStreamWriter writer(fd, kOrigin, machine, options);
        RunConfig cfg;
        cfg.workload = "square";
        cfg.size = r.tasks;
        cfg.workers = r.workers;
        cfg.chunksize = 1;
        const std::string id = "1";
        const int64_t start = kOrigin + 1'000'000;
        const int64_t end = start + static_cast<int64_t>(r.seconds * 1e9);
        writer.on_run_start(id, cfg, machine, start);
        for (int w = 0; w < r.workers; ++w) {
            writer.on_worker({id, w, 1001 + w, "started", -1, 0, start});
            writer.on_worker({id, w, 1001 + w, "ready", -1, 0, start + 2'000'000});
        }
        const uint64_t chunks = r.chunks ? r.tasks : 0;
        const double per_chunk = static_cast<double>(end - start) / std::max<uint64_t>(chunks, 1);
        uint64_t done = 0;
        int sample_index = 0;
        for (int64_t t = start; t <= end; t += kSampleNs / 10) {  // 10 ms steps of the run
            const uint64_t due =
                chunks ? std::min<uint64_t>(chunks, static_cast<uint64_t>((t - start) / per_chunk))
                       : static_cast<uint64_t>((t - start) / (double)(end - start) * r.tasks);
            for (; r.chunks && done < due; ++done) {
                ChunkRecord c;
                c.id = done;
                c.first = done;
                c.count = 1;
                c.worker = static_cast<int>(done % static_cast<uint64_t>(r.workers));
                const auto at = start + static_cast<int64_t>(done * per_chunk);
                c.dispatch_ns = at;
                c.recv_start_ns = at + 2000;
                c.recv_end_ns = at + 3000;
                c.compute_start_ns = at + 3500;
                c.compute_end_ns = at + static_cast<int64_t>(per_chunk * r.workers) - 3000;
                c.ser_end_ns = c.compute_end_ns + 500;
                c.received_ns = c.ser_end_ns + 2000;
                c.bytes_in = c.bytes_out = 64;
                c.ok = true;
                writer.on_chunk(id, c);
            }
            if (!r.chunks) done = due;
            if ((t - start) % kSampleNs == 0) writer.on_sample(id, sample_at(r, t, sample_index++));
            writer.on_progress({id, done, r.tasks, done, chunks, t});
            writer.on_tick(t);
        }
        RunResult result;
        result.config = cfg;
        result.machine = machine;
        result.run_id = id;
        result.label = describe(cfg);
        result.workers = r.workers;
        result.wall_s = r.seconds;
        result.items = result.checksum_items = r.tasks;
        result.chunks = result.chunks_done = chunks;
        result.start_ns = start;
        result.end_ns = end;
        writer.on_run_end(result);
        writer.finish();
    }
    close(fd);
    std::ifstream in(path);
    long lines = 0;
    for (std::string line; std::getline(in, line);) ++lines;
    return lines;
}

}  // namespace poolscope::bench
