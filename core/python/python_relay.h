// PythonRelay: what the Python driver sends, checked and passed on. Its event stream is read
// line by line with the engine's own EventStreamParser (so a line the GUI or replay could not
// read is refused here first) and relayed to the run's observer under the engine's run id; the
// output bytes of each finished chunk are hashed with the engine's item hash, so the checksum
// of a Python run is the engine's own and compares with the native backends'.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/engine/run_context.h"
#include "core/events/event_stream_parser.h"

namespace poolscope {

class PythonRelay {
  public:
    PythonRelay(const RunContext& ctx, RunResult& result);

    // Reads what each pipe holds. False at end of file or when the driver broke the protocol
    // (the error is then in the result).
    bool read_events(int fd);
    bool read_outputs(int fd);

    // The driver's run_end, once it came (its checksum is not used: see read_outputs).
    const std::optional<RunResult>& driver_result() const { return driver_result_; }
    // Pool workers the driver reported started (index, pid), in order.
    const std::vector<WorkerEvent>& started() const { return started_; }
    // Every worker event the driver sent (started, ready, exited), in order.
    const std::vector<WorkerEvent>& worker_events() const { return worker_events_; }
    // The chunks relayed so far, each checked against the plan: the parser's own records, not a
    // copy (a 10^5-chunk run would hold them twice).
    std::span<const ChunkRecord> chunks() const;
    bool all_chunks_done() const { return chunks().size() >= planned_; }
    bool driver_reported_error() const { return driver_errors_ > 0; }
    bool broken() const { return broken_; }

  private:
    void relay_new();
    void protocol_error(const std::string& message);
    bool take_outputs();

    const RunContext& ctx_;
    RunResult& r_;
    EventStreamParser parser_;
    std::string line_;
    std::vector<std::byte> out_buf_;
    std::size_t out_at_ = 0;
    uint64_t planned_ = 0;
    uint64_t max_chunk_ = 0;
    std::size_t seen_workers_ = 0, seen_chunks_ = 0, seen_progress_ = 0, seen_errors_ = 0;
    std::vector<bool> handed_over_;  // per chunk: its outputs came (each counts once)
    std::vector<WorkerEvent> started_, worker_events_;
    std::optional<RunResult> driver_result_;
    int driver_errors_ = 0;
    bool broken_ = false;
};

}  // namespace poolscope
