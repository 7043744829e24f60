#include "core/python/python_runner.h"

#include <poll.h>
#include <signal.h>
#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <map>

#include "core/config/chunk_plan.h"
#include "core/engine/breakdown.h"
#include "core/engine/child_process.h"
#include "core/engine/run_errors.h"
#include "core/platform/clock.h"
#include "core/platform/read_file.h"
#include "core/python/python_launch.h"
#include "core/python/python_relay.h"
#include "core/telemetry/child_processes.h"
#include "core/telemetry/proc_pid_files.h"
#include "core/telemetry/run_telemetry.h"

namespace poolscope {

namespace {

// How a process that is not our child ended, read from its zombie's /proc/PID/stat (field 52,
// exit_code, in waitpid's form) before its parent reaps it; nullopt once it is gone.
std::optional<ExitStatus> zombie_exit(pid_t pid) {
    const auto text = read_text_file("/proc/" + std::to_string(pid) + "/stat");
    if (!text) return std::nullopt;
    const auto close = text->rfind(')');
    if (close == std::string::npos) return std::nullopt;
    std::vector<std::string> fields;  // fields[0] is field 3 (state)
    std::size_t at = close + 2;
    while (at < text->size()) {
        const auto end = text->find(' ', at);
        fields.push_back(text->substr(at, end == std::string::npos ? std::string::npos : end - at));
        if (end == std::string::npos) break;
        at = end + 1;
    }
    if (fields.size() < 50 || fields[0] != "Z") return std::nullopt;
    const int status = std::atoi(fields[49].c_str());
    ExitStatus s;
    if ((status & 0x7f) == 0) {
        s.exited = true;
        s.code = (status >> 8) & 0xff;
    } else {
        s.signal = status & 0x7f;
    }
    return s;
}

// How long the driver has to report a worker whose exit status the engine could not read.
constexpr int64_t kDriverReportNs = 1'000'000'000;

struct PoolChild {
    int index = -1;
    pid_t pid = 0;
    int pidfd = -1;
    bool gone = false;
};

struct PythonRun {
    const RunContext& ctx;
    RunResult r;
    PythonRelay relay{ctx, r};
    RunTelemetry tel{ctx.config.sample_ms};
    LaunchedDriver d;
    std::vector<PoolChild> children;
    bool group_killed = false, interrupted = false, lost_worker = false, end_sampled = false;
    std::optional<ExitStatus> driver_status;
    struct Lost {
        int index;
        pid_t pid;
        int64_t deadline;
    };
    std::optional<Lost> lost_unknown;  // a worker ended, its status unknown to the engine
    int events_fd = -1, outputs_fd = -1;

    explicit PythonRun(const RunContext& c) : ctx(c) { r = blank_result(c); }

    bool threads() const { return ctx.config.backend == Backend::PythonThreads; }

    std::vector<ProcessRef> processes() const {
        std::vector<ProcessRef> p{{getpid(), "engine", -1},
                                  {d.pid, threads() ? "threads" : "driver", -1}};
        for (const auto& c : children)
            if (!c.gone) p.push_back({c.pid, "worker", c.index});
        // multiprocessing's forkserver and resource tracker: the driver's other children.
        for (const pid_t child : child_pids(d.pid)) {
            if (std::any_of(children.begin(), children.end(),
                            [child](const auto& c) { return c.pid == child; }))
                continue;
            const auto cmdline = read_text_file("/proc/" + std::to_string(child) + "/cmdline");
            const std::string role = cmdline ? python_helper_role(*cmdline) : "";
            if (!role.empty()) p.push_back({child, role, -1});
        }
        return p;
    }

    void kill_group() {
        if (!group_killed && d.pid > 0) kill(-d.pid, SIGKILL);
        group_killed = true;
    }

    void drain() {
        if (events_fd >= 0 && !relay.read_events(events_fd)) close_fd(events_fd);
        if (outputs_fd >= 0 && !relay.read_outputs(outputs_fd)) close_fd(outputs_fd);
        if (relay.broken()) kill_group();
        for (const auto& w : relay.started()) {
            if (threads() || std::any_of(children.begin(), children.end(),
                                         [&](const PoolChild& c) { return c.pid == w.pid; }))
                continue;
            children.push_back({w.worker, w.pid, open_pidfd(w.pid), false});
        }
    }

    // A pool worker ended. Expected once every chunk is in, or after the driver itself
    // reported a failure; otherwise its task is lost and Python's Pool would wait forever.
    void child_ended(PoolChild& c) {
        const auto status = zombie_exit(c.pid);
        c.gone = true;
        close_fd(c.pidfd);
        drain();  // what the driver wrote before this exit counts first
        if (group_killed || relay.all_chunks_done() || relay.driver_reported_error()) return;
        if (!status) {
            // The pool reaped it first: the driver knows how it ended and reports it at once
            // (it watches its workers' exit codes); give it that long before speaking for it.
            if (!lost_unknown) lost_unknown = {c.index, c.pid, monotonic_ns() + kDriverReportNs};
            return;
        }
        report_lost(c.index, c.pid, status);
    }

    void report_lost(int index, pid_t pid, const std::optional<ExitStatus>& status) {
        lost_worker = true;
        const std::string how =
            status ? describe_exit(*status) : "ended (the pool collected its exit status)";
        RunError e{
            .code = status && status->signal == SIGKILL ? "worker_killed" : "worker_died",
            .message = "Python worker " + std::to_string(index) + " (pid " + std::to_string(pid) +
                       ") " + how +
                       " with tasks outstanding; Python's Pool would start a new worker and wait "
                       "for the lost task forever, so the run was ended",
            .worker = index,
            .pid = pid,
            .signal = status ? status->signal : 0};
        report_error(ctx, r, e);
        auto& rec = r.worker_records[static_cast<std::size_t>(index)];
        rec.exited_ns = monotonic_ns();
        rec.state = status && !status->exited ? "killed" : "failed";
        rec.signal = status ? status->signal : 0;
        rec.exit_code = status && status->exited ? status->code : -1;
        kill_group();
    }

    void loop(int64_t t0);
    void finish(int64_t t0);
};

void PythonRun::loop(int64_t t0) {
    const auto kill_at = ctx.faults.kill_at_s;
    bool kill_done = false;
    while (!driver_status) {
        std::vector<pollfd> fds;
        if (events_fd >= 0) fds.push_back({events_fd, POLLIN, 0});
        if (outputs_fd >= 0) fds.push_back({outputs_fd, POLLIN, 0});
        fds.push_back({d.pidfd, POLLIN, 0});
        for (const auto& c : children)
            if (c.pidfd >= 0) fds.push_back({c.pidfd, POLLIN, 0});
        for (auto* src : ctx.stops)
            if (!interrupted) fds.push_back({src->fd(), POLLIN, 0});
        const int64_t now = monotonic_ns();
        int wait = 200;
        if (const int due = tel.ms_until_due(now); due >= 0) wait = std::min(wait, due);
        if (const int tick = ctx.observer->ms_until_tick(now); tick >= 0)
            wait = std::min(wait, tick);
        if (lost_unknown)
            wait = std::clamp<int>(static_cast<int>((lost_unknown->deadline - now) / 1'000'000) + 1,
                                   0, wait);
        if (kill_at && !kill_done)
            wait = std::clamp<int>(
                static_cast<int>((t0 + static_cast<int64_t>(*kill_at * 1e9) - now) / 1'000'000), 0,
                wait);
        poll(fds.data(), fds.size(), wait);
        drain();
        for (auto& c : children)
            if (c.pidfd >= 0) {
                pollfd p{c.pidfd, POLLIN, 0};
                if (poll(&p, 1, 0) > 0) child_ended(c);
            }
        if (lost_unknown && relay.driver_reported_error()) lost_unknown.reset();
        if (lost_unknown && !group_killed && monotonic_ns() >= lost_unknown->deadline) {
            report_lost(lost_unknown->index, lost_unknown->pid, std::nullopt);
            lost_unknown.reset();
        }
        for (auto* src : ctx.stops)
            if (!interrupted && src->check()) interrupted = true, kill_group();
        if (kill_at && !kill_done && monotonic_ns() >= t0 + static_cast<int64_t>(*kill_at * 1e9)) {
            // kill@t=S: SIGKILL one pool worker from outside, as a user or the OOM killer would.
            for (const auto& c : children)
                if (!c.gone && !kill_done) kill(c.pid, SIGKILL), kill_done = true;
        }
        // The last sample as the driver reports its end, while the pool's processes still hold
        // their CPU time and memory, so a run shorter than the period has figures too.
        if (relay.driver_result() && !end_sampled && tel.enabled()) {
            end_sampled = true;
            ctx.observer->on_sample(ctx.run_id, tel.sample_now(monotonic_ns(), processes()));
        }
        if (auto st = try_reap(d.pidfd)) driver_status = st;
        // The process list reads /proc (the driver's children): only when a sample is due.
        if (const int64_t t = monotonic_ns(); tel.ms_until_due(t) == 0)
            if (auto smp = tel.sample_if_due(t, processes()))
                ctx.observer->on_sample(ctx.run_id, *smp);
        ctx.observer->on_tick(monotonic_ns());
    }
    drain();
}

}  // namespace

RunResult run_python(const RunContext& ctx) {
    PythonRun run(ctx);
    RunResult& r = run.r;
    const int64_t t0 = monotonic_ns();
    ctx.observer->on_run_start(ctx.run_id, ctx.config, ctx.machine, t0);
    for (int i = 0; i < ctx.config.workers; ++i) {
        WorkerRecord w;
        w.index = i;
        r.worker_records.push_back(w);
    }
    std::string shm_in, shm_out;
    if (ctx.config.transport == Transport::Shm) {
        const std::string base = "poolscope-py-" + std::to_string(getpid()) + "-" + ctx.run_id;
        shm_in = base + "-in", shm_out = base + "-out";
    }
    if (auto e = launch_driver(ctx, driver_argument(ctx, shm_in, shm_out), run.d)) {
        report_error(ctx, r, RunError{.code = "start_failed", .message = *e});
        r.partial = ctx.config.size > 0;
        ctx.observer->on_run_end(r);
        return r;
    }
    run.events_fd = run.d.events_fd;
    run.outputs_fd = run.d.outputs_fd;
    run.loop(t0);
    run.finish(t0);
    ctx.observer->on_run_end(r);
    return r;
}

void PythonRun::finish(int64_t t0) {
    const int64_t t_end = monotonic_ns();
    // Whatever the driver left (pool workers after a failure, the resource tracker): ended,
    // and waited for, so no process of the run outlives it.
    if (d.pid > 0) kill(-d.pid, SIGKILL);
    for (auto& c : children) {
        if (c.pidfd < 0) continue;
        pollfd p{c.pidfd, POLLIN, 0};
        poll(&p, 1, 1000);
        close_fd(c.pidfd);
    }
    close_fd(d.pidfd);
    close_fd(events_fd);
    close_fd(outputs_fd);
    if (ctx.config.transport == Transport::Shm) {
        const std::string base = "/poolscope-py-" + std::to_string(getpid()) + "-" + ctx.run_id;
        shm_unlink((base + "-in").c_str());
        shm_unlink((base + "-out").c_str());
    }
    if (interrupted) {
        std::string why = "interrupted";
        for (auto* src : ctx.stops)
            if (src->check()) why = src->reason();
        report_error(ctx, r, RunError{.code = "interrupted", .message = why});
    }
    const auto& dr = relay.driver_result();
    if (!dr && !interrupted && !lost_worker && !relay.broken() && driver_status)
        report_error(ctx, r,
                     RunError{.code = "worker_died",
                              .message = "the Python driver (pid " + std::to_string(d.pid) + ") " +
                                         describe_exit(*driver_status) +
                                         " before the run ended (its messages are on stderr)",
                              .pid = d.pid,
                              .signal = driver_status->signal});
    const auto chunks = relay.chunks();
    int64_t t_last = 0;
    for (const auto& c : chunks) t_last = std::max(t_last, c.received_ns);
    if (dr) {
        r.wall_s = dr->wall_s, r.startup_s = dr->startup_s, r.teardown_s = dr->teardown_s;
        r.engine_serialize_s = dr->engine_serialize_s;
        r.engine_deserialize_s = dr->engine_deserialize_s;
        r.bytes_to_workers = dr->bytes_to_workers, r.bytes_from_workers = dr->bytes_from_workers;
        r.start_ns = dr->start_ns, r.end_ns = dr->end_ns;
        r.items_failed = dr->items_failed;
    } else {
        r.start_ns = t0, r.end_ns = t_end;
        r.wall_s = ns_to_s(t_end - t0);
        for (const auto& c : chunks)
            r.bytes_to_workers += c.bytes_in, r.bytes_from_workers += c.bytes_out;
    }
    r.chunks = planned_chunk_count(ctx.config.size, effective_chunksize(ctx.config),
                                   ctx.config.dispatch, ctx.config.workers);
    r.chunks_done = chunks.size();
    r.compute_s = 0;
    for (const auto& c : chunks) r.compute_s += ns_to_s(c.compute_end_ns - c.compute_start_ns);
    // Worker records from the relayed events; what the engine saw itself (a lost worker) stays.
    const auto& events = relay.worker_events();
    for (const auto& w : events) {
        auto& rec = r.worker_records[static_cast<std::size_t>(w.worker)];
        rec.pid = w.pid;
        if (w.state == "started") rec.started_ns = w.t_ns;
        if (w.state == "ready")
            rec.ready_ns = w.t_ns, rec.state = rec.state == "started" ? "ready" : rec.state;
        if (w.state == "exited" && rec.state != "killed" && rec.state != "failed") {
            rec.exited_ns = w.t_ns, rec.state = "exited", rec.exit_code = w.exit_code,
            rec.signal = w.signal;
        }
    }
    for (auto& rec : r.worker_records) {
        if (rec.exited_ns == 0 && rec.pid > 0) {
            rec.exited_ns = t_end;
            if (rec.state != "killed" && rec.state != "failed")
                rec.state = "killed", rec.signal = SIGKILL;
        }
    }
    for (const auto& c : chunks) {
        auto& rec = r.worker_records[static_cast<std::size_t>(c.worker)];
        ++rec.chunks;
        rec.items += c.count;
    }
    const bool cold = ctx.config.pool == PoolLifetime::Cold;
    r.breakdown = compute_breakdown(
        chunks, r.worker_records,
        {r.start_ns, r.end_ns, t_last ? std::min(t_last, r.end_ns) : r.end_ns, cold});
    r.partial = interrupted || lost_worker || relay.broken() || !dr || (dr && dr->partial) ||
                r.checksum_items < ctx.config.size;
    if (dr && !dr->partial && r.checksum_items != ctx.config.size && !relay.broken())
        report_error(
            ctx, r,
            RunError{.code = "protocol",
                     .message = "the Python driver finished but handed over the outputs of " +
                                std::to_string(r.checksum_items) + " of " +
                                std::to_string(ctx.config.size) + " items"});
    if (tel.enabled() && !end_sampled)
        ctx.observer->on_sample(ctx.run_id,
                                tel.sample_now(monotonic_ns(), {{getpid(), "engine", -1}}));
    r.memory = tel.memory();
    r.cpu = tel.cpu();
}

}  // namespace poolscope
