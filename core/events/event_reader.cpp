#include "core/events/event_reader.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <vector>

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
    std::string line;
    std::vector<char> buffer(64 * 1024);
    for (;;) {
        in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
        const auto got = static_cast<std::size_t>(in.gcount());
        if (got == 0) break;
        const char* p = buffer.data();
        const char* const end = p + got;
        while (p < end) {
            const auto* nl = static_cast<const char*>(std::memchr(p, '\n', end - p));
            const auto part = static_cast<std::size_t>((nl ? nl : end) - p);
            if (line.size() + part > EventStreamParser::kMaxLineBytes) {
                const int number = parser.lines() + 1;
                throw EventStreamError(
                    number, "line " + std::to_string(number) +
                                ": longer than an event line may be (" +
                                std::to_string(EventStreamParser::kMaxLineBytes >> 20) + " MiB)");
            }
            line.append(p, part);
            if (!nl) break;
            parser.parse_line(line);
            line.clear();
            p = nl + 1;
        }
    }
    if (in.bad())
        throw EventStreamError(0, "cannot read the stream: " + std::string(std::strerror(errno)));
    std::string cut_off;
    if (!line.empty()) {
        // A stream cut off mid-line: keep what came before it, and say why the rest is missing.
        try {
            parser.parse_line(line, true);
        } catch (const EventStreamError& e) {
            if (!parser.has_hello()) throw;
            cut_off = e.what();
        }
    }
    if (!parser.has_hello()) throw EventStreamError(1, "line 1: the stream is empty (no hello)");
    EventStream stream = parser.take();
    stream.cut_off = std::move(cut_off);
    return stream;
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
