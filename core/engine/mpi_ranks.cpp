#include "core/engine/mpi_state.h"

#include <signal.h>

#include <algorithm>
#include <map>

#include "core/engine/mpi_failure.h"
#include "core/engine/pool_results.h"

namespace poolscope {

std::string host_of(const MpiRun& m, int rank) {
    return rank >= 0 && static_cast<std::size_t>(rank) < m.ranks.size() ? m.ranks[rank].host : "?";
}

bool rank_is_local(const MpiRun& m, int rank) {
    return !m.ranks.empty() && host_of(m, rank) == m.ranks[0].host;
}

std::string rank_label(const MpiRun& m, int rank, pid_t pid) {
    return "rank " + std::to_string(rank) + (pid > 0 ? " (pid " + std::to_string(pid) + ")" : "") +
           " on host " + host_of(m, rank);
}

void on_ranks(MpiRun& m, std::vector<RankInfo> ranks) {
    PoolState& st = m.st;
    m.ranks = std::move(ranks);
    if (!m.ranks.empty() && m.job.job_id == 0)
        m.job.job_id = mpi_job_id_of(static_cast<pid_t>(m.ranks[0].pid));
    std::map<std::string, HostClock> hosts;
    for (const auto& r : m.ranks) {
        HostClock& h = hosts[r.host];
        if (h.ranks == 0 || r.clock_uncertainty_ns < h.uncertainty_ns)
            h.offset_ns = r.clock_offset_ns, h.uncertainty_ns = r.clock_uncertainty_ns;
        h.host = r.host;
        ++h.ranks;
        if (r.rank < 1 || r.rank > static_cast<int64_t>(st.slots.size())) continue;
        WorkerSlot& s = st.slots[static_cast<std::size_t>(r.rank - 1)];
        s.pid = static_cast<pid_t>(r.pid);
        auto& rec = st.result.worker_records[s.record];
        rec.pid = s.pid;
        rec.host = r.host;
        st.ctx->observer->on_worker(
            {st.ctx->run_id, s.index, s.pid, "started", -1, 0, rec.started_ns, r.host});
    }
    st.result.machine.hosts.clear();
    for (auto& [name, h] : hosts) st.result.machine.hosts.push_back(h);
}

void count_host_sample(MpiRun& m, const Sample& s) {
    if (s.host == m.host) return;  // the engine samples its own host itself
    m.remote_totals.try_emplace(s.host, s.host).first->second.add(s);
}

void add_host_totals(MpiRun& m) {
    RunResult& r = m.st.result;
    r.host_totals = {engine_host_figures(m.host, r.memory, r.cpu)};
    for (const HostClock& h : r.machine.hosts) {
        if (h.host == m.host) continue;
        const auto it = m.remote_totals.find(h.host);
        r.host_totals.push_back(it != m.remote_totals.end() ? it->second.figures()
                                                            : HostTotals(h.host).figures());
    }
}

void on_job_exit(MpiRun& m, const ExitStatus& status, int64_t now) {
    PoolState& st = m.st;
    m.reaped = true;
    close_fd(m.job.pidfd);
    drain_mpi_output(m.job);
    signal_mpi_job(m.job, SIGKILL);  // whatever of its session outlived it
    const bool clean = st.joining && status.exited && status.code == 0;
    const bool stopped_by_us = st.stopping && !m.lost_ns;  // its ranks' deaths were ours
    const auto culprit = clean || stopped_by_us ? std::nullopt : parse_mpirun_failure(m.job.output);
    std::vector<WorkerSlot*> order;
    for (auto& s : st.slots) order.push_back(&s);
    if (culprit)  // the culprit's error first: it is the reason the others ended
        std::stable_partition(order.begin(), order.end(),
                              [&](WorkerSlot* s) { return s->index + 1 == culprit->rank; });
    bool named = false;
    for (WorkerSlot* s : order) {
        auto& rec = st.result.worker_records[s->record];
        s->alive = false;
        close_fd(s->task_fd);
        s->results.close();
        const bool is_culprit = culprit && s->index + 1 == culprit->rank;
        rec.exited_ns = now;
        rec.state = is_culprit ? (culprit->status.exited ? "exited" : "killed")
                               : (clean ? "exited" : "stopped");
        rec.exit_code = is_culprit && culprit->status.exited ? culprit->status.code
                        : clean                              ? 0
                                                             : -1;
        rec.signal = is_culprit ? culprit->status.signal : 0;
        st.ctx->observer->on_worker({st.ctx->run_id, s->index, s->pid, rec.state, rec.exit_code,
                                     rec.signal, now, rec.host});
        if (clean && s->inflight.empty()) continue;
        const int rank = s->index + 1;
        const std::string running =
            s->inflight.empty() ? " while idle"
                                : " while running chunk " + std::to_string(s->inflight.front());
        RunError e;
        if (is_culprit) {
            named = true;
            const pid_t pid = culprit->pid ? culprit->pid : s->pid;
            e = {culprit->status.signal == SIGKILL ? "worker_killed" : "worker_died",
                 rank_label(m, rank, pid) + " " + describe_exit(culprit->status) + running +
                     "; mpirun ended the job",
                 s->index,
                 pid,
                 culprit->status.signal,
                 -1,
                 -1};
        } else {
            if (s->inflight.empty()) continue;
            e = {"worker_stopped",
                 rank_label(m, rank, s->pid) + " was stopped with the MPI job" + running,
                 s->index,
                 s->pid,
                 0,
                 -1,
                 -1};
        }
        if (s->inflight.empty())
            add_error(st, e);
        else
            release_inflight(st, *s, e);
    }
    if (clean || named || stopped_by_us) return;
    add_error(st, RunError{.code = "mpi_failed",
                           .message = "the MPI job ended early (mpirun " + describe_exit(status) +
                                      "): " + mpirun_output_tail(m.job.output),
                           .pid = m.job.pid,
                           .signal = status.signal});
    begin_stop(st, now);
}

}  // namespace poolscope
