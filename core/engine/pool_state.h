// The bookkeeping of one pool run: its slots (one per worker), chunk queue and records.
// Internal to the engine (pool_runner.cpp and pool_results.cpp).
#pragma once

#include <deque>
#include <optional>
#include <vector>

#include "core/config/chunk_plan.h"
#include "core/engine/frame_channel.h"
#include "core/engine/pool_task_board.h"
#include "core/engine/run_context.h"
#include "core/engine/run_errors.h"
#include "core/engine/run_loop.h"
#include "core/engine/run_result.h"
#include "core/engine/shared_segment.h"
#include "core/protocol/frame.h"

namespace poolscope {

struct WorkerSlot {
    int index = 0;
    pid_t pid = 0;
    pid_t signal_pid = 0;  // whom end_worker signals, 0 = pid (MPI: mpirun, not a remote rank)
    int pidfd = -1;
    int task_fd = -1;
    FrameChannel results;  // the worker's result stream, bounded by --max-frame
    Bytes outbuf;
    std::size_t out_off = 0;
    std::deque<uint64_t> inflight;  // chunk ids in the order sent
    bool ready = false;
    bool alive = false;          // launched and not reaped
    bool doomed = false;         // asked to die (TERM sent); its death is not a new error
    int64_t kill_at_ns = 0;      // SIGKILL deadline after TERM
    int64_t busy_since_ns = 0;   // when its current front chunk became its current work
    int64_t exited_ns = 0;       // --reap-delay-ms: when its exit was seen (a zombie until reaped)
    std::size_t record = 0;      // index into worker_records
    uint64_t ring_tail = 0;      // records of its result ring consumed (result_slots.h)
    uint32_t result_frames = 0;  // Result frames handled (a record names those before it)
};

struct PoolState {
    const RunContext* ctx = nullptr;
    std::vector<ChunkSpec> plan;
    std::vector<ChunkRecord> chunks;
    std::vector<int> attempts;              // per chunk
    std::vector<bool> finished;             // per chunk: ok, skipped or given up
    std::deque<uint64_t> queue;             // shared queue (map) of chunk ids not yet sent
    std::vector<std::deque<uint64_t>> own;  // static: per-worker queue
    std::vector<WorkerSlot> slots;
    RunResult result;
    uint64_t finished_count = 0;
    uint64_t items_done = 0;
    int64_t t0 = 0;
    int64_t t_last = 0;
    int64_t t_dispatch0 = 0;  // warm pools: the first dispatch (start of the timed region)
    bool stopping = false;    // no more dispatch; workers are being ended
    bool joining = false;     // all work finished; task pipes closed
    bool interrupted = false;
    bool kill_injected = false;
    std::optional<ErrorSink> errors;  // into `result` (set by init_pool_state)
    // Delivery to the caller (see RunResult::delivery_order).
    std::vector<bool> settled;  // per chunk: arrived or given up
    uint64_t deliver_next = 0;  // imap: the next chunk id the ordered stream waits for
    uint64_t imap_window = 0;   // imap: chunks allowed beyond deliver_next
    SharedSegment shm;          // --transport shm: every item's input and output
    bool use_shm = false;
    int64_t shm_fill_ns = 0;
    // Warm pools: dispatch starts once every worker is ready; the clock starts there.
    bool dispatch_open = true;
    // The shared task queue (every dispatch but static; pool_queue.h).
    TaskBoard board;
    int queue_fd = -1;              // the shared task pipe's write end (non-blocking)
    int queue_read_fd = -1;         // its read end, handed to every worker as its task descriptor
    Bytes queue_out;                // task frames encoded, not yet written
    std::size_t queue_out_off = 0;  // where the front piece of queue_out's own bytes starts
    // What waits to enter the task pipe, in stream order: `bytes` of queue_out (from nullptr),
    // or a large task payload written straight from the workload's prepared inputs.
    struct QueuePiece {
        const std::byte* from = nullptr;
        std::size_t bytes = 0;
    };
    std::deque<QueuePiece> queue_pieces;
    std::size_t piece_off = 0;    // bytes of the front piece already written
    uint64_t stream_encoded = 0;  // bytes of task frames encoded so far (the next frame's offset)
    uint64_t stream_written = 0;  // of which written into the pipe
    uint64_t staged = 0;          // board entries filled (claimable once their frame is written)
    uint64_t posted = 0;          // board entries published
    uint64_t noted = 0;           // board entries whose claim the engine has recorded
    std::vector<uint64_t> noted_ahead;  // entries at or past `noted` recorded early (a death)
    std::vector<uint64_t> claim_seq;    // per chunk: the board entry of its latest claim
    std::vector<int64_t> claim_ns;      // per chunk: when it was claimed
    PollSet poll_set;                   // the loop's descriptors, registered each turn
};

}  // namespace poolscope
