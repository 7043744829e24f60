// TimelineModel: what the worker timeline paints, computed from a RunTrace for one visible time
// window and one pixel width. One row per worker; a chunk's bar is split into its phases. The
// worker's own phases (receiving, decoding, computing, encoding) never overlap on a row and go in
// the main lane; the pipe's phases (the task waiting to be read, the result in flight) overlap the
// neighbouring chunks and go in a thin lane under it. Where a chunk is narrower than
// kMergeWidthPx, chunks are merged per pixel column into busy fraction + dominant phase, so a run
// of 10^5 chunks paints as at most a few spans per pixel and row. Aggregated chunk buckets are
// drawn as busy density. Times are seconds since the run's start. Qt-free: the view converts.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "ui/run_trace.h"

namespace poolscope::ui {

enum class Phase : uint8_t { Waiting, Receiving, Decoding, Computing, Encoding, InFlight };
inline constexpr int kPhaseCount = 6;
// Receiving..Encoding happen on the worker (main lane); Waiting and InFlight in the pipe.
inline bool inPipe(Phase p) {
    return p == Phase::Waiting || p == Phase::InFlight;
}

struct TimelineSpan {
    enum class Kind : uint8_t { Exact, Merged, Bucket };
    float x0 = 0;  // pixels from the left edge of the plot, clipped to [0, width]
    float x1 = 0;
    Phase phase = Phase::Computing;  // for merged spans: the dominant phase
    Kind kind = Kind::Exact;
    float busy = 1;     // share of [x0, x1] the lane's phases cover (1 for exact spans)
    int64_t item = -1;  // exact: index into RunTrace::chunks; bucket: into RunTrace::buckets
};

struct TimelineBand {
    enum class Kind : uint8_t { Startup, Teardown, IdleAtEnd };
    Kind kind = Kind::Startup;
    double t0 = 0;  // seconds since the run's start
    double t1 = 0;
};

struct TimelineRow {
    int worker = 0;
    std::vector<TimelineSpan> spans;  // exact, then bucket, then merged spans
    std::vector<TimelineBand> bands;  // start-up, teardown, idle after the worker's last chunk
};

class TimelineModel {
  public:
    static constexpr float kMergeWidthPx = 2.0f;

    // Takes in `run` (nullptr clears). Cheap when nothing changed; new chunks are indexed
    // incrementally. The trace must outlive the model's use of it (call again after it changes).
    void setRun(const RunTrace* run);
    // Where the timeline's time 0 lies, in the stream's clock (see the .cpp).
    static int64_t originOf(const RunTrace& run);
    const RunTrace* run() const { return run_; }
    const std::string& runId() const { return run_id_; }
    int rowCount() const { return static_cast<int>(rows_.size()); }
    // Seconds from the run's start to its end (while running: to the newest stamp).
    double duration() const { return duration_; }
    // Builds rows() for the window [t0, t1] over `width` pixels: reuses the last layout when
    // neither the window nor the data changed; while the window holds, lays out only the chunks
    // taken in since (the picture is the one a layout from scratch gives).
    void layout(double t0, double t1, int width);
    const std::vector<TimelineRow>& rows() const { return rows_; }
    // Counts every change setRun() took in (a view has something new to draw when it moved).
    uint64_t generation() const { return generation_; }
    // How many times layout() computed the rows (reused layouts not counted), and how many of
    // those started from scratch (another window or width, or chunks taken in out of order).
    uint64_t layoutCount() const { return layouts_; }
    uint64_t fullLayoutCount() const { return full_layouts_; }
    // The chunk received last (the one the run waited for), -1 when none.
    int64_t lastChunk() const { return last_chunk_; }

    // A chunk's first and last stamp, and the span the worker itself spent on it (its main
    // lane: receiving to encoded); 0 where the stamps are missing.
    static int64_t beginOf(const ChunkRecord& c) {
        return c.dispatch_ns     ? c.dispatch_ns
               : c.recv_start_ns ? c.recv_start_ns
                                 : c.compute_start_ns;
    }
    static int64_t endOf(const ChunkRecord& c);
    static int64_t workerBegin(const ChunkRecord& c) {
        return c.recv_start_ns ? c.recv_start_ns : c.compute_start_ns;
    }
    static int64_t workerEnd(const ChunkRecord& c) {
        return c.ser_end_ns ? c.ser_end_ns : c.compute_end_ns;
    }
    // Seconds since the run's start of a CLOCK_MONOTONIC stamp.
    double seconds(int64_t ns) const { return static_cast<double>(ns - start_ns_) * 1e-9; }
    // A phase of a chunk as [from, to]; false when its stamps are missing or reversed.
    bool phase(const ChunkRecord& c, Phase p, double& from, double& to) const;
    // The chunk at time t on `row` (index into RunTrace::chunks), or -1: in the main lane, the
    // one whose worker phases cover t (or the nearest within `tolerance` seconds); in the pipe
    // lane, one whose waiting or in-flight interval covers t.
    int64_t chunkAt(int row, double t, double tolerance, bool pipe) const;
    // The aggregated bucket covering t on `row` (index into RunTrace::buckets), or -1.
    int64_t bucketAt(int row, double t) const;

  private:
    struct RowIndex {
        std::vector<uint32_t> chunks;  // by begin time
        std::vector<int64_t> max_end;  // running maximum of the chunks' end stamps
        std::vector<uint32_t> buckets;
        int64_t last_worker_end = 0;  // the worker's last ser_end (or compute_end)
    };
    // What a row's layout keeps while the window holds: the chunks laid out so far, the exact
    // spans they gave (the front of TimelineRow::spans) and the cover the narrow ones added.
    struct RowLayout {
        std::size_t chunks = 0;  // entries of RowIndex::chunks laid out
        std::size_t exact = 0;   // spans of those chunks at the front of the row's spans
        bool covered = false;    // some chunk added cover
        std::array<std::vector<float>, kPhaseCount> cover;  // per phase, per column, in pixels
    };
    void clear();
    void indexChunks(std::size_t from);
    void indexBuckets();
    void computeBands();
    int rowOf(int worker);
    void layoutRow(std::size_t r, double t0, double t1, int width);
    void mergeRow(TimelineRow& row, const std::array<std::vector<float>, kPhaseCount>& cover);
    std::size_t firstOverlap(const RowIndex& row, int64_t t_ns) const;

    const RunTrace* run_ = nullptr;
    std::string run_id_;
    std::size_t indexed_ = 0;
    std::size_t bucket_sig_ = 0;
    std::size_t events_seen_ = 0;
    bool finished_ = false;
    int64_t start_ns_ = 0;
    int64_t max_stamp_ = 0;
    int64_t last_received_ = 0;
    int64_t last_chunk_ = -1;
    double duration_ = 0;
    std::vector<int> row_of_worker_;
    std::vector<RowIndex> index_;
    std::vector<TimelineRow> rows_;
    // Layout cache key, each row's layout so far, and per-column scratch (a row's chunk cover
    // with its buckets' added).
    uint64_t generation_ = 1;
    uint64_t laid_out_generation_ = 0;
    uint64_t layouts_ = 0;
    uint64_t full_layouts_ = 0;
    double laid_t0_ = 0, laid_t1_ = 0;
    int laid_width_ = 0;
    bool reordered_ = false;  // a row's chunks were sorted again since the last layout
    std::vector<RowLayout> laid_rows_;
    std::array<std::vector<float>, kPhaseCount> cover_;
};

}  // namespace poolscope::ui
