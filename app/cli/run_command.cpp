// `poolscope-cli run`: parse, validate (exit 2 before any process starts), run a series or a
// comparison, print the table (stdout, or stderr when events go to stdout) or one JSON document.
#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

#include "app/cli/commands.h"
#include "app/cli/run_options.h"
#include "core/engine/engine.h"
#include "core/events/event_stream_writer.h"
#include "core/platform/clock.h"
#include "core/report/json_units.h"
#include "core/report/result_json.h"
#include "core/report/summary_table.h"

namespace poolscope::cli {

namespace {

int bad_input(const std::string& msg) {
    std::fprintf(stderr, "poolscope-cli run: error: %s\n", msg.c_str());
    return 2;
}

// A run failed when it is partial for any reason but an interruption (that is exit 130).
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

// Opens the --events destination; -1 and a message on failure.
int open_events(const std::string& where, std::string& err) {
    if (where == "-") return dup(STDOUT_FILENO);
    const int fd = open(where.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) err = "--events: cannot write '" + where + "': " + strerror(errno);
    return fd;
}

void write_out(FILE* f, const std::string& s) {
    std::fwrite(s.data(), 1, s.size(), f);
    std::fflush(f);
}

}  // namespace

int run_command(const Args& args) {
    RunOptions opt;
    std::string err;
    if (!parse_run_options(args, opt, err)) return bad_input(err);
    if (opt.help) return write_out(stdout, run_help()), 0;
    if (opt.json && opt.events == "-")
        return bad_input("--json and --events - both want stdout; write the events to a file");
    if (opt.chunk_detail && !opt.events)
        return bad_input("--chunk-detail shapes the event stream; add --events FILE or -");
    if (opt.control_stdin && isatty(STDIN_FILENO) == 0 && fcntl(STDIN_FILENO, F_GETFD) < 0)
        return bad_input("--control-stdin: stdin is not open");

    // A reader that goes away (the GUI closing) must show up as EPIPE on the event stream,
    // not kill the engine before it ends its workers.
    signal(SIGPIPE, SIG_IGN);
    SignalStopSource signals;
    std::unique_ptr<ControlStopSource> control;
    std::vector<StopSource*> stops{&signals};
    if (opt.control_stdin) {
        control = std::make_unique<ControlStopSource>(STDIN_FILENO);
        stops.push_back(control.get());
    }
    const int64_t origin = monotonic_ns();
    int events_fd = -1;
    if (opt.events && (events_fd = open_events(*opt.events, err)) < 0) return bad_input(err);
    RunObserver null_observer;
    std::unique_ptr<EventStreamWriter> writer;
    if (events_fd >= 0) {
        EventStreamOptions stream;
        if (opt.chunk_detail) stream.chunk_detail_cap = *opt.chunk_detail;
        writer =
            std::make_unique<EventStreamWriter>(events_fd, origin, read_machine_info(), stream);
    }
    RunObserver& observer = writer ? static_cast<RunObserver&>(*writer) : null_observer;

    Engine engine(opt.config, observer, stops);
    if (auto e = engine.prepare()) {
        if (writer) writer->on_error("", {"bad_input", *e, -1, 0, 0, -1, -1}, monotonic_ns());
        if (writer) writer->finish();
        if (events_fd >= 0) close(events_fd);
        return bad_input(*e);
    }
    FILE* table = opt.events == "-" ? stderr : stdout;
    bool run_failed = false;
    if (opt.compare) {
        const Comparison c = engine.run_compare();
        if (opt.json)
            write_out(stdout, safe_dump(comparison_to_json(c, {opt.chunk_records}), 2) + "\n");
        else
            write_out(table, format_comparison(c));
        run_failed = failed(c.serial) || failed(c.parallel);
    } else {
        const RunSeries s = engine.run_series(opt.config);
        if (opt.json)
            write_out(stdout, safe_dump(series_to_json(s, {opt.chunk_records}), 2) + "\n");
        else
            write_out(table, format_series(s));
        run_failed = failed(s);
    }
    if (writer) writer->finish();
    if (events_fd >= 0) close(events_fd);
    if (engine.interrupted()) return 130;
    return run_failed ? 1 : 0;
}

}  // namespace poolscope::cli
