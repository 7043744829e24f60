#include "core/engine/mpi_runner.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <new>

#include "core/engine/chunk_result.h"
#include "core/engine/host_sample.h"
#include "core/engine/mpi_failure.h"
#include "core/engine/mpi_launch.h"
#include "core/engine/mpi_state.h"
#include "core/engine/pool_dispatch.h"
#include "core/engine/pool_results.h"
#include "core/engine/run_loop.h"
#include "core/platform/clock.h"
#include "core/protocol/mpi_messages.h"

namespace poolscope {

namespace {

// How long a job whose channel closed early may take to exit by itself (mpirun then says which
// rank died) before its whole session is killed.
constexpr int64_t kLostGraceNs = 1'500'000'000;
// Every rank must have reported by then (a host that cannot be reached may leave mpirun waiting).
constexpr int64_t kStartTimeoutNs = 60'000'000'000;
// The control channel's largest frame: a rank table or one host's sample.
constexpr uint64_t kMaxControlFrame = 1 << 20;

std::string this_host() {
    char buf[256] = {};
    return gethostname(buf, sizeof buf - 1) == 0 ? buf : "";
}

void start_slots(MpiRun& m) {
    PoolState& st = m.st;
    for (int i = 0; i < st.ctx->config.workers; ++i) {
        WorkerSlot& s = st.slots[static_cast<std::size_t>(i)];
        s.index = i;
        s.signal_pid = m.job.pid;  // ending one rank ends the job: signal mpirun
        s.alive = true;
        s.busy_since_ns = st.t0;
        s.record = st.result.worker_records.size();
        WorkerRecord rec;
        rec.index = i;
        rec.started_ns = st.t0;
        st.result.worker_records.push_back(rec);
    }
}

void accept_connections(MpiRun& m) {
    PoolState& st = m.st;
    const int total = st.ctx->config.workers + 1;
    while (m.accepted < total) {
        const int fd = accept4(m.job.listen_fd, nullptr, nullptr, SOCK_CLOEXEC | SOCK_NONBLOCK);
        if (fd < 0) return;  // EAGAIN: the rest later
        widen_socket_buffers(fd);
        if (m.accepted == 0) {
            m.control = FrameChannel(fd, kMaxControlFrame);
        } else {
            WorkerSlot& s = st.slots[static_cast<std::size_t>(m.accepted - 1)];
            s.results = FrameChannel(fd, st.ctx->config.max_frame);
            s.task_fd = fcntl(fd, F_DUPFD_CLOEXEC, 0);
        }
        ++m.accepted;
    }
    close_fd(m.job.listen_fd);
}

// A channel closed although the engine neither joined nor stopped the job: something failed.
void channel_lost(MpiRun& m, int64_t now) {
    if (!m.st.joining && !m.st.stopping && !m.lost_ns) m.lost_ns = now;
}

bool on_control_frame(MpiRun& m, const Frame& f) {
    if (f.type == FrameType::Ranks) {
        auto r = read_ranks(f.payload);
        if (!r) return false;
        on_ranks(m, std::move(*r));
    } else if (f.type == FrameType::HostSample) {
        auto h = read_host_sample(f.payload);
        if (!h) return false;
        h->sample.host = host_of(m, static_cast<int>(h->rank));
        count_host_sample(m, h->sample);
        m.st.ctx->observer->on_sample(m.st.ctx->run_id, h->sample);
    }
    return true;  // a frame type this engine does not know is left alone
}

// The dispatcher's control channel, read like every worker's: bounded per wake-up; its end
// while the job should run, a cut-off frame or garbage mean the job has failed.
void read_control(MpiRun& m, int64_t now) {
    if (!m.control.is_open()) return;
    const auto state = m.control.pump([&](const Frame& f) { return on_control_frame(m, f); });
    if (state == FrameChannel::State::Open) return;
    if (state != FrameChannel::State::Closed && !m.st.stopping) {
        const pid_t pid = m.ranks.empty() ? 0 : static_cast<pid_t>(m.ranks[0].pid);
        add_error(m.st,
                  protocol_error(rank_label(m, 0, pid) + " (the dispatcher's control channel)",
                                 m.control.error(), -1, pid));
    }
    channel_lost(m, now);
}

void check_deadlines(MpiRun& m, int64_t now) {
    PoolState& st = m.st;
    const RunContext& ctx = *st.ctx;
    if (ctx.faults.kill_at_s && !st.kill_injected &&
        now - st.t0 >= static_cast<int64_t>(*ctx.faults.kill_at_s * 1e9)) {
        for (const auto& s : st.slots)  // from outside, like the OOM killer; local ranks only
            if (s.pid > 0 && s.alive && rank_is_local(m, s.index + 1)) {
                st.kill_injected = true;
                kill(s.pid, SIGKILL);
                break;
            }
    }
    for (auto& s : st.slots) {
        if (ctx.config.task_timeout_s <= 0 || !s.alive || s.doomed || s.inflight.empty()) continue;
        if (now - s.busy_since_ns < static_cast<int64_t>(ctx.config.task_timeout_s * 1e9)) continue;
        const uint64_t id = s.inflight.front();
        RunError e{.code = "timeout",
                   .message = rank_label(m, s.index + 1, s.pid) + " exceeded --task-timeout " +
                              std::to_string(ctx.config.task_timeout_s) + " s on chunk " +
                              std::to_string(id) + "; ended the MPI job",
                   .worker = s.index,
                   .pid = s.pid,
                   .chunk = static_cast<int64_t>(id)};
        end_worker(s, now);
        release_inflight(st, s, e);
    }
    if (m.reaped) return;
    if (!st.stopping && !m.lost_ns && !all_ready(st) && now - st.t0 > kStartTimeoutNs) {
        add_error(st, RunError{.code = "start_failed",
                               .message = "the MPI job's ranks did not all report within " +
                                          std::to_string(kStartTimeoutNs / 1'000'000'000) +
                                          " s: " + mpirun_output_tail(m.job.output),
                               .pid = m.job.pid});
        begin_stop(st, now);
    }
    if ((st.stopping || m.lost_ns) && !m.kill_at_ns) {
        // mpirun ends its ranks on SIGTERM; whatever is left a moment later gets SIGKILL.
        m.kill_at_ns = (m.lost_ns ? m.lost_ns + kLostGraceNs : now + kKillGraceNs);
        if (st.stopping && !m.lost_ns) signal_mpi_job(m.job, SIGTERM);
    }
    if (m.kill_at_ns && now >= m.kill_at_ns) signal_mpi_job(m.job, SIGKILL);
}

std::vector<ProcessRef> process_refs(const MpiRun& m) {
    std::vector<ProcessRef> refs{{getpid(), "engine", -1}};
    if (m.reaped) return refs;
    refs.push_back({m.job.pid, "mpirun", -1});
    if (!m.ranks.empty()) refs.push_back({static_cast<pid_t>(m.ranks[0].pid), "dispatcher", -1});
    // Another host's pids mean nothing here: only ranks on this machine are sampled.
    for (const auto& s : m.st.slots)
        if (s.alive && s.pid > 0 && rank_is_local(m, s.index + 1))
            refs.push_back({s.pid, "worker", s.index, s.ready});
    return refs;
}

void poll_once(MpiRun& m, RunTelemetry& tel) {
    PoolState& st = m.st;
    PollSet& set = st.poll_set;
    watch_stops(st);
    // The control connection first: the rank table before any ready frame.
    set.add(m.control.fd(), POLLIN, [&m](short) { read_control(m, monotonic_ns()); });
    set.add(m.job.listen_fd, POLLIN, [&m](short) { accept_connections(m); });
    for (auto& s : st.slots) {
        set.add(s.results.fd(), POLLIN, [&m, &s](short) {
            if (!drain_results(m.st, s) && !s.results.is_open()) channel_lost(m, monotonic_ns());
        });
        if (s.out_off < s.outbuf.size())
            set.add(s.task_fd, POLLOUT, [&s](short) { flush_tasks(s); });
    }
    set.add(m.job.output_fd, POLLIN, [&m](short) { drain_mpi_output(m.job); });
    set.add(m.job.pidfd, POLLIN, [&m](short) {
        for (auto& w : m.st.slots) drain_results(m.st, w);  // results sent before it ended count
        if (auto status = try_reap(m.job.pidfd)) on_job_exit(m, *status, monotonic_ns());
    });
    const int64_t now = monotonic_ns();
    const bool watchdog = st.ctx->config.task_timeout_s > 0 || st.ctx->faults.kill_at_s ||
                          m.kill_at_ns || st.stopping || m.lost_ns;
    if (!set.wait(turn_timeout_ms(*st.ctx, tel, now, 0, watchdog))) begin_stop(st, monotonic_ns());
}

void close_for_join(PoolState& st) {
    st.joining = true;  // end of file on every channel: the dispatcher ends the job cleanly
    for (auto& s : st.slots) {
        if (s.task_fd >= 0) shutdown(s.task_fd, SHUT_WR);
        close_fd(s.task_fd);
    }
}

void mpi_turn(MpiRun& m, RunTelemetry& tel) {
    PoolState& st = m.st;
    const RunContext& ctx = *st.ctx;
    if (!st.joining && !st.stopping && st.finished_count == st.plan.size() && all_ready(st) &&
        m.accepted == ctx.config.workers + 1) {
        if (tel.enabled()) {
            Sample last = tel.sample_now(monotonic_ns(), process_refs(m));
            last.host = m.host;
            ctx.observer->on_sample(ctx.run_id, last);
        }
        close_for_join(st);
    }
    poll_once(m, tel);
    const int64_t now = monotonic_ns();
    check_deadlines(m, now);
    open_warm_dispatch(st);
    for (auto& s : st.slots) dispatch_tasks(st, s);
    if (tel.ms_until_due(now) == 0)
        if (auto sample = tel.sample_if_due(now, process_refs(m))) {
            sample->host = m.host;
            ctx.observer->on_sample(ctx.run_id, *sample);
        }
    report_turn(ctx, st.items_done, st.finished_count, st.plan.size(), now);
}

}  // namespace

RunResult run_mpi(const RunContext& ctx) {
    MpiRun m;
    m.host = this_host();
    PoolState& st = m.st;
    init_pool_state(st, ctx);
    RunTelemetry tel(ctx.config.sample_ms);
    st.t0 = monotonic_ns();
    ctx.observer->on_run_start(ctx.run_id, ctx.config, ctx.machine, st.t0);
    if (auto e = start_mpi_job(ctx, m.job)) {
        add_error(st,
                  RunError{.code = "start_failed", .message = "cannot start the MPI job: " + *e});
        st.stopping = true;
        m.reaped = true;
    } else {
        start_slots(m);
    }
    init_pool_plan(st);
    if (st.stopping) st.queue.clear(), st.own.assign(st.own.size(), {});
    while (!m.reaped) {
        try {
            mpi_turn(m, tel);
        } catch (const std::bad_alloc&) {
            begin_stop(st, monotonic_ns());
        }
    }
    m.control.close();
    close_mpi_job(m.job);
    remove_mpi_segments(m.job.job_id);
    report_final(ctx, st.items_done, st.finished_count, st.plan.size(), monotonic_ns());
    finish_pool(st, tel, monotonic_ns());
    add_host_totals(m);
    ctx.observer->on_run_end(st.result);
    return std::move(st.result);
}

}  // namespace poolscope
