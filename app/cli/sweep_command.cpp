// `poolscope-cli sweep`: every `run` option plus axes (--workers 1..16, --chunksize 1..4096*4,
// --dispatch map,imap, ...). The serial baseline is measured once (--repeat, --warmup), then
// every point of the axes' product runs as a series in a seeded random order; the table (or one
// SWEEP JSON document) gives each point's figures, the scaling fits and a recommendation.
#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <memory>

#include "app/cli/checked_output.h"
#include "app/cli/commands.h"
#include "app/cli/event_output.h"
#include "app/cli/option_table.h"
#include "app/cli/progress_line.h"
#include "app/cli/run_options.h"
#include "app/cli/sweep_report.h"
#include "app/cli/sweep_session.h"
#include "core/analysis/scaling_fit.h"
#include "core/analysis/sweep_axes.h"
#include "core/config/refused_field.h"
#include "core/config/validation.h"
#include "core/events/event_stream_writer.h"
#include "core/platform/clock.h"
#include "core/report/result_json.h"
#include "core/session/engine.h"
#include "core/text/format.h"
#include "core/text/json_units.h"

namespace poolscope::cli {

namespace {

int bad_input(const std::string& msg) {
    std::fprintf(stderr, "poolscope-cli sweep: error: %s\n", msg.c_str());
    return 2;
}

}  // namespace

int sweep_command(const Args& args) {
    SweepOptions opt;
    if (auto e = parse_sweep_options(args, opt)) return bad_input(*e);
    if (opt.run.help) return write_stream(stdout, command_help("sweep")) ? 1 : 0;
    if (opt.run.json && opt.run.events == "-")
        return bad_input("--json and --events - both want stdout; write the events to a file");
    if (opt.run.chunk_detail && !opt.run.events)
        return bad_input("--chunk-detail shapes the event stream; add --events FILE or -");
    if (opt.run.control_stdin && closed_at_start(STDIN_FILENO))
        return bad_input("--control-stdin: stdin is not open");
    if (opt.run.control_stdin) {
        if (auto why = ControlStopSource::unsuitable(STDIN_FILENO))
            return bad_input("--control-stdin: stdin " + *why);
    }

    // Every point is checked before the first process starts.
    const MachineInfo machine = read_machine_info();
    SweepSession session;
    if (auto e = plan_sweep(opt, machine, session)) return bad_input(*e);

    signal(SIGPIPE, SIG_IGN);
    SignalStopSource signals;
    std::unique_ptr<ControlStopSource> control;
    std::vector<StopSource*> stops{&signals};
    if (opt.run.control_stdin) {
        control = std::make_unique<ControlStopSource>(STDIN_FILENO, [](const std::string& w) {
            std::fprintf(stderr, "poolscope-cli sweep: warning: %s\n", w.c_str());
        });
        stops.push_back(control.get());
    }
    std::string err;
    // The CSV file is opened before any process starts: an unwritable path is bad input.
    std::unique_ptr<FILE, int (*)(FILE*)> csv(nullptr, &std::fclose);
    if (opt.csv) {
        csv.reset(std::fopen(opt.csv->c_str(), "we"));
        if (!csv) return bad_input("--csv: cannot write '" + *opt.csv + "': " + strerror(errno));
    }
    int events_fd = -1;
    if (opt.run.events && (events_fd = open_events(*opt.run.events, err)) < 0)
        return bad_input(err);
    RunObserver null_observer;
    std::unique_ptr<EventStreamWriter> writer;
    if (events_fd >= 0) {
        EventStreamOptions stream;
        if (opt.run.chunk_detail) stream.chunk_detail_cap = *opt.run.chunk_detail;
        writer = std::make_unique<EventStreamWriter>(events_fd, monotonic_ns(), machine, stream);
    }
    // The progress line on a terminal's stderr, as `run` draws it, with the point it is at.
    ProgressLine observer(
        writer ? static_cast<RunObserver&>(*writer) : null_observer, STDERR_FILENO,
        !opt.run.json && progress_wanted(opt.run.progress, opt.run.quiet, STDERR_FILENO));
    if (auto refused = prepare_sweep(opt, session, observer, stops)) {
        if (writer) {
            writer->on_error(
                "",
                RunError{
                    .code = "bad_input", .message = *refused, .field = refused_field(*refused)},
                monotonic_ns());
            finish_events("sweep", *writer, events_fd, *opt.run.events);
        }
        return bad_input(*refused);
    }

    FILE* table = opt.run.events == "-" ? stderr : stdout;
    run_sweep(opt, session, observer);
    const bool interrupted = session.interrupted;
    const std::string text = format_table(opt, session.baselines, session.points, session.analysis,
                                          session.figures, interrupted);
    bool output_failed = false;
    if (opt.run.json) {
        const auto doc = sweep_json(opt, session.machine(), session.baselines, session.points,
                                    session.analysis, session.figures, interrupted);
        if (auto e = write_stream(stdout, safe_dump(doc, 2) + "\n")) {
            report_write_error("sweep", "the JSON result to stdout", *e);
            write_stream(stderr, text);
            output_failed = true;
        }
    } else if (auto e = write_stream(table, text)) {
        report_write_error(
            "sweep", std::string("the table to ") + (table == stderr ? "stderr" : "stdout"), *e);
        if (table != stderr) write_stream(stderr, text);
        output_failed = true;
    }
    if (csv) {
        const auto e = write_stream(
            csv.get(), sweep_csv(opt, session.baselines, session.points, session.figures));
        const bool closed = std::fclose(csv.release()) == 0;
        if (e || !closed) {
            report_write_error("sweep", "the CSV to '" + *opt.csv + "'",
                               e ? *e : std::string(strerror(errno)));
            output_failed = true;
        }
    }
    if (writer) output_failed |= !finish_events("sweep", *writer, events_fd, *opt.run.events);
    if (output_failed) return 1;
    if (interrupted) return 130;
    return session.run_failed ? 1 : 0;
}

}  // namespace poolscope::cli
