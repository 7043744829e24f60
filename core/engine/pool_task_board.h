// TaskBoard: the one task queue that every worker of a map, imap, imap_unordered or apply_async
// run reads, as Python's Pool has one. It lives in shared memory: the engine posts chunks in
// order; a worker claims the next one only when it is free, so no worker holds a second chunk
// while another is idle, and no task waits on a round trip to the engine.
//
// A claim is one store of the worker's index into the entry (`owner`), made under a robust,
// process-shared mutex that is held from the claim until the task frame has been read from the
// shared task pipe (pipe transport; with shm the entry is the whole task). The engine learns
// who holds which chunk from the entries, so a worker that is killed still has its chunk known.
// A worker killed while it held the mutex leaves the pipe possibly half-read: the next holder
// (told by EOWNERDEAD) skips the entries the dead one claimed and discards the rest of its
// frame, counting the bytes the engine wrote (published under a sequence lock) against those
// still in the pipe (FIONREAD). Workers with nothing to claim sleep on a futex the engine
// wakes when it posts.
//
// Each worker also publishes, in a slot of its own, the entry of the last task it finished
// (`finished_through`): a worker sends the results of back-to-back tasks in one write, so when it
// dies the engine tells the chunks it had finished (their results lost with it: they go back to
// the queue) from the one it was running (that one failed).
#pragma once

#include <pthread.h>

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <optional>

#include "core/engine/result_slots.h"
#include "core/protocol/frame.h"

namespace poolscope {

struct BoardEntry {
    uint64_t chunk_id = 0;
    uint64_t first = 0;
    uint64_t count = 0;
    int64_t dispatch_ns = 0;
    uint64_t frame_offset = 0;       // pipe: where its task frame starts in the pipe's byte stream
    uint64_t frame_bytes = 0;        // pipe: the frame's size; 0 with shm (no frame at all)
    std::atomic<int32_t> owner{-1};  // the claiming worker's index; -1 while unclaimed
    std::atomic<int64_t> claim_ns{0};
};

// A claimed task, copied out of its entry.
struct ClaimedTask {
    uint64_t seq = 0;
    uint64_t chunk_id = 0, first = 0, count = 0;
    int64_t dispatch_ns = 0;
    int64_t claim_ns = 0;
    uint64_t frame_bytes = 0;
    // The checksum of the frame's payload, taken as it was read (pipe transport; nullopt when
    // the frame's header does not give its type and a length that matches frame_bytes).
    std::optional<uint64_t> payload_sum;
};

class TaskBoard {
  public:
    static constexpr uint64_t kSlots = 4096;  // entries posted but not yet noted by the engine
    static constexpr int kMaxWorkers = 1024;  // slots for finished_through (kMaxWorkersCap)
    static std::size_t bytes();               // shared memory it needs (page multiple)

    // Engine: builds the board in `mem` (bytes() long, zeroed, shared). Message on failure.
    std::optional<std::string> create(std::byte* mem);
    // Worker: uses a board the engine built (inherited or attached mapping).
    void attach(std::byte* mem);
    bool valid() const { return h_ != nullptr; }
    // The workers' result rings (result_slots.h), after the finished slots.
    ResultSlots& results() { return results_; }
    const ResultSlots& results() const { return results_; }

    // --- engine side (single thread) ---
    uint64_t posted() const;
    uint64_t claimed() const;  // entries below this were claimed (published by workers)
    BoardEntry& entry(uint64_t seq) const;
    // Fills the next entry; it becomes visible with publish().
    void stage(uint64_t seq, const BoardEntry& e);
    // Makes entries up to `posted` claimable and wakes sleeping workers.
    void publish(uint64_t posted);
    // No more posts: workers exit once nothing is left to claim.
    void close();
    // Entries below this, claimed by `worker`, are finished (0: none yet).
    uint64_t finished_through(int worker) const;
    // The sequence lock around the engine's writes into the shared task pipe.
    void begin_write();
    void end_write(uint64_t bytes);

    // --- worker side ---
    // Blocks until a task is claimed (its frame, pipe transport, read from pipe_fd into
    // `frame`) or the board is closed and empty (nullopt). Fatal problems: `error` is set.
    // `before_sleep` runs when there is nothing to claim, before the worker sleeps.
    std::optional<ClaimedTask> claim(int worker, int pipe_fd, Bytes& frame, std::string& error,
                                     void (*before_sleep)(void*) = nullptr, void* arg = nullptr);
    // Something is posted and unclaimed (a hint: another worker may claim it first).
    bool has_work() const;
    // The task at entry `seq`, claimed by `worker`, is finished (its result may not be sent yet).
    void finish(int worker, uint64_t seq);

  private:
    struct Header;
    bool recover(int pipe_fd, std::string& error);  // after EOWNERDEAD, under the mutex
    bool lock(int pipe_fd, std::string& error);
    void sleep_until_posted(uint32_t seen_gen);
    static bool read_task_frame(int pipe_fd, Bytes& frame, ClaimedTask& t);

    Header* h_ = nullptr;
    BoardEntry* entries_ = nullptr;
    std::atomic<uint64_t>* finished_ = nullptr;  // kMaxWorkers slots after the entries
    ResultSlots results_;
};

}  // namespace poolscope
