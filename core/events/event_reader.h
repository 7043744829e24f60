// EventReader: reads a saved (or captured) event stream back into the structs it was written
// from: the hello, and per run its configuration, worker events, chunk records or aggregated
// buckets, progress, samples, errors and the RunResult of run_end. What `poolscope-cli replay`
// and `export` are built on. Unknown event types and keys are skipped (docs/events.md,
// "Versions"); a malformed line is an error that names its line number.
#pragma once

#include <cstdint>
#include <istream>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "core/engine/run_observer.h"
#include "core/engine/run_result.h"
#include "core/events/chunk_buckets.h"
#include "core/events/drop_counts.h"
#include "core/telemetry/run_telemetry.h"

namespace poolscope {

struct StreamHello {
    int schema = 0;
    std::string tool;
    std::string version;
    int cores = 0;
    std::string kernel;
    int64_t origin_ns = 0;  // CLOCK_MONOTONIC of t = 0

    bool operator==(const StreamHello&) const = default;
};

struct StreamError {
    RunError error;
    int64_t t_ns = 0;
};

struct StreamWarning {
    std::string code;
    std::string message;
    DropCounts dropped;
    int64_t t_ns = 0;
};

// Everything the stream said about one run. Times are CLOCK_MONOTONIC ns (hello's origin_ns
// plus each event's t), so they compare with the RunResult's start_ns and end_ns.
struct StreamRun {
    std::string run_id;
    RunConfig config;
    MachineInfo machine;
    std::string label;
    int64_t start_t_ns = 0;
    std::vector<WorkerEvent> workers;
    std::vector<ChunkRecord> chunks;   // per-chunk detail, up to the cap
    std::vector<ChunkBucket> buckets;  // past the cap: merged per worker and bucket
    bool aggregated = false;           // an "aggregated" event came
    uint64_t aggregated_after = 0;     // chunks with full detail before aggregation began
    std::vector<ProgressEvent> progress;
    std::vector<Sample> samples;
    uint64_t samples_released = 0;  // samples a live reader took and released from the front
    std::vector<StreamError> errors;
    std::optional<RunResult> result;  // absent when the stream ends before run_end
    DropCounts dropped;               // run_end's account of drops in this run
    uint64_t chunks_streamed = 0;
    uint64_t chunks_aggregated = 0;
};

// A series_end event: which runs were counted (their ids have run_starts), with the figures.
struct StreamSeries {
    std::vector<std::string> runs;
    std::string representative;
    Stat wall_s, startup_s, teardown_s, compute_s;
    bool partial = false;
    int64_t t_ns = 0;
};

// A comparison event: a serial and a parallel series set side by side.
struct StreamComparison {
    std::vector<std::string> serial;
    std::vector<std::string> parallel;
    double speedup = 0;
    double efficiency = 0;
    double T = 0;
    double C = 0;
    bool checksums_match = false;
    std::string verdict;
    int64_t t_ns = 0;
};

struct EventStream {
    StreamHello hello;
    std::vector<StreamRun> runs;       // in run_start order
    std::vector<StreamSeries> series;  // in the order they ended
    std::vector<StreamComparison> comparisons;
    std::vector<StreamError> errors;  // errors outside any run
    std::vector<StreamWarning> warnings;
    // Why the last line, which had no newline, could not be read: the stream was cut off
    // mid-line (the engine was killed). What came before it is kept. Empty when none.
    std::string cut_off;

    const StreamRun* find_run(std::string_view run_id) const;
};

class EventStreamError : public std::runtime_error {
  public:
    // line 0: the stream could not be read at all (missing or unreadable file).
    EventStreamError(int line, const std::string& message);
    int line() const { return line_; }
    bool unreadable() const { return line_ == 0; }

  private:
    int line_;
};

// All throw EventStreamError; a last line cut off mid-way is not an error but
// EventStream::cut_off. A line longer than EventStreamParser::kMaxLineBytes is refused as soon
// as that many bytes of it were read, so memory stays bounded whatever the file.
EventStream read_event_stream(std::istream& in);
EventStream read_event_stream_text(std::string_view text);
EventStream read_event_stream_file(const std::string& path);

}  // namespace poolscope
