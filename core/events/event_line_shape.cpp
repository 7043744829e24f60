#include "core/events/event_line_shape.h"

#include "core/events/event_reader.h"
#include "core/events/event_stream_parser.h"

namespace poolscope {

std::string line_error(int line, const std::string& what, bool cut_off) {
    std::string message = "line " + std::to_string(line) + ": " + what;
    if (cut_off) message += " (the last line has no newline: was the stream cut off?)";
    return message;
}

void check_shape(std::string_view text, int line, bool cut_off) {
    if (text.size() > EventStreamParser::kMaxLineBytes) {
        throw EventStreamError(
            line,
            line_error(line,
                       std::to_string(text.size()) + " bytes, longer than an event line may be (" +
                           std::to_string(EventStreamParser::kMaxLineBytes >> 20) + " MiB)",
                       cut_off));
    }
    int depth = 0;
    std::size_t values = 1;  // each ',' and each opening bracket starts one more
    bool in_string = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (in_string) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                in_string = false;
        } else if (c == '"') {
            in_string = true;
        } else if (c == ',' || c == '[' || c == '{') {
            if (++values > EventStreamParser::kMaxValues) {
                throw EventStreamError(
                    line, line_error(line,
                                     "more than " + std::to_string(EventStreamParser::kMaxValues) +
                                         " values (at column " + std::to_string(i + 1) + ")",
                                     cut_off));
            }
            if (c != ',' && ++depth > EventStreamParser::kMaxDepth) {
                throw EventStreamError(line,
                                       line_error(line,
                                                  "nested deeper than " +
                                                      std::to_string(EventStreamParser::kMaxDepth) +
                                                      " levels at column " + std::to_string(i + 1),
                                                  cut_off));
            }
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
}

}  // namespace poolscope
