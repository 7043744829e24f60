#include "core/engine/pool_runner.h"

#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <new>

#include "core/engine/breakdown.h"
#include "core/engine/child_process.h"
#include "core/engine/pool_dispatch.h"
#include "core/engine/pool_queue.h"
#include "core/engine/pool_results.h"
#include "core/engine/pool_state.h"
#include "core/engine/run_loop.h"
#include "core/engine/worker_launcher.h"
#include "core/platform/clock.h"
#include "core/protocol/messages.h"
#include "core/telemetry/run_telemetry.h"

namespace poolscope {

namespace {

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
        add_error(st, RunError{.code = "shm_failed", .message = *e});
        return false;
    }
    if (queue)
        if (auto e = open_queue(st)) {
            add_error(st, RunError{.code = "start_failed", .message = *e});
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
    if (st.board.valid()) st.board.results().reset(index);  // a replacement starts afresh
    if (auto err = launch_worker(*st.ctx, index, w, seg ? &st.shm : nullptr, st.queue_read_fd)) {
        add_error(st,
                  RunError{.code = "start_failed",
                           .message = "cannot start worker " + std::to_string(index) + ": " + *err,
                           .worker = index});
        return false;
    }
    slot = WorkerSlot{};
    slot.index = index;
    slot.pid = w.pid;
    slot.pidfd = w.pidfd;
    slot.task_fd = w.task_fd;
    slot.results = FrameChannel(w.result_fd, st.ctx->config.max_frame);
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
            if (s.alive && s.exited_ns == 0) {
                kill(s.pid, SIGKILL);
                break;
            }
    }
    for (auto& s : st.slots) {
        if (s.alive && s.doomed && s.kill_at_ns > 0 && now >= s.kill_at_ns) kill(s.pid, SIGKILL);
        if (cfg.task_timeout_s <= 0 || !s.alive || s.doomed || s.exited_ns > 0 ||
            s.inflight.empty())
            continue;
        // With the shared queue, the chunk it runs may sit behind finished ones whose results
        // wait in its batch: its own claim is when it began.
        const bool queued = st.board.valid() && st.claim_ns.size() == st.plan.size();
        const std::size_t at = first_unfinished(st, s);
        if (at == s.inflight.size()) continue;  // all finished: the results are on their way
        const uint64_t id = s.inflight[at];
        const int64_t since = queued ? st.claim_ns[id] : s.busy_since_ns;
        if (now - since < static_cast<int64_t>(cfg.task_timeout_s * 1e9)) continue;
        RunError e{.code = "timeout",
                   .message = "worker " + std::to_string(s.index) + " (pid " +
                              std::to_string(s.pid) + ") exceeded --task-timeout " +
                              std::to_string(cfg.task_timeout_s) + " s on chunk " +
                              std::to_string(id) + "; ended it",
                   .worker = s.index,
                   .pid = s.pid,
                   .chunk = static_cast<int64_t>(id)};
        end_worker(s, now);
        release_inflight(st, s, e, at);
    }
}

// --reap-delay-ms: a worker whose exit was seen stays a zombie until this time; a stopping run
// reaps at once (Stop ends a run within a second whatever the delay).
int64_t reap_at_ns(const PoolState& st, const WorkerSlot& s) {
    if (st.stopping) return s.exited_ns;
    return s.exited_ns + int64_t{st.ctx->config.reap_delay_ms} * 1'000'000;
}

void reap(PoolState& st, WorkerSlot& s) {
    if (auto status = try_reap(s.pidfd)) {
        s.exited_ns = 0;
        on_worker_exit(st, s, *status);
    }
}

// The worker behind s has exited (its pidfd is readable): reap it now, or with a reap delay
// note when, and leave it a zombie until then.
void on_exit_seen(PoolState& st, WorkerSlot& s, int64_t now) {
    drain_results(st, s);  // results sent before it died still count
    collect_results(st, s);
    if (st.ctx->config.reap_delay_ms <= 0 || st.stopping) return reap(st, s);
    if (s.exited_ns == 0) s.exited_ns = now;
}

void reap_due(PoolState& st, int64_t now) {
    for (auto& s : st.slots)
        if (s.exited_ns > 0 && now >= reap_at_ns(st, s)) reap(st, s);
}

// Before the process list is sampled: every worker that has exited since the last poll is
// seen now, so a pool that reaps at once never shows a zombie merely because its exit came
// between the poll and the sample.
void see_exits(PoolState& st, int64_t now) {
    std::vector<pollfd> fds;
    std::vector<std::size_t> at;
    for (std::size_t i = 0; i < st.slots.size(); ++i)
        if (st.slots[i].pidfd >= 0 && st.slots[i].exited_ns == 0)
            fds.push_back({st.slots[i].pidfd, POLLIN, 0}), at.push_back(i);
    if (fds.empty() || poll(fds.data(), fds.size(), 0) <= 0) return;
    for (std::size_t k = 0; k < fds.size(); ++k)
        if (fds[k].revents) on_exit_seen(st, st.slots[at[k]], now);
}

// The soonest clock deadline of the pool's own: a doomed worker's kill, an exited one's reap.
int64_t next_deadline_ns(const PoolState& st) {
    int64_t t = 0;
    auto sooner = [&t](int64_t d) { t = t == 0 ? d : std::min(t, d); };
    for (const auto& s : st.slots) {
        if (s.alive && s.doomed && s.kill_at_ns > 0) sooner(s.kill_at_ns);
        if (s.exited_ns > 0) sooner(reap_at_ns(st, s));
    }
    return t;
}

std::vector<ProcessRef> process_refs(const PoolState& st) {
    std::vector<ProcessRef> refs{{getpid(), "engine", -1}};
    for (const auto& s : st.slots)
        if (s.alive) refs.push_back({s.pid, "worker", s.index, s.ready});
    return refs;
}

void poll_once(PoolState& st, RunTelemetry& tel) {
    PollSet& set = st.poll_set;
    watch_stops(st);
    if (queue_wants_write(st)) set.add(st.queue_fd, POLLOUT, [&st](short) { feed_queue(st); });
    for (auto& s : st.slots) {
        if (s.results.is_open())
            set.add(s.results.fd(), POLLIN, [&st, &s](short) { drain_results(st, s); });
        if (s.task_fd >= 0 && s.out_off < s.outbuf.size())
            set.add(s.task_fd, POLLOUT, [&s](short) { flush_tasks(s); });
        if (s.pidfd >= 0 && s.exited_ns == 0)  // a zombie left unreaped stays readable
            set.add(s.pidfd, POLLIN, [&st, &s](short) { on_exit_seen(st, s, monotonic_ns()); });
    }
    const int64_t now = monotonic_ns();
    const bool watchdog = st.ctx->config.task_timeout_s > 0 || st.ctx->faults.kill_at_s;
    int timeout = turn_timeout_ms(*st.ctx, tel, now, next_deadline_ns(st), watchdog);
    // Results in place: workers wake the engine only while it says it sleeps; it looks at the
    // rings once more after saying so (result_slots.h).
    const bool rings = st.use_shm && st.board.valid() && timeout > 0;
    if (rings) {
        st.board.results().set_sleeping(true);
        if (collect_all_results(st)) timeout = 0;
    }
    const bool ok = set.wait(timeout, [&] {
        if (rings) st.board.results().set_sleeping(false);
    });
    if (!ok) begin_stop(st, monotonic_ns());
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
    collect_all_results(st);
    const int64_t now = monotonic_ns();
    reap_due(st, now);
    check_deadlines(st, now);
    open_warm_dispatch(st);
    for (auto& s : st.slots) {
        replace_if_needed(st, s);
        dispatch_tasks(st, s);
    }
    feed_queue(st);
    if (tel.ms_until_due(now) == 0) {  // building the process list costs; only when due
        see_exits(st, now);
        if (auto sample = tel.sample_if_due(now, process_refs(st)))
            ctx.observer->on_sample(ctx.run_id, *sample);
    }
    report_turn(ctx, st.items_done, st.finished_count, st.plan.size(), now);
}

}  // namespace

RunResult run_pool(const RunContext& ctx) {
    PoolState st;
    init_pool_state(st, ctx);
    RunTelemetry tel(ctx.config.sample_ms);
    st.t0 = monotonic_ns();
    ctx.observer->on_run_start(ctx.run_id, ctx.config, ctx.machine, st.t0);
    if (!prepare_segment(st)) begin_stop(st, st.t0);
    for (int i = 0; i < ctx.config.workers && !st.stopping; ++i)
        if (!start_worker(st, st.slots[static_cast<std::size_t>(i)], i))
            begin_stop(st, monotonic_ns());
    init_pool_plan(st);
    if (st.stopping) st.queue.clear(), st.own.assign(st.own.size(), {});
    while (any_alive(st)) {
        try {
            pool_turn(st, tel);
        } catch (const std::bad_alloc&) {
            out_of_memory(st);
        }
    }
    report_final(ctx, st.items_done, st.finished_count, st.plan.size(), monotonic_ns());
    close_queue(st);
    finish_pool(st, tel, monotonic_ns());
    ctx.observer->on_run_end(st.result);
    return std::move(st.result);
}

}  // namespace poolscope
