#include "app/cli/event_output.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "app/cli/checked_output.h"

namespace poolscope::cli {

int open_events(const std::string& where, std::string& err) {
    if (where == "-") return dup(STDOUT_FILENO);
    const int fd = open(where.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) err = "--events: cannot write '" + where + "': " + strerror(errno);
    return fd;
}

std::string events_name(const std::string& where) {
    return where == "-" ? "the event stream to stdout" : "the event stream to '" + where + "'";
}

bool finish_events(const char* command, EventStreamWriter& writer, int fd,
                   const std::string& where) {
    const bool complete = writer.finish();
    bool ok = true;
    if (writer.write_error() != 0) {
        report_write_error(command, events_name(where), strerror(writer.write_error()));
        ok = false;
    } else if (writer.finish_timed_out()) {
        std::fprintf(stderr,
                     "poolscope-cli %s: error: %s: the reader took nothing for %d ms; the last "
                     "%zu bytes were dropped\n",
                     command, events_name(where).c_str(), StreamOutput::kFinishTimeoutMs,
                     writer.unwritten_bytes());
        ok = false;
    } else if (!complete) {
        report_write_error(command, events_name(where), "output incomplete");
        ok = false;
    }
    if (close(fd) != 0 && errno != EINTR && ok) {
        report_write_error(command, events_name(where), strerror(errno));
        ok = false;
    }
    return ok;
}

bool failed(const RunResult& r) {
    for (const auto& e : r.errors)
        if (e.code == "interrupted") return false;
    return r.partial;
}

bool failed(const RunSeries& s) {
    for (const auto& r : s.runs)
        if (failed(r)) return true;
    return false;
}

}  // namespace poolscope::cli
