// EventStreamWriter: the RunObserver that turns a run into the JSON Lines event stream of
// docs/events.md, on a file or a pipe (the GUI reads the engine's stdout). It must never slow
// the run: chunks and progress are batched and written at most every flush_ms (on_tick), past
// a cap chunk detail becomes per-worker time buckets, and output goes through a bounded
// non-blocking buffer that drops (and counts) chunk detail, progress and samples when the reader
// falls behind. hello, run_start, worker, error, warning and run_end are never dropped.
// The process should ignore SIGPIPE, so a reader that goes away is an error, not a death.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/engine/run_observer.h"
#include "core/events/chunk_buckets.h"
#include "core/events/drop_counts.h"
#include "core/events/stream_output.h"

namespace poolscope {

struct EventStreamOptions {
    std::size_t buffer_bytes = std::size_t{8} << 20;  // bound of queued, unwritten output
    uint64_t chunk_detail_cap = 20000;                // chunk records per run, then buckets
    int flush_ms = 50;                                // batching period of chunks and progress
    int bucket_ms = 100;                              // width of an aggregated time bucket
    std::size_t chunks_per_line = 1024;               // a larger batch is split over lines
};

class EventStreamWriter : public RunObserver {
  public:
    // Writes hello at once. origin_ns (CLOCK_MONOTONIC) is the stream's time origin: every "t"
    // is seconds since it. Does not own fd.
    EventStreamWriter(int fd, int64_t origin_ns, const MachineInfo& machine,
                      EventStreamOptions options = {});
    ~EventStreamWriter() override;

    void on_run_start(const std::string& run_id, const RunConfig& config,
                      const MachineInfo& machine, int64_t t_ns) override;
    void on_worker(const WorkerEvent& e) override;
    void on_chunk(const std::string& run_id, const ChunkRecord& c) override;
    void on_progress(const ProgressEvent& p) override;
    void on_sample(const std::string& run_id, const Sample& s) override;
    // An empty run_id reports an error outside any run (the event then has no "run").
    void on_error(const std::string& run_id, const RunError& e, int64_t t_ns) override;
    void on_run_end(const RunResult& r) override;
    void on_series_end(const RunSeries& s) override;
    void on_comparison(const Comparison& c) override;
    void on_tick(int64_t now_ns) override;
    // Until the next flush of batched chunks and progress, or, while output the descriptor did
    // not take yet is queued, until kRetryWriteMs after the last tick; -1 when nothing waits.
    int ms_until_tick(int64_t now_ns) const override;
    static constexpr int kRetryWriteMs = 1;

    // Writes everything still batched (also of runs that never ended) and a last warning if
    // drops were not reported yet, then waits until the descriptor took it all, at most
    // finish_timeout_ms without the reader taking anything (StreamOutput::kFinishTimeoutMs).
    // Call once, when no run is going on. True when everything was written.
    bool finish(int finish_timeout_ms = StreamOutput::kFinishTimeoutMs);

    // Drops over the whole stream so far.
    DropCounts dropped() const { return total_dropped_; }
    bool broken() const { return out_.broken(); }
    // Why output was lost: the errno of a failed write (0 if none), a final flush that timed out.
    int write_error() const { return out_.error(); }
    bool finish_timed_out() const { return out_.timed_out(); }
    std::size_t unwritten_bytes() const { return out_.unwritten_bytes(); }

  private:
    struct RunState {
        RunState(int64_t origin_ns, int64_t width_ns) : buckets(origin_ns, width_ns) {}
        std::vector<ChunkRecord> pending;
        ChunkBucketTable buckets;
        std::optional<ProgressEvent> progress;
        uint64_t chunks_seen = 0;
        uint64_t chunks_streamed = 0;
        uint64_t chunks_aggregated = 0;
        bool aggregated = false;
        DropCounts dropped;
    };

    RunState& run(const std::string& run_id);
    void erase_run(const std::string& run_id);
    void write_hello(const MachineInfo& machine);
    void flush_run(const std::string& run_id, RunState& state, int64_t now_ns);
    void flush_chunks(const std::string& run_id, RunState& state, int64_t now_ns);
    void flush_buckets(const std::string& run_id, RunState& state, int64_t now_ns);
    void flush_all(int64_t now_ns);
    void start_aggregating(const std::string& run_id, RunState& state, int64_t now_ns);
    // Queues a droppable line; on refusal counts it into what (of the run and the stream).
    bool offer(const std::string& line, RunState* state, uint64_t DropCounts::*what,
               uint64_t amount);
    void write_essential(const std::string& line);
    void warn_if_caught_up(int64_t now_ns);
    void write_warning(int64_t now_ns);
    bool has_batched() const;
    double seconds_since_origin(int64_t t_ns) const;

    StreamOutput out_;
    int64_t origin_ns_;
    EventStreamOptions options_;
    std::map<std::string, RunState> runs_;
    // The run last looked up (every chunk and progress hook asks for it); reset on erase.
    std::string cached_run_id_;
    RunState* cached_run_ = nullptr;
    int64_t last_flush_ns_;
    int64_t last_now_ns_;
    int64_t last_tick_ns_ = 0;  // the last on_tick: queued output is retried 1 ms after it
    DropCounts total_dropped_;
    DropCounts unreported_;  // drops not yet told in a warning event
    int64_t last_warning_ns_ = 0;
};

}  // namespace poolscope
