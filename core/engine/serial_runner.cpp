#include "core/engine/serial_runner.h"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "core/engine/child_process.h"
#include "core/engine/chunk_result.h"
#include "core/engine/frame_channel.h"
#include "core/engine/run_errors.h"
#include "core/engine/run_loop.h"
#include "core/engine/worker_loop.h"
#include "core/platform/clock.h"
#include "core/protocol/messages.h"
#include "core/telemetry/run_telemetry.h"

namespace poolscope {

namespace {

constexpr int64_t kSliceNs = 50'000'000;

// One slice's report: its items' checksum and count ride where a chunk's outputs would.
void send_slice(uint64_t slice, uint64_t first, uint64_t count, int64_t t_start, int64_t t_end,
                uint64_t checksum, uint64_t ok, std::vector<ItemFailure>& failures) {
    Bytes out;
    const auto at = begin_frame(out, FrameType::Result);
    put_result_fixed(out, {slice, first, count, t_start, t_start, t_start, t_end, t_end, {}});
    put_u64(out, checksum);
    put_u64(out, ok);
    put_result_failures(out, failures);
    end_frame(out, at);
    failures.clear();
    if (!write_all(kWorkerResultFd, out.data(), out.size())) _exit(0);
}

[[noreturn]] void serial_child(const RunContext& ctx) {
    Workload& wl = *ctx.workload;
    wl.enter_worker(ctx.config.lib_threads);
    Bytes ready;
    append_ready(ready, {getpid(), monotonic_ns()});
    if (!write_all(kWorkerResultFd, ready.data(), ready.size())) _exit(0);
    std::vector<std::byte> in(wl.input_bytes()), out(wl.output_bytes());
    std::vector<ItemFailure> failures;
    uint64_t slice = 0, first = 0, checksum = 0, ok = 0;
    int64_t t_slice = monotonic_ns();
    for (uint64_t i = 0; i < ctx.config.size; ++i) {
        wl.read_input(i, in);
        std::optional<std::string> err;
        if (ctx.faults.error_item == i)
            err = "injected error on item " + std::to_string(i);
        else
            err = wl.run_item(i, in, out);
        if (err)
            failures.push_back({i, std::move(*err)});
        else
            checksum += item_hash(i, out), ++ok;
        const int64_t now = monotonic_ns();
        if (now - t_slice >= kSliceNs || i + 1 == ctx.config.size) {
            send_slice(slice++, first, i + 1 - first, t_slice, now, checksum, ok, failures);
            first = i + 1, checksum = 0, ok = 0, t_slice = now;
        }
    }
    _exit(0);
}

struct SerialState {
    explicit SerialState(const RunContext& ctx) : r(blank_result(ctx)), errors(ctx, r) {}
    RunResult r;
    ErrorSink errors;
    FrameChannel channel;
    pid_t pid = -1;
    int64_t loop_start = 0, loop_end = 0, last_result = 0;
};

bool handle_slice(SerialState& s, std::span<const std::byte> payload) {
    PayloadReader rd(payload);
    auto h = read_result_fixed(rd);
    if (!h) return false;
    const uint64_t checksum = rd.u64(), ok = rd.u64();
    if (rd.failed() || !read_result_failures(rd, *h) || ok + h->failures.size() != h->count)
        return false;
    if (s.loop_start == 0) s.loop_start = h->recv_start_ns;
    s.loop_end = h->compute_end_ns;
    s.last_result = monotonic_ns();
    s.r.checksum += checksum;
    s.r.checksum_items += ok;
    s.r.items_failed += h->failures.size();
    for (const auto& f : h->failures)
        s.errors.item_failed(
            RunError{.code = "item_failed",
                     .message = "item " + std::to_string(f.item) + ": " + f.message,
                     .worker = 0,
                     .pid = s.pid,
                     .item = static_cast<int64_t>(f.item)});
    return true;
}

bool on_frame(SerialState& s, const RunContext& ctx, const Frame& f) {
    if (f.type == FrameType::Result) return handle_slice(s, f.payload);
    if (f.type != FrameType::Ready) return false;
    const auto m = read_ready(f.payload);
    if (!m) return false;
    auto& w = s.r.worker_records[0];
    w.ready_ns = m->ready_ns;
    w.state = "ready";
    ctx.observer->on_worker({ctx.run_id, 0, s.pid, "ready", -1, 0, m->ready_ns});
    return true;
}

// Reads what the child sent; a stream that ends inside a frame or holds garbage is a protocol
// error, reported once, and what came before it is kept.
void pump(SerialState& s, const RunContext& ctx) {
    if (!s.channel.is_open()) return;
    const auto state = s.channel.pump([&](const Frame& f) { return on_frame(s, ctx, f); });
    if (state == FrameChannel::State::Truncated || state == FrameChannel::State::Malformed)
        s.errors.add(protocol_error("serial child (pid " + std::to_string(s.pid) + ")",
                                    s.channel.error(), 0, s.pid));
}

}  // namespace

RunResult run_serial(const RunContext& ctx) {
    SerialState s(ctx);
    RunTelemetry tel(ctx.config.sample_ms);
    const int64_t t0 = monotonic_ns();
    ctx.observer->on_run_start(ctx.run_id, ctx.config, ctx.machine, t0);
    ChildPipes p;
    if (auto e = make_child_pipes(p)) {
        s.errors.add(RunError{.code = "start_failed", .message = *e, .worker = 0});
        s.r.partial = ctx.config.size > 0;
        ctx.observer->on_run_end(s.r);
        return s.r;
    }
    const pid_t parent = getpid();
    const pid_t pid = fork_child();
    if (pid == 0) {
        setup_forked_child(p, parent);
        serial_child(ctx);
    }
    close_fd(p.task_read);
    close_fd(p.result_write);
    close_fd(p.task_write);
    s.pid = pid;
    s.channel = FrameChannel(p.result_read, ctx.config.max_frame);
    int pidfd = pid > 0 ? open_pidfd(pid) : -1;
    WorkerRecord rec;
    rec.pid = pid;
    rec.started_ns = t0;
    s.r.worker_records.push_back(rec);
    bool interrupted = false, killed = false, end_sampled = false;
    std::optional<ExitStatus> status;
    if (pid < 0 || pidfd < 0) {
        s.errors.add(
            RunError{.code = "start_failed",
                     .message = std::string("cannot start the serial child: ") + strerror(errno),
                     .worker = 0});
        if (pid > 0) kill(pid, SIGKILL), waitpid(pid, nullptr, 0);
        s.channel.close();
    } else {
        ctx.observer->on_worker({ctx.run_id, 0, pid, "started", -1, 0, t0});
    }
    if (pidfd >= 0 && tel.enabled())  // the first sample as the child starts
        ctx.observer->on_sample(
            ctx.run_id,
            tel.sample_now(monotonic_ns(), {{getpid(), "engine", -1}, {pid, "serial", 0}}));
    PollSet set;
    while (pidfd >= 0 && !status) {
        bool exited = false;  // a zombie until reaped
        set.add(s.channel.fd(), POLLIN, [&](short) { pump(s, ctx); });
        set.add(pidfd, POLLIN, [&](short) { exited = true; });
        for (auto* src : ctx.stops)
            if (!interrupted)
                set.add(src->fd(), POLLIN, [&, src](short) { interrupted |= src->check(); });
        set.wait(turn_timeout_ms(ctx, tel, monotonic_ns(), 0, interrupted));
        if (interrupted && !killed) kill(pid, SIGKILL), killed = true;
        // The last sample once the loop is done or the child has exited, before it is reaped
        // (until then its /proc entry holds its CPU time), so a loop shorter than the sampling
        // period has CPU, per-core and memory figures too.
        if ((s.loop_end || exited) && !end_sampled && tel.enabled()) {
            end_sampled = true;
            ctx.observer->on_sample(
                ctx.run_id,
                tel.sample_now(monotonic_ns(), {{getpid(), "engine", -1}, {pid, "serial", 0}}));
        }
        if (auto st = try_reap(pidfd)) status = st;
        if (auto smp =
                tel.sample_if_due(monotonic_ns(), {{getpid(), "engine", -1}, {pid, "serial", 0}}))
            ctx.observer->on_sample(ctx.run_id, *smp);
        report_turn(ctx, s.r.checksum_items + s.r.items_failed, 0, 0, monotonic_ns());
    }
    // The child has exited: what it wrote is all in the pipe, to its end (or a cut-off frame).
    // Bounded: a descriptor some other process still held open would never reach its end.
    for (int i = 0; i < 1024 && s.channel.is_open(); ++i) pump(s, ctx);
    s.channel.close();
    if (!end_sampled && tel.enabled())  // reaped before it could be sampled: the engine's part
        ctx.observer->on_sample(ctx.run_id,
                                tel.sample_now(monotonic_ns(), {{getpid(), "engine", -1}}));
    const bool pidfd_opened = pidfd >= 0;
    close_fd(pidfd);
    const int64_t t_end = monotonic_ns();
    auto& w = s.r.worker_records[0];
    w.exited_ns = t_end;
    if (status) {
        w.exit_code = status->exited ? status->code : -1;
        w.signal = status->signal;
        w.state = status->exited ? "exited" : "killed";
        if (!interrupted && !(status->exited && status->code == 0))
            s.errors.add(RunError{
                .code = status->signal == SIGKILL ? "worker_killed" : "worker_died",
                .message =
                    "serial child (pid " + std::to_string(pid) + ") " + describe_exit(*status),
                .worker = 0,
                .pid = pid,
                .signal = status->signal});
    }
    if (interrupted) {
        std::string why = "interrupted";
        for (auto* src : ctx.stops)
            if (src->check()) why = src->reason();
        s.errors.add(RunError{.code = "interrupted", .message = why});
    }
    report_final(ctx, s.r.checksum_items + s.r.items_failed, 0, 0, t_end);
    if (pidfd_opened)
        ctx.observer->on_worker({ctx.run_id, 0, pid, w.state, w.exit_code, w.signal, t_end});
    s.r.start_ns = s.loop_start ? s.loop_start : t0;
    s.r.end_ns = s.loop_end ? s.loop_end : s.r.start_ns;
    s.r.wall_s = ns_to_s(s.r.end_ns - s.r.start_ns);
    s.r.startup_s = ns_to_s((w.ready_ns ? w.ready_ns : t_end) - t0);
    s.r.teardown_s = ns_to_s(t_end - (s.last_result ? s.last_result : t_end));
    s.r.compute_s = s.r.wall_s;
    s.r.breakdown.compute = s.r.wall_s;
    s.r.partial = interrupted || s.r.checksum_items + s.r.items_failed < ctx.config.size ||
                  s.r.items_failed > 0;
    s.r.memory = tel.memory();
    s.r.cpu = tel.cpu();
    ctx.observer->on_run_end(s.r);
    return s.r;
}

}  // namespace poolscope
