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
#include "app/cli/progress_line.h"
#include "app/cli/run_options.h"
#include "app/cli/sweep_report.h"
#include "core/analysis/scaling_fit.h"
#include "core/analysis/sweep_axes.h"
#include "core/config/validation.h"
#include "core/engine/engine.h"
#include "core/events/event_stream_writer.h"
#include "core/platform/clock.h"
#include "core/report/format.h"
#include "core/report/json_units.h"
#include "core/report/result_json.h"

namespace poolscope::cli {

namespace {

constexpr const char* kSweepHelp = R"(usage: poolscope-cli sweep [run options] AXES [--seed N]

Measures the serial baseline once, then every point of the axes' product as a series
(--repeat, --warmup per point), in a seeded random order so that drift does not fake a trend.
Prints one row per point (median wall, min … max, speedup, efficiency, T, C), the Amdahl and
USL fits of speedup against workers (3 or more worker counts), the chunksize the formula
auto = ceil(n / (4W)) picks against the measured best, and a recommendation.

axes (a comma-separated list of values or ranges; one value is a fixed option)
  --workers LIST           e.g. 1,2,4,8 or 1..16 or 1..64*2 (×2 each step)
  --chunksize LIST         e.g. 1..4096*4,auto
  --dispatch LIST          e.g. map,imap_unordered
  --transport LIST         pipe,shm
  --start LIST             fork,spawn
  --pool LIST              cold,warm
  --seed N                 the order of the points (default 15)

output
  --csv FILE               also write one row per point (and the serial baseline) as CSV

Every other option is run's (poolscope-cli run --help); --compare is implied. At most 10000
points. --json prints one SWEEP document (docs/events.md); --events FILE|- carries every run.
exit status: 0 done, 1 a run failed or an output was lost, 2 bad input, 130 interrupted
)";

int bad_input(const std::string& msg) {
    std::fprintf(stderr, "poolscope-cli sweep: error: %s\n", msg.c_str());
    return 2;
}

// Takes the axes and --seed out of args and hands the rest to parse_run_options.
std::optional<std::string> parse_sweep_options(const Args& args, SweepOptions& out) {
    Args rest;
    std::vector<SweepAxis> axes;
    for (std::size_t i = 0; i < args.size(); ++i) {
        std::string name = args[i];
        std::optional<std::string> value;
        if (const auto eq = name.find('='); name.rfind("--", 0) == 0 && eq != std::string::npos) {
            value = name.substr(eq + 1);
            name = name.substr(0, eq);
        }
        if (!is_sweep_axis_option(name) && name != "--seed" && name != "--csv") {
            rest.push_back(args[i]);
            continue;
        }
        if (!value) {
            if (i + 1 >= args.size()) return name + " needs a value";
            value = args[++i];
        }
        if (name == "--csv") {
            if (value->empty()) return "--csv needs a file name";
            out.csv = *value;
            continue;
        }
        if (name == "--seed") {
            errno = 0;
            if (value->empty() || value->find_first_not_of("0123456789") != std::string::npos ||
                (out.seed = std::strtoull(value->c_str(), nullptr, 10), errno == ERANGE))
                return "--seed must be a whole number in 0 … 18446744073709551615; got '" + *value +
                       "'";
            continue;
        }
        SweepAxis axis;
        if (auto e = parse_sweep_axis(name, *value, axis)) return e;
        for (const auto& a : axes)
            if (a.name == axis.name) return name + " is given twice; put every value in one list";
        axes.push_back(std::move(axis));
    }
    std::string err;
    if (!parse_run_options(rest, out.run, err)) return err;
    if (out.run.compare) return "--compare: a sweep always compares every point with serial";
    if (out.run.config.backend == Backend::Serial)
        return "--backend serial: a sweep compares a pool with serial; use processes or threads";
    for (auto& a : axes) {
        if (a.values.size() == 1)
            apply_axis_value(out.run.config, a.name, a.values.front());
        else
            out.axes.push_back(std::move(a));
    }
    return std::nullopt;
}

}  // namespace

int sweep_command(const Args& args) {
    SweepOptions opt;
    if (auto e = parse_sweep_options(args, opt)) return bad_input(*e);
    if (opt.run.help) return write_stream(stdout, kSweepHelp) ? 1 : 0;
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
    std::vector<SweepPoint> order;
    if (auto e = sweep_points(opt.axes, order)) return bad_input(*e);
    std::vector<PointResult> points;
    const MachineInfo machine = read_machine_info();
    for (const auto& p : order) {
        PointResult r;
        r.point = p;
        r.config = point_config(opt.run.config, opt.axes, p);
        if (auto e = validate_config(r.config, machine))
            return bad_input(at_point(opt.axes, p) + *e);
        points.push_back(std::move(r));
    }
    // The run order: the shuffle moves positions only, so shuffling the points' indexes gives
    // the same permutation as shuffling the points.
    std::vector<SweepPoint> run_order;
    for (std::size_t i = 0; i < points.size(); ++i) run_order.push_back({i});
    shuffle_points(run_order, opt.seed);
    for (std::size_t k = 0; k < run_order.size(); ++k) points[run_order[k][0]].order = k;

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
    const int per_series = opt.run.config.warmup + opt.run.config.repeat;
    observer.expect_runs(static_cast<int>(points.size() + 1) * per_series);

    Engine engine(points.front().config, observer, stops);
    auto refused = engine.prepare();
    for (std::size_t i = 0; !refused && i < points.size(); ++i)
        if (auto e = engine.check(points[i].config))
            refused = at_point(opt.axes, points[i].point) + *e;
    if (refused) {
        if (writer)
            writer->on_error("", RunError{.code = "bad_input", .message = *refused},
                             monotonic_ns());
        if (writer) finish_events("sweep", *writer, events_fd, *opt.run.events);
        return bad_input(*refused);
    }

    FILE* table = opt.run.events == "-" ? stderr : stdout;
    bool run_failed = false;
    observer.set_prefix("serial baseline ");
    const RunSeries serial = engine.run_series(serial_counterpart(points.front().config));
    run_failed |= failed(serial);
    bool interrupted = engine.interrupted();
    for (std::size_t k = 0; k < run_order.size() && !interrupted; ++k) {
        PointResult& p = points[run_order[k][0]];
        observer.set_prefix("point " + std::to_string(k + 1) + "/" +
                            std::to_string(run_order.size()) + " ");
        p.series = engine.run_series(p.config);
        p.ran = !p.series.runs.empty();
        interrupted = engine.interrupted();
        p.complete = p.ran && !interrupted && !p.series.representative.partial;
        run_failed |= failed(p.series);
        if (p.ran) {
            p.figures = make_comparison(serial, p.series);
            observer.on_comparison(p.figures);
        }
    }
    observer.clear();

    const auto figs = figures_of(opt.axes, points);
    double outside = 0;
    for (const auto& r : serial.runs) outside = std::max(outside, r.cpu.outside_cpu_share);
    for (const auto& p : points)
        for (const auto& r : p.series.runs) outside = std::max(outside, r.cpu.outside_cpu_share);
    const SweepAnalysis analysis =
        analyse_sweep(axis_names(opt.axes), figs, serial.wall_s, opt.run.config.size,
                      machine.usable_cores, opt.run.config.repeat, outside);
    const std::string text = format_table(opt, serial, points, analysis, figs, interrupted);
    bool output_failed = false;
    if (opt.run.json) {
        const auto doc =
            sweep_json(opt, engine.machine(), serial, points, analysis, figs, interrupted);
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
        const auto e = write_stream(csv.get(), sweep_csv(opt, serial, points, figs));
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
    return run_failed ? 1 : 0;
}

}  // namespace poolscope::cli
