// Decoding what workers send and deciding what a failure means (--on-failure). Internal to the
// engine; used by the pool loop in pool_runner.cpp.
#pragma once

#include "core/engine/pool_state.h"

namespace poolscope {

// Reads everything the worker's result pipe holds and handles each whole frame.
// Returns false when the pipe reached end of file or the stream is corrupt.
bool drain_results(PoolState& st, WorkerSlot& slot);

// Takes the records the worker published in its result ring (shm, results in place), in the
// order it finished them: a record waits for the Result frames it follows. False: a record
// that is garbled or does not answer its chunk (a protocol error, handled).
bool collect_results(PoolState& st, WorkerSlot& slot);

// collect_results for every worker with a ring; true when any record was taken.
bool collect_all_results(PoolState& st);

// A chunk did not complete: record the error, then retry, skip or stop as configured.
void fail_chunk(PoolState& st, uint64_t chunk, RunError err);

// The worker can no longer serve its in-flight chunks: the one at position `failed` (see
// running_position) fails with err; the others — queued behind it, or finished with their
// results lost with the worker — go back to the queue.
void release_inflight(PoolState& st, WorkerSlot& slot, const RunError& err, std::size_t failed = 0);

// A worker is gone (reaped). Fails its in-flight chunks unless its end was expected.
void on_worker_exit(PoolState& st, WorkerSlot& slot, const struct ExitStatus& status);

// Stops dispatching and ends every worker (TERM now, KILL after the grace period).
void begin_stop(PoolState& st, int64_t now);

// Asks one worker to die: TERM now, KILL at now + grace.
void end_worker(WorkerSlot& slot, int64_t now);

void add_error(PoolState& st, RunError err);

// An allocation failed in the engine: the run stops like any failed run, results kept.
void out_of_memory(PoolState& st);

}  // namespace poolscope
