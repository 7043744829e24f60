// The checks every event line passes before it is parsed, and how its errors are worded:
// "line N: what", with a note when the line had no newline (the stream was cut off).
#pragma once

#include <string>
#include <string_view>

namespace poolscope {

std::string line_error(int line, const std::string& what, bool cut_off);

// Refuses (EventStreamError) a line longer than EventStreamParser::kMaxLineBytes, nested deeper
// than kMaxDepth or holding more than kMaxValues values, before any of it is parsed: a JSON tree
// costs far more memory than its text, and a deep one more again.
void check_shape(std::string_view text, int line, bool cut_off);

}  // namespace poolscope
