// The parts of a pool run that do not depend on how its workers are started: the state and the
// chunk plan, sending tasks (the shared queue, imap's window, static blocks), warm-pool gating
// and the final accounting. Shared by the process pool (pool_runner.cpp) and the MPI backend
// (mpi_runner.cpp), whose slots are worker ranks behind the dispatcher.
#pragma once

#include "core/engine/pool_state.h"
#include "core/telemetry/run_telemetry.h"

namespace poolscope {

// Slots for every worker, the imap window, warm gating and a blank result.
void init_pool_state(PoolState& st, const RunContext& ctx);
// The chunk plan and its per-chunk bookkeeping (built after the workers started).
void init_pool_plan(PoolState& st);
// Writes what the slot's task buffer holds, as far as its descriptor takes it now.
void flush_tasks(WorkerSlot& slot);
// Tops the slot up to kInflightPerWorker chunks from its queue and flushes.
void dispatch_tasks(PoolState& st, WorkerSlot& slot);
// Warm pools: the clock starts once every worker is ready, at the first dispatch.
void open_warm_dispatch(PoolState& st);
// Every live worker has reported ready (the pool is up, even when there is no work).
bool all_ready(const PoolState& st);
// Registers the run's stop sources in this turn's poll set (none once the pool is stopping):
// one that asks for a stop interrupts the run and ends every worker.
void watch_stops(PoolState& st);
bool any_alive(const PoolState& st);
// Start-up, teardown, breakdown, totals and telemetry figures into st.result.
void finish_pool(PoolState& st, RunTelemetry& tel, int64_t t_end);

}  // namespace poolscope
