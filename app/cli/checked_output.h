// Output the CLI checks: every write of a table, a result, an export is verified down to the
// final flush and close, and a failure is one line on stderr naming the destination and the OS
// error (exit 1). Descriptors 0-2 that were closed at start are filled with /dev/null, so no
// descriptor the engine opens later (a pipe, a file) can take their place; writing to such a
// stream counts as failing with EBADF.
#pragma once

#include <cstdio>
#include <optional>
#include <string>

namespace poolscope::cli {

// Call once, first thing in main: opens /dev/null on each of 0, 1 and 2 that is closed.
void guard_standard_descriptors();
// Whether fd (0, 1 or 2) was closed when guard_standard_descriptors() ran.
bool closed_at_start(int fd);

// Writes text to a standard stream and flushes it; the OS error on failure.
std::optional<std::string> write_stream(FILE* stream, const std::string& text);
// Creates or truncates path and writes text, checking every write and the close.
std::optional<std::string> write_file(const std::string& path, const std::string& text);

// "poolscope-cli COMMAND: error: cannot write WHAT: ERROR" on stderr.
void report_write_error(const char* command, const std::string& what, const std::string& error);

}  // namespace poolscope::cli
