#include "core/engine/pool_dispatch.h"

#include <unistd.h>

#include <algorithm>
#include <cerrno>

#include "core/engine/breakdown.h"
#include "core/engine/derived_figures.h"
#include "core/engine/pool_queue.h"
#include "core/engine/pool_results.h"
#include "core/engine/pool_runner.h"
#include "core/platform/clock.h"
#include "core/protocol/messages.h"

namespace poolscope {

void init_pool_state(PoolState& st, const RunContext& ctx) {
    const RunConfig& cfg = ctx.config;
    st.ctx = &ctx;
    st.slots.resize(static_cast<std::size_t>(cfg.workers));
    // imap's bounded buffer: at most this many chunks beyond the oldest undelivered one.
    st.imap_window = 2 * kInflightPerWorker * static_cast<uint64_t>(cfg.workers);
    st.dispatch_open = cfg.pool == PoolLifetime::Cold;
    st.result = blank_result(ctx);
    st.errors.emplace(ctx, st.result);
}

// The chunk plan and its bookkeeping (about 200 bytes per chunk) are built after the workers
// are forked, so a million-chunk run does not hand every worker a copy of them.
void init_pool_plan(PoolState& st) {
    const RunConfig& cfg = st.ctx->config;
    st.plan = plan_chunks(cfg.size, effective_chunksize(cfg), cfg.dispatch, cfg.workers);
    st.chunks.resize(st.plan.size());
    st.attempts.assign(st.plan.size(), 0);
    st.finished.assign(st.plan.size(), false);
    st.own.resize(static_cast<std::size_t>(cfg.workers));
    for (uint64_t i = 0; i < st.plan.size(); ++i) {
        st.chunks[i].id = i;
        st.chunks[i].first = st.plan[i].first;
        st.chunks[i].count = st.plan[i].count;
        if (st.plan[i].worker >= 0)
            st.own[static_cast<std::size_t>(st.plan[i].worker)].push_back(i);
        else
            st.queue.push_back(i);
    }
    st.settled.assign(st.plan.size(), false);
    st.result.chunks = st.plan.size();
}

void flush_tasks(WorkerSlot& slot) {
    while (slot.task_fd >= 0 && slot.out_off < slot.outbuf.size()) {
        const ssize_t n = write(slot.task_fd, slot.outbuf.data() + slot.out_off,
                                slot.outbuf.size() - slot.out_off);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) break;  // EAGAIN (or EPIPE: its death shows up on the pidfd)
        slot.out_off += static_cast<std::size_t>(n);
    }
    if (slot.out_off == slot.outbuf.size()) {
        slot.outbuf.clear();
        slot.out_off = 0;
    }
}

namespace {

// The slot's own pipe (static's blocks; the MPI backend's ranks).
void encode_task(PoolState& st, WorkerSlot& slot, uint64_t id) {
    encode_task_frame(st, slot.outbuf, id);
    st.chunks[id].worker = slot.index;
    if (slot.inflight.empty()) slot.busy_since_ns = st.chunks[id].dispatch_ns;
    slot.inflight.push_back(id);
}

}  // namespace

void dispatch_tasks(PoolState& st, WorkerSlot& slot) {
    if (!slot.ready || !slot.alive || slot.doomed || st.stopping || slot.task_fd < 0) return;
    auto& q = st.plan.empty() || st.plan[0].worker < 0
                  ? st.queue
                  : st.own[static_cast<std::size_t>(slot.index)];
    if (!st.dispatch_open) return;
    const bool imap = st.ctx->config.dispatch == Dispatch::Imap;
    while (slot.inflight.size() < kInflightPerWorker && !q.empty()) {
        const uint64_t id = q.front();
        if (imap && id >= st.deliver_next + st.imap_window) break;  // the ordered buffer is full
        q.pop_front();
        encode_task(st, slot, id);
    }
    flush_tasks(slot);
}

// Warm pools: the clock starts once every worker is ready, at the first dispatch.
void open_warm_dispatch(PoolState& st) {
    if (st.dispatch_open || st.stopping) return;
    for (const auto& s : st.slots)
        if (!s.ready) return;
    st.dispatch_open = true;
    st.t_dispatch0 = monotonic_ns();
}

// Every live worker has reported ready (the pool is up, even when there is no work).
void watch_stops(PoolState& st) {
    for (auto* src : st.ctx->stops) {
        if (st.stopping) break;
        st.poll_set.add(src->fd(), POLLIN, [&st, src](short) {
            if (src->check() && !st.stopping) {
                st.interrupted = true;
                begin_stop(st, monotonic_ns());
            }
        });
    }
}

bool all_ready(const PoolState& st) {
    return std::all_of(st.slots.begin(), st.slots.end(),
                       [](const auto& s) { return s.ready || !s.alive; });
}

bool any_alive(const PoolState& st) {
    return std::any_of(st.slots.begin(), st.slots.end(), [](const auto& s) { return s.alive; });
}

void finish_pool(PoolState& st, RunTelemetry& tel, int64_t t_end) {
    RunResult& r = st.result;
    int64_t last_ready = st.t0;
    for (const auto& w : r.worker_records) last_ready = std::max(last_ready, w.ready_ns);
    r.startup_s = ns_to_s(last_ready - st.t0);
    if (st.t_last == 0) st.t_last = last_ready;
    r.teardown_s = ns_to_s(t_end - st.t_last);
    r.chunk_records = std::move(st.chunks);
    if (st.ctx->config.pool == PoolLifetime::Warm) {
        // The timed region is first dispatch → last result; start-up and teardown apart.
        const int64_t from = st.t_dispatch0 ? st.t_dispatch0 : st.t_last;
        const int64_t to = std::max(from, st.t_last);
        r.start_ns = from;
        r.end_ns = to;
        r.breakdown = compute_breakdown(r.chunk_records, r.worker_records, {from, to, to, false});
    } else {
        r.start_ns = st.t0;
        r.end_ns = t_end;
        r.breakdown =
            compute_breakdown(r.chunk_records, r.worker_records, {st.t0, t_end, st.t_last, true});
    }
    r.wall_s = ns_to_s(r.end_ns - r.start_ns);
    if (r.config.dispatch == Dispatch::Map || r.config.dispatch == Dispatch::Static)
        for (uint64_t id = 0; id < st.plan.size(); ++id)
            if (st.finished[id]) r.delivery_order.push_back(id);
    r.compute_s = r.breakdown.compute;
    for (const auto& c : r.chunk_records) {
        if (c.ok) ++r.chunks_done;
        r.bytes_to_workers += c.dispatch_ns ? c.bytes_in : 0;
        r.bytes_from_workers += c.bytes_out;
        r.engine_serialize_s += ns_to_s(c.engine_ser_ns);
        r.engine_deserialize_s += ns_to_s(c.engine_deser_ns);
    }
    r.engine_serialize_s += ns_to_s(st.shm_fill_ns);
    r.partial = st.finished_count < st.plan.size() || r.items_failed > 0 || st.interrupted;
    if (st.interrupted) {
        std::string why = "interrupted";
        for (auto* s : st.ctx->stops)
            if (s->check()) why = s->reason();
        add_error(st, RunError{.code = "interrupted", .message = why});
    }
    r.memory = tel.memory();
    r.cpu = tel.cpu();
    // Before the observer sees the result: the event stream's RESULT (what the GUI reads)
    // carries them too.
    add_derived_figures(r);
}

}  // namespace poolscope
