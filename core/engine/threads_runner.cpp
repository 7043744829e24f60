#include "core/engine/threads_runner.h"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <optional>

#include "core/config/chunk_plan.h"
#include "core/engine/breakdown.h"
#include "core/engine/child_process.h"
#include "core/engine/chunk_result.h"
#include "core/engine/frame_channel.h"
#include "core/engine/run_errors.h"
#include "core/engine/run_loop.h"
#include "core/engine/threads_host.h"
#include "core/platform/clock.h"
#include "core/protocol/messages.h"
#include "core/telemetry/run_telemetry.h"

namespace poolscope {

namespace {

struct ThreadsState {
    const RunContext* ctx = nullptr;
    std::vector<ChunkSpec> plan;
    RunResult r;
    std::vector<bool> finished;
    std::vector<int64_t> busy_since;  // per thread: when it took its current chunk, 0 = none
    std::vector<int64_t> current;     // per thread: its current chunk
    uint64_t finished_count = 0, items_done = 0;
    int64_t t0 = 0, t_last = 0, kill_at = 0;
    pid_t pid = -1;
    bool ending = false, interrupted = false;
    std::string stop_reason = "interrupted";  // what asked the run to stop (Ctrl-C, Stop, …)
    std::optional<ErrorSink> errors;
    FrameChannel channel;
};

void end_host(ThreadsState& s, RunError err) {
    if (!err.code.empty()) s.errors->add(std::move(err));
    if (s.ending) return;
    s.ending = true;
    kill(s.pid, SIGTERM);
    s.kill_at = monotonic_ns() + kKillGraceNs;
}

// The accounting step every backend shares (chunk_result.h); the host names the thread.
bool on_result(ThreadsState& s, std::span<const std::byte> payload, int64_t now) {
    PayloadReader rd(payload);
    auto fixed = read_result_fixed(rd);
    if (!fixed || fixed->chunk_id >= s.plan.size() || fixed->worker < 0 ||
        fixed->worker >= static_cast<int64_t>(s.busy_since.size()) || s.finished[fixed->chunk_id])
        return false;
    const uint64_t id = fixed->chunk_id;
    const int worker = static_cast<int>(fixed->worker);
    const ChunkSpec& spec = s.plan[id];
    const auto checked =
        check_chunk_result(std::move(*fixed), rd, spec, s.ctx->workload->output_bytes());
    if (!checked) return false;
    s.r.checksum += checked->checksum;
    s.r.checksum_items += checked->items;
    report_item_failures(*s.errors, *checked, id, worker, s.pid);
    ChunkRecord& c = s.r.chunk_records[id];
    c = ChunkRecord{.id = id,
                    .first = spec.first,
                    .count = spec.count,
                    .dispatch_ns = checked->header.recv_start_ns};
    stamp_chunk(c, *checked, worker, now, payload.size());
    s.r.items_failed += checked->failed;
    s.items_done += spec.count - checked->failed;
    s.finished[id] = true;
    ++s.finished_count;
    s.r.delivery_order.push_back(id);
    s.busy_since[static_cast<std::size_t>(worker)] = 0;
    auto& rec = s.r.worker_records[static_cast<std::size_t>(worker)];
    ++rec.chunks;
    rec.items += spec.count;
    s.t_last = now;
    s.ctx->observer->on_chunk(s.ctx->run_id, c);
    return true;
}

bool on_frame(ThreadsState& s, const Frame& f, int64_t now) {
    if (f.type == FrameType::Result) return on_result(s, f.payload, now);
    if (f.type == FrameType::Ready) {
        const auto m = read_ready(f.payload);
        if (!m || m->index < 0 || m->index >= static_cast<int64_t>(s.busy_since.size()))
            return false;
        auto& rec = s.r.worker_records[static_cast<std::size_t>(m->index)];
        rec.ready_ns = m->ready_ns;
        rec.state = "ready";
        s.ctx->observer->on_worker(
            {s.ctx->run_id, static_cast<int>(m->index), s.pid, "ready", -1, 0, m->ready_ns});
        return true;
    }
    if (f.type == FrameType::Started) {
        const auto m = read_started(f.payload);
        if (!m || m->worker < 0 || m->worker >= static_cast<int64_t>(s.busy_since.size()))
            return false;
        s.busy_since[static_cast<std::size_t>(m->worker)] = m->t_ns;
        s.current[static_cast<std::size_t>(m->worker)] = static_cast<int64_t>(m->chunk_id);
        s.r.chunk_records[m->chunk_id].dispatch_ns = m->t_ns;
        return true;
    }
    const std::string why = f.type == FrameType::Fatal ? read_fatal(f.payload) : "unexpected frame";
    // The host's own fatal frames say what ran out; anything else is a protocol error.
    const bool ran_out = f.type == FrameType::Fatal && !why.starts_with("protocol error");
    end_host(s, RunError{.code = ran_out ? "resources" : "protocol",
                         .message = "threads host (pid " + std::to_string(s.pid) + "): " + why,
                         .pid = s.pid});
    return true;
}

// Reads what the host sent; a stream that ends inside a frame, garbage or a frame that does not
// fit the run is a protocol error that ends the host, what came before it kept.
void pump(ThreadsState& s) {
    if (!s.channel.is_open()) return;
    const auto state =
        s.channel.pump([&](const Frame& f) { return on_frame(s, f, s.channel.read_ns()); });
    if (state == FrameChannel::State::Truncated || state == FrameChannel::State::Malformed)
        end_host(s, protocol_error("threads host (pid " + std::to_string(s.pid) + ")",
                                   s.channel.error(), -1, s.pid));
}

void check_deadlines(ThreadsState& s, int64_t now) {
    if (s.ending) {
        if (s.kill_at && now >= s.kill_at) kill(s.pid, SIGKILL), s.kill_at = 0;
        return;
    }
    const double limit = s.ctx->config.task_timeout_s;
    if (s.ctx->faults.kill_at_s &&
        now - s.t0 >= static_cast<int64_t>(*s.ctx->faults.kill_at_s * 1e9))
        kill(s.pid, SIGKILL);
    if (limit <= 0) return;
    for (std::size_t i = 0; i < s.busy_since.size(); ++i) {
        if (!s.busy_since[i] || now - s.busy_since[i] < static_cast<int64_t>(limit * 1e9)) continue;
        end_host(
            s, RunError{.code = "timeout",
                        .message = "thread " + std::to_string(i) + " exceeded --task-timeout " +
                                   std::to_string(limit) + " s on chunk " +
                                   std::to_string(s.current[i]) + "; ended the threads host (pid " +
                                   std::to_string(s.pid) + ")",
                        .worker = static_cast<int>(i),
                        .pid = s.pid,
                        .chunk = s.current[i]});
        return;
    }
}

pid_t fork_host(ThreadsState& s, ChildPipes& p) {
    const pid_t parent = getpid();
    const pid_t pid = fork_child();
    if (pid == 0) {
        setup_forked_child(p, parent);
        threads_host_main(*s.ctx, s.plan);
    }
    return pid;
}

void finish(ThreadsState& s, RunTelemetry& tel, int64_t t_end,
            const std::optional<ExitStatus>& st) {
    RunResult& r = s.r;
    for (auto& w : r.worker_records) {
        w.exited_ns = t_end;
        w.exit_code = st && st->exited ? st->code : -1;
        w.signal = st ? st->signal : 0;
        w.state = st && st->exited ? "exited" : "killed";
    }
    if (st && !(st->exited && st->code == 0) && !s.ending && !s.interrupted)
        s.errors->add(RunError{
            .code = st->signal == SIGKILL ? "worker_killed" : "worker_died",
            .message = "threads host (pid " + std::to_string(s.pid) + ") " + describe_exit(*st),
            .pid = s.pid,
            .signal = st->signal});
    if (s.interrupted) s.errors->add(RunError{.code = "interrupted", .message = s.stop_reason});
    for (const auto& w : r.worker_records)  // one host: its threads end with it
        s.ctx->observer->on_worker(
            {s.ctx->run_id, w.index, s.pid, w.state, w.exit_code, w.signal, t_end});
    int64_t last_ready = s.t0;
    for (const auto& w : r.worker_records) last_ready = std::max(last_ready, w.ready_ns);
    if (!s.t_last) s.t_last = last_ready;
    r.start_ns = s.t0;
    r.end_ns = t_end;
    r.wall_s = ns_to_s(t_end - s.t0);
    r.startup_s = ns_to_s(last_ready - s.t0);
    r.teardown_s = ns_to_s(t_end - s.t_last);
    r.breakdown =
        compute_breakdown(r.chunk_records, r.worker_records, {s.t0, t_end, s.t_last, true});
    r.compute_s = r.breakdown.compute;
    for (const auto& c : r.chunk_records) {
        r.chunks_done += c.ok;
        r.bytes_from_workers += c.bytes_out;
        r.engine_deserialize_s += ns_to_s(c.engine_deser_ns);
    }
    // A host that ran out of threads or memory failed the run even if the threads it had
    // finished every chunk: the run asked for more than it got.
    const bool ran_out = std::any_of(r.errors.begin(), r.errors.end(),
                                     [](const RunError& e) { return e.code == "resources"; });
    r.partial = s.finished_count < s.plan.size() || r.items_failed > 0 || s.interrupted || ran_out;
    r.memory = tel.memory();
    r.cpu = tel.cpu();
}

}  // namespace

RunResult run_threads(const RunContext& ctx) {
    ThreadsState s;
    s.ctx = &ctx;
    const RunConfig& cfg = ctx.config;
    s.plan = plan_chunks(cfg.size, effective_chunksize(cfg), cfg.dispatch, cfg.workers);
    s.finished.assign(s.plan.size(), false);
    s.busy_since.assign(static_cast<std::size_t>(cfg.workers), 0);
    s.current.assign(static_cast<std::size_t>(cfg.workers), -1);
    s.r = blank_result(ctx);
    s.errors.emplace(ctx, s.r);
    s.r.chunks = s.plan.size();
    s.r.chunk_records.resize(s.plan.size());
    RunTelemetry tel(cfg.sample_ms);
    s.t0 = monotonic_ns();
    ctx.observer->on_run_start(ctx.run_id, cfg, ctx.machine, s.t0);
    ChildPipes p;
    std::optional<ExitStatus> status;
    int pidfd = -1;
    bool end_sampled = false;
    if (auto e = make_child_pipes(p)) {
        s.errors->add(RunError{.code = "start_failed", .message = *e});
    } else if ((s.pid = fork_host(s, p)) < 0 || (pidfd = open_pidfd(s.pid)) < 0) {
        s.errors->add(
            RunError{.code = "start_failed",
                     .message = std::string("cannot start the threads host: ") + strerror(errno)});
        if (s.pid > 0) kill(s.pid, SIGKILL), waitpid(s.pid, nullptr, 0);
    }
    close_fd(p.task_read);
    close_fd(p.task_write);
    close_fd(p.result_write);
    s.channel = FrameChannel(p.result_read, cfg.max_frame);
    if (pidfd < 0) s.channel.close();
    for (int i = 0; i < cfg.workers && pidfd >= 0; ++i) {
        WorkerRecord w;
        w.index = i;
        w.pid = s.pid;
        w.started_ns = s.t0;
        s.r.worker_records.push_back(w);
        ctx.observer->on_worker({ctx.run_id, i, s.pid, "started", -1, 0, s.t0});
    }
    if (pidfd >= 0 && tel.enabled())  // the first sample as the host starts
        ctx.observer->on_sample(
            ctx.run_id,
            tel.sample_now(monotonic_ns(), {{getpid(), "engine", -1}, {s.pid, "threads", -1}}));
    PollSet set;
    while (pidfd >= 0 && !status) {
        bool exited = false;  // a zombie until reaped
        set.add(pidfd, POLLIN, [&](short) { exited = true; });
        set.add(s.channel.fd(), POLLIN, [&](short) { pump(s); });
        for (auto* src : ctx.stops)
            if (!s.interrupted)
                set.add(src->fd(), POLLIN, [&, src](short) {
                    if (s.interrupted || !src->check()) return;
                    s.interrupted = true;
                    s.stop_reason = src->reason();
                    end_host(s, {});
                });
        const bool watchdog = cfg.task_timeout_s > 0 || ctx.faults.kill_at_s || s.ending;
        set.wait(turn_timeout_ms(ctx, tel, monotonic_ns(), s.kill_at, watchdog));
        check_deadlines(s, monotonic_ns());
        // The last sample once every chunk is in or the host has exited, before it is reaped:
        // a run shorter than the sampling period has CPU, per-core and memory figures too.
        if ((s.finished_count == s.plan.size() || exited) && !end_sampled && tel.enabled()) {
            end_sampled = true;
            ctx.observer->on_sample(
                ctx.run_id,
                tel.sample_now(monotonic_ns(), {{getpid(), "engine", -1}, {s.pid, "threads", -1}}));
        }
        if (auto st = try_reap(pidfd)) status = st;
        if (auto smp = tel.sample_if_due(monotonic_ns(),
                                         {{getpid(), "engine", -1}, {s.pid, "threads", -1}}))
            ctx.observer->on_sample(ctx.run_id, *smp);
        report_turn(ctx, s.items_done, s.finished_count, s.plan.size(), monotonic_ns());
    }
    // The host has exited: what it wrote is in the pipe, to its end (or a cut-off frame).
    // Bounded: a descriptor some other process still held open would never reach its end.
    for (int i = 0; i < 1024 && s.channel.is_open(); ++i) pump(s);
    if (!end_sampled && tel.enabled())  // reaped before it could be sampled: the engine's part
        ctx.observer->on_sample(ctx.run_id,
                                tel.sample_now(monotonic_ns(), {{getpid(), "engine", -1}}));
    s.channel.close();
    close_fd(pidfd);
    report_final(ctx, s.items_done, s.finished_count, s.plan.size(), monotonic_ns());
    finish(s, tel, monotonic_ns(), status);
    ctx.observer->on_run_end(s.r);
    return s.r;
}

}  // namespace poolscope
