#include "app/cli/stream_input.h"

#include <cstdio>
#include <iostream>

namespace poolscope::cli {

std::optional<EventStream> load_stream(const std::string& path, const char* command,
                                       int& exit_code) {
    try {
        return path == "-" ? read_event_stream(std::cin) : read_event_stream_file(path);
    } catch (const EventStreamError& e) {
        const std::string where = path == "-" ? "stdin" : path;
        std::fprintf(stderr, "poolscope-cli %s: error: %s%s%s\n", command,
                     e.unreadable() ? "" : where.c_str(), e.unreadable() ? "" : ": ", e.what());
        exit_code = e.unreadable() ? 1 : 2;
        return std::nullopt;
    }
}

bool report_cut_off(const EventStream& stream, const std::string& path, const char* command) {
    if (stream.cut_off.empty()) return false;
    std::fprintf(stderr, "poolscope-cli %s: error: %s: %s\n", command,
                 path == "-" ? "stdin" : path.c_str(), stream.cut_off.c_str());
    return true;
}

}  // namespace poolscope::cli
