// The bookkeeping of one MPI run: the pool's state (its slots are the worker ranks), the job and
// the dispatcher's connections. Internal to the engine (mpi_runner.cpp, mpi_ranks.cpp).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/engine/child_process.h"
#include "core/engine/mpi_launch.h"
#include "core/engine/pool_state.h"
#include "core/protocol/mpi_messages.h"
#include "core/telemetry/host_totals.h"

namespace poolscope {

struct MpiRun {
    PoolState st;
    MpiJob job;
    FrameChannel control;         // the dispatcher's rank table and other hosts' samples
    int accepted = 0;             // control first, then one connection per worker rank
    std::vector<RankInfo> ranks;  // index = rank
    bool reaped = false;
    int64_t lost_ns = 0;     // a channel closed while the job should be running
    int64_t kill_at_ns = 0;  // SIGKILL to the whole session
    std::string host;        // this machine's name (the dispatcher's host), for samples
    std::map<std::string, HostTotals> remote_totals;  // from the samples other hosts sent
};

// The host of a rank as the dispatcher reported it ("?" before its table arrived).
std::string host_of(const MpiRun& m, int rank);
// The rank runs on this machine (the dispatcher's host): its pid can be sampled and signalled.
bool rank_is_local(const MpiRun& m, int rank);
// "rank 2 (pid 123) on host b"
std::string rank_label(const MpiRun& m, int rank, pid_t pid);

// The dispatcher's table: every rank's host, pid and clock; the hosts go into machine facts.
void on_ranks(MpiRun& m, std::vector<RankInfo> ranks);

// A sample another host's lowest rank sent, counted into that host's totals.
void count_host_sample(MpiRun& m, const Sample& s);
// The result's host_totals: the engine's host (from the result's memory and cpu), then every
// other host of the job, by name; a host none of whose samples arrived has samples 0.
void add_host_totals(MpiRun& m);

// The job is gone: every slot ends; the rank mpirun names fails its chunk, the others' chunks
// end with the job.
void on_job_exit(MpiRun& m, const ExitStatus& status, int64_t now);

}  // namespace poolscope
