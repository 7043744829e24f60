#include "app/mpi/worker_rank.h"

#include <mpi.h>
#include <unistd.h>

#include <time.h>

#include <algorithm>
#include <cstdio>
#include <cstring>

#include "app/mpi/rank_messages.h"
#include "core/config/fault_plan.h"
#include "core/engine/host_sample.h"
#include "core/engine/worker_loop.h"
#include "core/platform/clock.h"
#include "core/protocol/messages.h"
#include "core/protocol/mpi_messages.h"
#include "core/workloads/workload_registry.h"

namespace poolscope::mpi {

namespace {

// Telemetry of this rank's host when the engine cannot read it: the lowest rank on each host
// other than the dispatcher's samples /proc/stat and its host's ranks, between tasks and while
// it waits (a task longer than the period delays the next sample).
class HostSampler {
  public:
    HostSampler(int rank, int sample_ms) : rank_(rank), tel_(sample_ms) {}

    void configure(const Bytes& ranks_payload) {
        const auto ranks = read_ranks(ranks_payload);
        if (!ranks || ranks->empty() || !tel_.enabled()) return;
        const std::string me = host_name();
        if (me == ranks->front().host) return;  // the engine samples the dispatcher's host
        for (const auto& r : *ranks)
            if (r.host == me) {
                if (refs_.empty() && r.rank != rank_) return;  // a lower rank samples this host
                refs_.push_back(
                    {static_cast<pid_t>(r.pid), "worker", static_cast<int>(r.rank - 1)});
            }
    }

    void send_if_due() {
        if (refs_.empty()) return;
        const auto s = tel_.sample_if_due(monotonic_ns(), refs_);
        if (!s) return;
        Bytes frame;
        append_host_sample(frame, {rank_, *s});
        MPI_Send(frame.data(), static_cast<int>(frame.size()), MPI_BYTE, 0, kTagSample,
                 MPI_COMM_WORLD);
    }

  private:
    int rank_;
    RunTelemetry tel_;
    std::vector<ProcessRef> refs_;  // empty: this rank does not sample
};

void send_bytes(const Bytes& b, int tag) {
    MPI_Send(b.data(), static_cast<int>(b.size()), MPI_BYTE, 0, tag, MPI_COMM_WORLD);
}

void send_hello(int64_t ready_ns) {
    Bytes b;
    put_i64(b, getpid());
    put_i64(b, ready_ns);
    const std::string host = host_name();
    put_bytes(b, std::as_bytes(std::span(host.data(), host.size())));
    send_bytes(b, kTagHello);
}

// Waits for the dispatcher's next message without holding a core: OpenMPI's blocking calls
// busy-poll, which on an oversubscribed machine takes the CPU from the ranks that work. Polls
// for 50 µs, then naps in steps of an eighth of the wait so far (20 µs … 1 ms).
void wait_for_message(MPI_Status& st, HostSampler& sampler) {
    const int64_t start = monotonic_ns();
    for (int flag = 0;;) {
        MPI_Iprobe(0, MPI_ANY_TAG, MPI_COMM_WORLD, &flag, &st);
        if (flag) return;
        sampler.send_if_due();
        const int64_t waited = monotonic_ns() - start;
        if (waited < 50'000) continue;
        const timespec nap{0, std::clamp<int64_t>(waited / 8, 20'000, 1'000'000)};
        nanosleep(&nap, nullptr);
    }
}

// One task: its inputs travel inline in the payload (the MPI backend has no shared segment).
void run_one(Workload& wl, const WorkerOptions& wo, const Bytes& payload, int64_t recv_start,
             int64_t recv_end, Bytes& out) {
    PayloadReader r(payload);
    const auto th = read_task_header(r);
    const uint64_t inb = wl.input_bytes();
    if (!th || !th->inline_inputs || (inb && th->count > r.remaining() / inb)) {
        out.clear();
        append_fatal(out, "protocol error: malformed task");
        return;
    }
    TaskIo io;
    io.inputs = r.bytes(th->count * inb);
    if (r.failed() || r.remaining() != 0) {
        out.clear();
        append_fatal(out, "protocol error: malformed task");
        return;
    }
    run_task(wl, wo, *th, io, recv_start, recv_end, out);
}

}  // namespace

int worker_rank_main(const RankOptions& opt, int rank) {
    WorkerOptions wo;
    wo.index = rank - 1;
    wo.max_frame = opt.max_frame;
    wo.lib_threads = opt.lib_threads;
    auto wl = make_workload(opt.workload);
    std::string err = !wl ? "unknown workload " + opt.workload : "";
    if (wl)
        if (auto e = wl->configure(opt.params, opt.size)) err = *e;
    if (auto e = parse_fault_plan(opt.inject, wo.faults)) err = *e;
    if (!err.empty()) {
        std::fprintf(stderr, "poolscope-mpi-rank %d: %s\n", rank, err.c_str());
        MPI_Abort(MPI_COMM_WORLD, 2);
    }
    wl->enter_worker(opt.lib_threads);
    send_hello(monotonic_ns());
    HostSampler sampler(rank, opt.sample_ms);
    Bytes payload, out;
    for (;;) {
        MPI_Status st;
        wait_for_message(st, sampler);
        const int64_t recv_start = monotonic_ns();
        int count = 0;
        MPI_Get_count(&st, MPI_BYTE, &count);
        payload.resize(static_cast<std::size_t>(count));
        MPI_Recv(payload.data(), count, MPI_BYTE, 0, st.MPI_TAG, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
        const int64_t recv_end = monotonic_ns();
        if (st.MPI_TAG == kTagStop) break;
        if (st.MPI_TAG == kTagPing) {
            Bytes pong;
            put_i64(pong, monotonic_ns());
            send_bytes(pong, kTagPong);
            continue;
        }
        if (st.MPI_TAG == kTagRanks) sampler.configure(payload);
        if (st.MPI_TAG != kTagTask) continue;
        run_one(*wl, wo, payload, recv_start, recv_end, out);
        send_bytes(out, kTagResult);
        sampler.send_if_due();
    }
    return 0;
}

}  // namespace poolscope::mpi
