// EventStreamParser: reads an event stream one line at a time, as a live reader (the GUI, fed
// by the engine's stdout) gets it; stream() grows with every line, and a StreamListener, when
// set, is told what each line changed (run started, chunks appended, buckets merged, sample,
// run ended…). read_event_stream() is this parser over a whole file.
#pragma once

#include <cstddef>
#include <memory>
#include <string_view>

#include "core/events/event_reader.h"
#include "core/events/stream_listener.h"

namespace poolscope {

class EventStreamParser {
  public:
    // Bounds on one line, checked before it is parsed, so a hostile file costs at most a line's
    // bytes and a bounded JSON tree (docs/events.md, "Reading a stream").
    static constexpr std::size_t kMaxLineBytes = std::size_t{4} << 20;
    static constexpr int kMaxDepth = 32;  // nesting of arrays and objects
    static constexpr std::size_t kMaxValues = std::size_t{1} << 18;  // values (and keys) in a line

    // hot_lines: chunks and sample lines in the writer's plain shape are read without a JSON
    // tree (the same stream results; false reads every line as a tree, what tests compare with).
    explicit EventStreamParser(bool hot_lines = true);
    ~EventStreamParser();
    EventStreamParser(EventStreamParser&&) noexcept;
    EventStreamParser& operator=(EventStreamParser&&) noexcept;

    // One line, without its '\n' (empty lines are skipped but counted). unterminated: the line
    // had no '\n' (the stream ended mid-line), which an error message then mentions.
    // Throws EventStreamError naming the line (also for a line past kMaxLineBytes, nested past
    // kMaxDepth or holding more than kMaxValues values); the stream so far stays valid.
    void parse_line(std::string_view line, bool unterminated = false);

    // Tells listener (nullptr: nobody) what every later line changes; the parser does not own it.
    void set_listener(StreamListener* listener);

    const EventStream& stream() const;
    bool has_hello() const;
    int lines() const { return lines_; }
    // Moves the stream out; the parser is then empty, as if new: the next line must be a hello,
    // and a line naming a run of the taken stream is refused as a run with no run_start.
    EventStream take();
    // A live reader that keeps its own bounded copy of the samples (the GUI) releases the
    // parser's: every run's samples so far are dropped and counted in samples_released, so an
    // hour of telemetry does not pile up twice.
    void release_samples();

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
    int lines_ = 0;
};

}  // namespace poolscope
