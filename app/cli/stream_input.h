// Loading a saved event stream for `replay` and `export`, with the CLI's exit codes: 1 when the
// file cannot be read, 2 when it is not a valid stream (the message names the line).
#pragma once

#include <optional>
#include <string>

#include "core/events/event_reader.h"

namespace poolscope::cli {

// path "-" reads stdin. On failure prints "poolscope-cli COMMAND: error: ..." to stderr, sets
// exit_code and returns nullopt.
std::optional<EventStream> load_stream(const std::string& path, const char* command,
                                       int& exit_code);

// A stream cut off mid-line keeps what came before the cut; after showing that, the command
// reports the cut ("poolscope-cli COMMAND: error: PATH: line N: ...") and exits 1. True when
// the stream was cut off.
bool report_cut_off(const EventStream& stream, const std::string& path, const char* command);

}  // namespace poolscope::cli
