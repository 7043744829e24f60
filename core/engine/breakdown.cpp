#include "core/engine/breakdown.h"

#include <algorithm>
#include <map>

#include "core/platform/clock.h"

namespace poolscope {

int64_t send_end_ns(const ChunkRecord& c, int64_t next_recv_start_ns) {
    int64_t end = c.received_ns;
    if (next_recv_start_ns > 0) end = std::min(end, next_recv_start_ns);
    return std::max(end, c.ser_end_ns);
}

namespace {

int64_t span_ns(int64_t a, int64_t b) {
    return b > a ? b - a : 0;
}

}  // namespace

Breakdown compute_breakdown(std::span<const ChunkRecord> chunks,
                            const std::vector<WorkerRecord>& workers, const TimelineBounds& b) {
    Breakdown out;
    const int W = static_cast<int>(workers.size());
    const int64_t wall = span_ns(b.t0, b.t_end);
    int64_t startup = 0, teardown = 0, ser = 0, transfer = 0, compute = 0;
    for (const auto& w : workers) {
        const int64_t ready = w.ready_ns > 0 ? std::min(w.ready_ns, b.t_end)
                                             : (w.exited_ns > 0 ? w.exited_ns : b.t_end);
        if (b.count_startup) startup += span_ns(b.t0, std::min(ready, b.t_end));
        teardown += span_ns(std::max({b.t_last, ready, b.t0}), b.t_end);
    }
    // Per worker, chunks in the order it received them, to clip each send at the next read.
    std::map<int, std::vector<const ChunkRecord*>> by_worker;
    for (const auto& c : chunks)
        if (c.ok || c.received_ns > 0) by_worker[c.worker].push_back(&c);
    for (auto& [w, list] : by_worker) {
        const auto by_start = [](auto* x, auto* y) { return x->recv_start_ns < y->recv_start_ns; };
        // Chunk ids follow the order workers took them: usually sorted already (sorting 10⁶
        // records was about 5 % of the engine's CPU in a chunksize-1 run).
        if (!std::is_sorted(list.begin(), list.end(), by_start))
            std::sort(list.begin(), list.end(), by_start);
        for (std::size_t i = 0; i < list.size(); ++i) {
            const ChunkRecord& c = *list[i];
            const int64_t next = i + 1 < list.size() ? list[i + 1]->recv_start_ns : 0;
            transfer += span_ns(c.recv_start_ns, c.recv_end_ns) +
                        span_ns(c.ser_end_ns, send_end_ns(c, next));
            ser += span_ns(c.recv_end_ns, c.compute_start_ns) +
                   span_ns(c.compute_end_ns, c.ser_end_ns);
            compute += span_ns(c.compute_start_ns, c.compute_end_ns);
        }
    }
    out.startup = ns_to_s(startup);
    out.teardown = ns_to_s(teardown);
    out.serialization = ns_to_s(ser);
    out.transfer = ns_to_s(transfer);
    out.compute = ns_to_s(compute);
    // The remainder, computed in integer ns so the parts add up to W·wall exactly.
    const int64_t idle = int64_t{W} * wall - (startup + teardown + ser + transfer + compute);
    out.idle = ns_to_s(idle);
    return out;
}

}  // namespace poolscope
