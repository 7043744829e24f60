#include "core/engine/pool_runner.h"

#include <poll.h>
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <new>

#include "core/engine/breakdown.h"
#include "core/engine/child_process.h"
#include "core/engine/pool_queue.h"
#include "core/engine/pool_results.h"
#include "core/engine/pool_state.h"
#include "core/engine/worker_launcher.h"
#include "core/platform/clock.h"
#include "core/protocol/messages.h"
#include "core/telemetry/run_telemetry.h"

namespace poolscope {

namespace {

void init_state(PoolState& st, const RunContext& ctx) {
    const RunConfig& cfg = ctx.config;
    st.ctx = &ctx;
    st.slots.resize(static_cast<std::size_t>(cfg.workers));
    // imap's bounded buffer: at most this many chunks beyond the oldest undelivered one.
    st.imap_window = 2 * kInflightPerWorker * static_cast<uint64_t>(cfg.workers);
    st.dispatch_open = cfg.pool == PoolLifetime::Cold;
    st.result = blank_result(ctx);
}

// The chunk plan and its bookkeeping (about 200 bytes per chunk) are built after the workers
// are forked, so a million-chunk run does not hand every worker a copy of them.
void init_plan(PoolState& st) {
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

// The run's shared segment: the task board of a shared queue, and with --transport shm every
// input and output; the engine writes the inputs into it once (timed: it is the engine's
// serialization for this transport).
bool prepare_segment(PoolState& st) {
    const RunConfig& cfg = st.ctx->config;
    const bool shm = cfg.transport == Transport::Shm, queue = uses_queue(cfg);
    if (!shm && !queue) return true;
    const Workload& wl = *st.ctx->workload;
    const uint64_t n = shm ? cfg.size : 0, inb = wl.input_bytes(), outb = wl.output_bytes();
    if (auto e = st.shm.create(n * inb, n * outb, shm && st.ctx->faults.shm_full,
                               queue ? TaskBoard::bytes() : 0)) {
        add_error(st, {"shm_failed", *e, -1, 0, 0, -1, -1});
        return false;
    }
    if (queue)
        if (auto e = open_queue(st)) {
            add_error(st, {"start_failed", *e, -1, 0, 0, -1, -1});
            return false;
        }
    if (!shm) return true;
    st.use_shm = true;
    const int64_t t = monotonic_ns();
    const auto in = st.shm.inputs();
    for (uint64_t i = 0; i < n; ++i) wl.read_input(i, in.subspan(i * inb, inb));
    st.shm_fill_ns = monotonic_ns() - t;
    return true;
}

bool start_worker(PoolState& st, WorkerSlot& slot, int index) {
    LaunchedWorker w;
    const int64_t now = monotonic_ns();
    const bool seg = st.use_shm || st.board.valid();
    if (auto err = launch_worker(*st.ctx, index, w, seg ? &st.shm : nullptr, st.queue_read_fd)) {
        add_error(st, {"start_failed", "cannot start worker " + std::to_string(index) + ": " + *err,
                       index, 0, 0, -1, -1});
        return false;
    }
    slot = WorkerSlot{};
    slot.index = index;
    slot.pid = w.pid;
    slot.pidfd = w.pidfd;
    slot.task_fd = w.task_fd;
    slot.result_fd = w.result_fd;
    slot.decoder = FrameDecoder(st.ctx->config.max_frame);
    slot.alive = true;
    slot.busy_since_ns = now;
    slot.record = st.result.worker_records.size();
    WorkerRecord rec;
    rec.index = index;
    rec.pid = w.pid;
    rec.started_ns = now;
    st.result.worker_records.push_back(rec);
    st.ctx->observer->on_worker({st.ctx->run_id, index, w.pid, "started", -1, 0, now});
    return true;
}

void flush(WorkerSlot& slot) {
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

// static: the worker's own block, through its own pipe.
void encode_task(PoolState& st, WorkerSlot& slot, uint64_t id) {
    encode_task_frame(st, slot.outbuf, id);
    st.chunks[id].worker = slot.index;
    if (slot.inflight.empty()) slot.busy_since_ns = st.chunks[id].dispatch_ns;
    slot.inflight.push_back(id);
}

void dispatch(PoolState& st, WorkerSlot& slot) {
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
    flush(slot);
}

// Work remains but this slot's worker is gone: start a replacement (retry / skip).
void replace_if_needed(PoolState& st, WorkerSlot& slot) {
    if (slot.alive || st.stopping || st.joining || slot.pidfd >= 0) return;
    const bool work_left = st.plan.empty() || st.plan[0].worker < 0
                               ? queue_has_work(st)
                               : !st.own[static_cast<std::size_t>(slot.index)].empty();
    if (!work_left) return;
    if (!start_worker(st, slot, slot.index)) begin_stop(st, monotonic_ns());
}

void check_deadlines(PoolState& st, int64_t now) {
    const auto& cfg = st.ctx->config;
    if (st.ctx->faults.kill_at_s && !st.kill_injected &&
        now - st.t0 >= static_cast<int64_t>(*st.ctx->faults.kill_at_s * 1e9)) {
        st.kill_injected = true;  // stands in for the OOM killer: SIGKILL from outside
        for (auto& s : st.slots)
            if (s.alive) {
                kill(s.pid, SIGKILL);
                break;
            }
    }
    for (auto& s : st.slots) {
        if (s.alive && s.doomed && s.kill_at_ns > 0 && now >= s.kill_at_ns) kill(s.pid, SIGKILL);
        if (cfg.task_timeout_s <= 0 || !s.alive || s.doomed || s.inflight.empty()) continue;
        if (now - s.busy_since_ns < static_cast<int64_t>(cfg.task_timeout_s * 1e9)) continue;
        const uint64_t id = s.inflight.front();
        RunError e{"timeout",
                   "worker " + std::to_string(s.index) + " (pid " + std::to_string(s.pid) +
                       ") exceeded --task-timeout " + std::to_string(cfg.task_timeout_s) +
                       " s on chunk " + std::to_string(id) + "; ended it",
                   s.index,
                   s.pid,
                   0,
                   static_cast<int64_t>(id),
                   -1};
        end_worker(s, now);
        release_inflight(st, s, e);
    }
}

int poll_timeout_ms(const PoolState& st, const RunTelemetry& tel, int64_t now) {
    int64_t t = 200;
    const int due = tel.ms_until_due(now);
    if (due >= 0) t = std::min<int64_t>(t, due);
    const int tick = st.ctx->observer->ms_until_tick(now);
    if (tick >= 0) t = std::min<int64_t>(t, tick);
    for (const auto& s : st.slots)
        if (s.alive && s.doomed && s.kill_at_ns > 0)
            t = std::min<int64_t>(t, std::max<int64_t>(0, (s.kill_at_ns - now) / 1'000'000 + 1));
    if (st.ctx->config.task_timeout_s > 0 || st.ctx->faults.kill_at_s) t = std::min<int64_t>(t, 20);
    return static_cast<int>(std::max<int64_t>(t, 0));
}

std::vector<ProcessRef> process_refs(const PoolState& st) {
    std::vector<ProcessRef> refs{{getpid(), "engine", -1}};
    for (const auto& s : st.slots)
        if (s.alive) refs.push_back({s.pid, "worker", s.index, s.ready});
    return refs;
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
bool all_ready(const PoolState& st) {
    return std::all_of(st.slots.begin(), st.slots.end(),
                       [](const auto& s) { return s.ready || !s.alive; });
}

bool any_alive(const PoolState& st) {
    return std::any_of(st.slots.begin(), st.slots.end(), [](const auto& s) { return s.alive; });
}

void poll_once(PoolState& st, RunTelemetry& tel) {
    std::vector<pollfd> fds;
    // (slot or -1-stop index, kind 0=result 1=task 2=pidfd 3=stop 4=shared task pipe)
    std::vector<std::pair<int, int>> who;
    for (std::size_t i = 0; i < st.ctx->stops.size(); ++i) {
        if (st.stopping) break;
        fds.push_back({st.ctx->stops[i]->fd(), POLLIN, 0});
        who.push_back({-1 - static_cast<int>(i), 3});
    }
    if (queue_wants_write(st)) fds.push_back({st.queue_fd, POLLOUT, 0}), who.push_back({0, 4});
    for (auto& s : st.slots) {
        if (s.result_fd >= 0) fds.push_back({s.result_fd, POLLIN, 0}), who.push_back({s.index, 0});
        if (s.task_fd >= 0 && s.out_off < s.outbuf.size())
            fds.push_back({s.task_fd, POLLOUT, 0}), who.push_back({s.index, 1});
        if (s.pidfd >= 0) fds.push_back({s.pidfd, POLLIN, 0}), who.push_back({s.index, 2});
    }
    const int64_t now = monotonic_ns();
    const int r = poll(fds.data(), fds.size(), poll_timeout_ms(st, tel, now));
    if (r < 0 && errno != EINTR) begin_stop(st, monotonic_ns());
    for (std::size_t i = 0; r > 0 && i < fds.size(); ++i) {
        if (!fds[i].revents) continue;
        auto [idx, kind] = who[i];
        if (kind == 3) {
            if (st.ctx->stops[static_cast<std::size_t>(-1 - idx)]->check() && !st.stopping) {
                st.interrupted = true;
                begin_stop(st, monotonic_ns());
            }
            continue;
        }
        if (kind == 4) {
            feed_queue(st);
            continue;
        }
        WorkerSlot& s = st.slots[static_cast<std::size_t>(idx)];
        if (kind == 0) drain_results(st, s);
        if (kind == 1) flush(s);
        if (kind == 2) {
            drain_results(st, s);  // results sent before it died still count
            if (auto status = try_reap(s.pidfd)) on_worker_exit(st, s, *status);
        }
    }
}

void finish(PoolState& st, RunTelemetry& tel, int64_t t_end) {
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
        r.errors.push_back({"interrupted", why, -1, 0, 0, -1, -1});
    }
    r.memory = tel.memory();
    r.cpu = tel.cpu();
}

// One turn of the loop: poll, deadlines, dispatch, telemetry, progress.
void pool_turn(PoolState& st, RunTelemetry& tel) {
    const RunContext& ctx = *st.ctx;
    if (!st.joining && !st.stopping && st.finished_count == st.plan.size() && all_ready(st)) {
        st.joining = true;  // closing the task pipes is the pool's close(); workers exit
        // The last sample while every worker still lives, so even a run shorter than the
        // sampling period has CPU, per-core and memory figures (the first one is taken on
        // the loop's first turn).
        if (tel.enabled())
            ctx.observer->on_sample(ctx.run_id, tel.sample_now(monotonic_ns(), process_refs(st)));
        for (auto& s : st.slots) close_fd(s.task_fd);
        close_queue(st);
    }
    poll_once(st, tel);
    note_claims(st);
    const int64_t now = monotonic_ns();
    check_deadlines(st, now);
    open_warm_dispatch(st);
    for (auto& s : st.slots) {
        replace_if_needed(st, s);
        dispatch(st, s);
    }
    feed_queue(st);
    if (tel.ms_until_due(now) == 0)  // building the process list costs; only when due
        if (auto sample = tel.sample_if_due(now, process_refs(st)))
            ctx.observer->on_sample(ctx.run_id, *sample);
    // Progress and the tick when the observer is due (0) or has no timing of its own (-1):
    // an event stream coalesces progress to its flushes anyway, so at chunksize 1 this
    // saves it two calls on nearly every turn.
    if (ctx.observer->ms_until_tick(now) <= 0) {
        ctx.observer->on_progress(
            {ctx.run_id, st.items_done, ctx.config.size, st.finished_count, st.plan.size(), now});
        ctx.observer->on_tick(now);
    }
}

}  // namespace

RunResult run_pool(const RunContext& ctx) {
    PoolState st;
    init_state(st, ctx);
    RunTelemetry tel(ctx.config.sample_ms);
    st.t0 = monotonic_ns();
    ctx.observer->on_run_start(ctx.run_id, ctx.config, ctx.machine, st.t0);
    if (!prepare_segment(st)) begin_stop(st, st.t0);
    for (int i = 0; i < ctx.config.workers && !st.stopping; ++i)
        if (!start_worker(st, st.slots[static_cast<std::size_t>(i)], i))
            begin_stop(st, monotonic_ns());
    init_plan(st);
    if (st.stopping) st.queue.clear(), st.own.assign(st.own.size(), {});
    while (any_alive(st)) {
        try {
            pool_turn(st, tel);
        } catch (const std::bad_alloc&) {
            out_of_memory(st);
        }
    }
    // The last figures, whatever the observer's timing skipped.
    ctx.observer->on_progress({ctx.run_id, st.items_done, ctx.config.size, st.finished_count,
                               st.plan.size(), monotonic_ns()});
    close_queue(st);
    finish(st, tel, monotonic_ns());
    ctx.observer->on_run_end(st.result);
    return std::move(st.result);
}

}  // namespace poolscope
