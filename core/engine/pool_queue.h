// The engine's side of the shared task queue (pool_task_board.h) that map, imap,
// imap_unordered and apply_async use: it encodes queued chunks into the one shared task pipe
// (every queued frame in one write), posts them on the board once their frames are in the
// pipe, and records which worker claimed which chunk, so deadlines, deaths and results find
// their chunk. `static` keeps a pipe per worker and its own blocks (pool_runner.cpp).
#pragma once

#include <optional>
#include <string>

#include "core/engine/pool_state.h"

namespace poolscope {

// Every dispatch but static reads the shared queue.
bool uses_queue(const RunConfig& cfg);

// The board (in the run's segment, already created with TaskBoard::bytes() in front) and the
// shared task pipe, sized to the system's pipe-max-size. Message on failure.
std::optional<std::string> open_queue(PoolState& st);

// Encodes what may be queued now, writes it, posts what is fully written.
void feed_queue(PoolState& st);
bool queue_wants_write(const PoolState& st);

// Records the claims workers published (chunk → worker, busy since the claim).
void note_claims(PoolState& st);
// The same, plus claims `dead` made without publishing them (it died in between).
void note_claims_of(PoolState& st, const WorkerSlot& dead);

// The position in slot.inflight of the first chunk its worker has not finished: the chunks
// before it are finished, their results not yet received (sent in a batch still to come, or
// lost with the worker). 0 without the shared queue.
std::size_t first_unfinished(const PoolState& st, const WorkerSlot& slot);

// The chunk a worker that can no longer serve is charged with: the one it was running, or, if
// it had finished them all, the first whose result never came.
std::size_t running_position(const PoolState& st, const WorkerSlot& slot);

// Chunks waiting in the queue or on the board, not yet claimed.
bool queue_has_work(const PoolState& st);

// No more tasks: workers leave once they are free (pool close) — or at once (stop).
void close_queue(PoolState& st);

// Appends chunk `id`'s task frame (inputs inline with pipe transport, the range only with shm)
// to `out` and stamps the chunk's dispatch, bytes in and serialization time.
void encode_task_frame(PoolState& st, Bytes& out, uint64_t id);

}  // namespace poolscope
