// The MPI backend's supervisor (--backend mpi): the same single-threaded poll() loop and pool
// bookkeeping as the process pool (pool_dispatch.h, pool_results.h), whose W slots are the
// worker ranks of an `mpirun` job. Each slot has its own connection to the dispatcher (rank 0),
// which relays its task and result frames to and from that rank as MPI messages, so the shared
// queue, imap's window and the result accounting are the pool's own. A control connection
// carries the ranks' hosts, pids and clock offsets. A lost rank ends the whole job: the run
// ends naming rank, host and chunk, with finished results kept. No MPI in this process.
#pragma once

#include "core/engine/run_context.h"
#include "core/engine/run_result.h"

namespace poolscope {

RunResult run_mpi(const RunContext& ctx);

}  // namespace poolscope
