// Colour on a terminal: the verdict line, failures and errors. None when NO_COLOR is set to
// anything non-empty or the stream is not a terminal (--color auto), always or never on request.
#pragma once

#include <string>

namespace poolscope::cli {

enum class ColorMode { Auto, Always, Never };

// Whether to colour what goes to fd.
bool color_wanted(ColorMode mode, int fd);

// A table (summary_table's text) with its verdict line, its errors and partial-result lines
// and a checksum mismatch in colour; text unchanged when color is false.
std::string colorize_report(const std::string& text, bool color);

// "poolscope-cli CMD: error: " with "error" in bold red when color is true.
std::string error_prefix(const std::string& command, bool color);

}  // namespace poolscope::cli
