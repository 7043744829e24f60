// Results in place (--transport shm with the shared task queue): a worker that finishes a chunk
// without item failures writes a 64-byte record — the chunk, its stamps, a seal over both — into
// a ring of its own in the run's segment instead of a Result frame on its pipe; its outputs are
// in the segment already. The engine consumes every ring's new records in bulk on each turn of
// its loop. It is woken for them only when it sleeps: it raises `sleeping` before it polls, and
// the worker whose results are due (result_batch.h's limits) takes the flag and sends one small
// Published frame on its pipe. Rare paths stay frames: item failures, a result too large, a
// full ring, Fatal. A record names how many Result frames the worker sent before it, so the
// engine takes a worker's results in the order it finished them, whichever way each came.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>

namespace poolscope {

struct ResultRecord {
    uint64_t chunk_id = 0;
    int64_t recv_start_ns = 0, recv_end_ns = 0, compute_start_ns = 0, compute_end_ns = 0;
    int64_t ser_end_ns = 0;
    uint32_t after_frames = 0;  // Result frames the worker sent before this record
    int32_t worker = -1;
    uint64_t seal = 0;  // over every field above: a garbled record is a protocol error
};

class ResultSlots {
  public:
    static constexpr int kRings = 64;          // worker indices with a ring; the rest use frames
    static constexpr uint64_t kRecords = 512;  // per ring
    // Records a worker holds before it wakes a sleeping engine (or the 1 ms of result_batch.h,
    // or when the board is empty): half a ring, so a batch never finds the ring full.
    static constexpr uint64_t kDue = kRecords / 2;
    static std::size_t bytes();

    void create(std::byte* mem);  // engine: mem is bytes() long, zeroed, shared
    void attach(std::byte* mem);  // worker
    bool has_ring(int worker) const { return rings_ && worker >= 0 && worker < kRings; }
    static uint64_t seal_of(const ResultRecord& r);

    // --- worker side ---
    // Appends a sealed record (corrupt: one byte flipped after sealing, --inject corrupt). False:
    // the ring is full (the engine has not caught up); the result goes as a frame instead.
    bool publish(int worker, ResultRecord r, bool corrupt = false);
    // The engine sleeps waiting for results: true for exactly one taker, who must wake it.
    bool take_sleeping();

    // --- engine side ---
    void reset(int worker);  // before a worker with this index starts
    uint64_t head(int worker) const;
    const ResultRecord& record(int worker, uint64_t n) const;
    void consumed(int worker, uint64_t upto);
    // Raised before the engine sleeps (then it looks at the rings once more), lowered after.
    void set_sleeping(bool on);

  private:
    struct Ring;
    struct Header;
    Header* h_ = nullptr;
    Ring* rings_ = nullptr;
};

}  // namespace poolscope
