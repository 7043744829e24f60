// `poolscope-cli run`: parse, validate (exit 2 before any process starts), run a series or a
// comparison, print the table (stdout, or stderr when events go to stdout) or one JSON document.
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <new>
#include <optional>

#include "app/cli/checked_output.h"
#include "app/cli/commands.h"
#include "app/cli/event_output.h"
#include "app/cli/progress_line.h"
#include "app/cli/run_options.h"
#include "app/cli/terminal_style.h"
#include "core/config/refused_field.h"
#include "core/events/event_stream_writer.h"
#include "core/platform/clock.h"
#include "core/report/result_json.h"
#include "core/report/summary_table.h"
#include "core/session/engine.h"
#include "core/text/json_units.h"

namespace poolscope::cli {

namespace {

// Whether errors on stderr are coloured (--color, NO_COLOR, a terminal); set once parsed.
bool g_color_errors = false;

int bad_input(const std::string& msg) {
    std::fprintf(stderr, "%s%s\n", error_prefix("run", g_color_errors).c_str(), msg.c_str());
    return 2;
}

// Writes the JSON document or the table where it belongs; when that fails the table still goes
// to stderr, so the run is not lost. False when the intended output failed.
bool print_result(FILE* to, const std::string& text, bool json, const std::string& table) {
    const auto error = write_stream(to, text);
    if (!error) return true;
    const char* where = to == stderr ? "stderr" : "stdout";
    report_write_error("run", std::string(json ? "the JSON result" : "the table") + " to " + where,
                       *error);
    if (to != stderr) write_stream(stderr, table);
    return false;
}

}  // namespace

int run_command(const Args& args) {
    RunOptions opt;
    std::string err;
    g_color_errors = color_wanted(ColorMode::Auto, STDERR_FILENO);
    if (!parse_run_options(args, opt, err)) return bad_input(err);
    g_color_errors = color_wanted(opt.color, STDERR_FILENO);
    if (opt.help) return write_stream(stdout, run_help()) ? 1 : 0;
    if (opt.version)
        return write_stream(stdout, std::string("poolscope-cli run ") + POOLSCOPE_VERSION + "\n")
                   ? 1
                   : 0;
    if (opt.json && opt.events == "-")
        return bad_input("--json and --events - both want stdout; write the events to a file");
    if (opt.chunk_detail && !opt.events)
        return bad_input("--chunk-detail shapes the event stream; add --events FILE or -");
    if (opt.control_stdin && closed_at_start(STDIN_FILENO))
        return bad_input("--control-stdin: stdin is not open");
    if (opt.control_stdin) {
        if (auto why = ControlStopSource::unsuitable(STDIN_FILENO))
            return bad_input("--control-stdin: stdin " + *why);
    }

    // A reader that goes away (the GUI closing) must show up as EPIPE on the event stream,
    // not kill the engine before it ends its workers.
    signal(SIGPIPE, SIG_IGN);
    SignalStopSource signals;
    std::unique_ptr<ControlStopSource> control;
    std::vector<StopSource*> stops{&signals};
    if (opt.control_stdin) {
        control = std::make_unique<ControlStopSource>(
            STDIN_FILENO, [quiet = opt.quiet](const std::string& w) {
                if (!quiet) std::fprintf(stderr, "poolscope-cli run: warning: %s\n", w.c_str());
            });
        stops.push_back(control.get());
    }
    const int64_t origin = monotonic_ns();
    int events_fd = -1;
    bool output_failed = false;
    if (opt.events == "-" && closed_at_start(STDOUT_FILENO)) {
        // stdout was closed: the stream is lost, the run and its table (on stderr) are not.
        report_write_error("run", events_name("-"), strerror(EBADF));
        output_failed = true;
    } else if (opt.events && (events_fd = open_events(*opt.events, err)) < 0) {
        return bad_input(err);
    }
    RunObserver null_observer;
    std::unique_ptr<EventStreamWriter> writer;
    if (events_fd >= 0) {
        EventStreamOptions stream;
        if (opt.chunk_detail) stream.chunk_detail_cap = *opt.chunk_detail;
        writer =
            std::make_unique<EventStreamWriter>(events_fd, origin, read_machine_info(), stream);
    }
    // The progress line on a terminal's stderr wraps whichever observer the run reports to.
    ProgressLine observer(writer ? static_cast<RunObserver&>(*writer) : null_observer,
                          STDERR_FILENO, progress_wanted(opt.progress, opt.quiet, STDERR_FILENO));
    const int per_side = opt.config.warmup + opt.config.repeat;
    observer.expect_runs(
        opt.compare
            ? (1 + std::max<int>(1, static_cast<int>(opt.compare_backends.size()))) * per_side
            : per_side);

    Engine engine(opt.config, observer, stops);
    if (!opt.python.empty()) engine.set_python(opt.python);
    if (opt.compare && !opt.compare_backends.empty())
        engine.set_compare_backends(opt.compare_backends);
    std::optional<std::string> refused;
    try {
        refused = engine.prepare();
    } catch (const std::bad_alloc&) {
        std::fprintf(stderr,
                     "poolscope-cli run: error: out of memory preparing the workload's input "
                     "(an allocation failed); reduce --size or the workload's size\n");
        if (writer) finish_events("run", *writer, events_fd, *opt.events);
        return 1;
    }
    if (auto e = refused) {
        if (writer)
            writer->on_error(
                "", RunError{.code = "bad_input", .message = *e, .field = refused_field(*e)},
                monotonic_ns());
        if (writer) finish_events("run", *writer, events_fd, *opt.events);
        return bad_input(*e);
    }
    FILE* table = opt.events == "-" ? stderr : stdout;
    // With --events - the table is stderr's, which --quiet keeps for errors.
    const bool show_table = !(opt.quiet && table == stderr);
    const bool color = color_wanted(opt.color, fileno(table));
    bool run_failed = false;
    if (opt.compare && !opt.compare_backends.empty()) {
        const std::vector<Comparison> cs = engine.run_compare_backends();
        observer.clear();
        std::string text;
        nlohmann::json docs = nlohmann::json::array();
        for (const auto& c : cs) {
            text += (text.empty() ? "" : "\n") + format_comparison(c);
            docs.push_back(comparison_to_json(c, {opt.chunk_records}));
            run_failed = run_failed || failed(c.serial) || failed(c.parallel);
        }
        if (opt.json)
            output_failed |= !print_result(
                stdout, safe_dump(nlohmann::json{{"comparisons", docs}}, 2) + "\n", true, text);
        else if (show_table)
            output_failed |= !print_result(table, colorize_report(text, color), false, text);
    } else if (opt.compare) {
        const Comparison c = engine.run_compare();
        observer.clear();
        const std::string text = format_comparison(c);
        if (opt.json)
            output_failed |= !print_result(
                stdout, safe_dump(comparison_to_json(c, {opt.chunk_records}), 2) + "\n", true,
                text);
        else if (show_table)
            output_failed |= !print_result(table, colorize_report(text, color), false, text);
        run_failed = failed(c.serial) || failed(c.parallel);
    } else {
        const RunSeries s = engine.run_series(opt.config);
        observer.clear();
        const std::string text = format_series(s);
        if (opt.json)
            output_failed |= !print_result(
                stdout, safe_dump(series_to_json(s, {opt.chunk_records}), 2) + "\n", true, text);
        else if (show_table)
            output_failed |= !print_result(table, colorize_report(text, color), false, text);
        run_failed = failed(s);
    }
    if (writer) output_failed |= !finish_events("run", *writer, events_fd, *opt.events);
    // A lost output is a failure even of an interrupted run: what was asked for did not arrive.
    if (output_failed) return 1;
    if (engine.interrupted()) return 130;
    return run_failed ? 1 : 0;
}

}  // namespace poolscope::cli
