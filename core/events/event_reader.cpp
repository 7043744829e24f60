#include "core/events/event_reader.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "core/events/event_stream_parser.h"

namespace poolscope {

EventStreamError::EventStreamError(int line, const std::string& message)
    : std::runtime_error(message), line_(line) {}

const StreamRun* EventStream::find_run(std::string_view run_id) const {
    for (const auto& r : runs) {
        if (r.run_id == run_id) return &r;
    }
    return nullptr;
}

EventStream read_event_stream(std::istream& in) {
    EventStreamParser parser;
    // getline sets eof when the last line has no newline: a stream cut off mid-line.
    for (std::string text; std::getline(in, text);) parser.parse_line(text, in.eof());
    if (!parser.has_hello()) throw EventStreamError(1, "line 1: the stream is empty (no hello)");
    return parser.take();
}

EventStream read_event_stream_text(std::string_view text) {
    std::istringstream in{std::string(text)};
    return read_event_stream(in);
}

EventStream read_event_stream_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw EventStreamError(0, "cannot read '" + path + "': " + std::strerror(errno));
    return read_event_stream(in);
}

}  // namespace poolscope
