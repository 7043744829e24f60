// What `run` and `sweep` share around the engine: opening the --events destination, ending the
// stream with every loss reported, and which runs count as failed for the exit status.
#pragma once

#include <string>

#include "core/engine/run_series.h"
#include "core/events/event_stream_writer.h"

namespace poolscope::cli {

// Opens the --events destination ("-" is a copy of stdout); -1 and a message on failure.
int open_events(const std::string& where, std::string& err);
// "the event stream to stdout" or "the event stream to 'FILE'".
std::string events_name(const std::string& where);
// Ends the event stream: the bounded final flush, then the close. False (after one line on
// stderr, "poolscope-cli COMMAND: error: …") when any of it was lost.
bool finish_events(const char* command, EventStreamWriter& writer, int fd,
                   const std::string& where);

// A run failed when it is partial for any reason but an interruption (that is exit 130).
bool failed(const RunResult& r);
bool failed(const RunSeries& s);

}  // namespace poolscope::cli
