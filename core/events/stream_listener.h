// StreamListener: what one line of an event stream changed, pushed to a live reader (the GUI)
// as the parser stores it, so the reader need not diff EventStreamParser::stream() against its
// own indices. Each call comes after the change is in stream(), so a listener may read the run
// (stream().runs[run]); runs are indices in run_start order. Every hook does nothing by default.
#pragma once

#include <cstddef>
#include <optional>

#include "core/events/event_reader.h"

namespace poolscope {

class StreamListener {
  public:
    virtual ~StreamListener() = default;

    virtual void hello(const StreamHello&) {}
    virtual void run_started(std::size_t /*run*/) {}
    virtual void worker_changed(std::size_t /*run*/, const WorkerEvent&) {}
    // Chunk records [first, first + count) of the run's chunks are new.
    virtual void chunks_appended(std::size_t /*run*/, std::size_t /*first*/,
                                 std::size_t /*count*/) {}
    // The run switched from per-chunk records to buckets.
    virtual void aggregated(std::size_t /*run*/) {}
    // count buckets were merged into the run's (kept in worker, start order).
    virtual void buckets_merged(std::size_t /*run*/, std::size_t /*count*/) {}
    virtual void progressed(std::size_t /*run*/, const ProgressEvent&) {}
    virtual void sampled(std::size_t /*run*/, const Sample&) {}
    virtual void warned(const StreamWarning&) {}
    // An error of a run, or of the stream as a whole (run empty).
    virtual void failed(std::optional<std::size_t> /*run*/, const StreamError&) {}
    // run_end came: the run's result is in stream().runs[run].result.
    virtual void run_ended(std::size_t /*run*/) {}
    // A series ended / a comparison came: stream().series[i] / stream().comparisons[i].
    virtual void series_ended(std::size_t /*i*/) {}
    virtual void compared(std::size_t /*i*/) {}
};

}  // namespace poolscope
