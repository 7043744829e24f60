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
#include "app/cli/run_options.h"
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

Every other option is run's (poolscope-cli run --help); --compare is implied. At most 10000
points. --json prints one SWEEP document (docs/events.md); --events FILE|- carries every run.
exit status: 0 done, 1 a run failed or an output was lost, 2 bad input, 130 interrupted
)";

int bad_input(const std::string& msg) {
    std::fprintf(stderr, "poolscope-cli sweep: error: %s\n", msg.c_str());
    return 2;
}

bool failed(const RunSeries& s) {
    for (const auto& r : s.runs) {
        bool interrupted = false;
        for (const auto& e : r.errors) interrupted = interrupted || e.code == "interrupted";
        if (r.partial && !interrupted) return true;
    }
    return false;
}

struct SweepOptions {
    RunOptions run;
    std::vector<SweepAxis> axes;  // with two or more values
    uint64_t seed = kDefaultSweepSeed;
};

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
        if (!is_sweep_axis_option(name) && name != "--seed") {
            rest.push_back(args[i]);
            continue;
        }
        if (!value) {
            if (i + 1 >= args.size()) return name + " needs a value";
            value = args[++i];
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

struct PointResult {
    SweepPoint point;
    RunConfig config;
    std::size_t order = 0;  // its place in the run order
    bool ran = false;
    RunSeries series;
    Comparison figures;  // speedup, efficiency, T, C against the baseline
    bool complete = false;
};

std::string stat_text(const Stat& s) {
    return fmt_duration(s.median) + " [" + fmt_duration(s.min) + " … " + fmt_duration(s.max) + "]";
}

std::string pad(std::string s, std::size_t width) {
    // Width in characters, not bytes (µ, …).
    std::size_t chars = 0;
    for (unsigned char c : s) chars += (c & 0xC0) != 0x80;
    if (chars < width) s.append(width - chars, ' ');
    return s;
}

std::vector<std::string> axis_names(const std::vector<SweepAxis>& axes) {
    std::vector<std::string> names;
    for (const auto& a : axes) names.push_back(a.name);
    return names;
}

std::vector<std::string> point_values(const std::vector<SweepAxis>& axes, const SweepPoint& p) {
    std::vector<std::string> v;
    for (std::size_t i = 0; i < axes.size(); ++i) v.push_back(axes[i].values[p[i]]);
    return v;
}

// "at workers=2 chunksize=4: " before a refusal of that point.
std::string at_point(const std::vector<SweepAxis>& axes, const SweepPoint& p) {
    if (axes.empty()) return "";
    SweepPointFigures f;
    f.values = point_values(axes, p);
    return "at " + point_label(axis_names(axes), f) + ": ";
}

std::vector<SweepPointFigures> figures_of(const std::vector<SweepAxis>& axes,
                                          const std::vector<PointResult>& points) {
    std::vector<SweepPointFigures> out;
    for (const auto& p : points) {
        SweepPointFigures f;
        f.values = point_values(axes, p.point);
        f.workers = p.config.workers;
        f.chunksize = effective_chunksize(p.config);
        f.chunksize_auto = !p.config.chunksize.has_value();
        f.wall_s = p.series.wall_s;
        f.speedup = p.figures.speedup;
        f.complete = p.complete;
        out.push_back(std::move(f));
    }
    return out;
}

std::string format_table(const SweepOptions& opt, const RunSeries& serial,
                         const std::vector<PointResult>& points, const SweepAnalysis& a,
                         const std::vector<SweepPointFigures>& figs, bool interrupted) {
    const RunConfig& c = opt.run.config;
    std::string out = "sweep: " + c.workload + ", " + std::to_string(c.size) + " items";
    for (const auto& [k, v] : c.params) out += ", " + k + "=" + v;
    out += "; " + std::to_string(points.size()) + " points, " + std::to_string(c.repeat) +
           " run(s) each, seeded order (seed " + std::to_string(opt.seed) + ")\n";
    out += "serial baseline: " +
           (serial.runs.empty() ? std::string("not measured") : stat_text(serial.wall_s)) + "\n\n";
    std::string head;
    for (const auto& ax : opt.axes) head += pad(ax.name, 11);
    head += pad("wall (median [min … max])", 34) + pad("speedup", 9) + pad("eff", 6) +
            pad("T", 10) + "C\n";
    out += head;
    for (std::size_t i = 0; i < points.size(); ++i) {
        const auto& p = points[i];
        std::string row;
        for (std::size_t k = 0; k < opt.axes.size(); ++k) {
            std::string v = opt.axes[k].values[p.point[k]];
            if (opt.axes[k].name == "chunksize" && v == "auto")
                v += "=" + std::to_string(figs[i].chunksize);
            row += pad(v, 11);
        }
        if (!p.ran) {
            out += row + "not run\n";
            continue;
        }
        row += pad(stat_text(p.series.wall_s), 34) + pad(fmt_fixed(p.figures.speedup, 2), 9) +
               pad(fmt_fixed(p.figures.efficiency, 2), 6) + pad(fmt_duration(p.figures.T), 10) +
               fmt_duration(p.figures.C);
        if (!p.complete) row += "  (partial)";
        if (a.recommendation && a.recommendation->best == i) row += "  ← best";
        out += row + "\n";
    }
    out += "\n";
    if (a.amdahl) {
        out += "Amdahl (W ≤ usable cores, " + std::to_string(a.amdahl->points) +
               " points): serial fraction " + fmt_fixed(a.amdahl->serial_fraction, 3) + " [95 % " +
               fmt_fixed(a.amdahl->low, 3) + " … " + fmt_fixed(a.amdahl->high, 3) +
               "], speedup at most " +
               (std::isfinite(a.amdahl->max_speedup) ? fmt_fixed(a.amdahl->max_speedup, 1)
                                                     : std::string("unbounded")) +
               "\n";
    }
    if (a.usl) {
        out += "USL (" + std::to_string(a.usl->points) + " points): σ " +
               fmt_fixed(a.usl->sigma, 4) + ", κ " + fmt_fixed(a.usl->kappa, 5);
        if (a.usl->peak_workers)
            out += ", peaks at W ≈ " + fmt_fixed(*a.usl->peak_workers, 1) + " (speedup " +
                   fmt_fixed(a.usl->peak_speedup, 2) + ")";
        else
            out += ", no peak (κ ≤ 0 or σ ≥ 1)";
        out += "\n";
    }
    if (!a.fit_note.empty()) out += "fits: " + a.fit_note + "\n";
    if (a.chunksize) {
        const auto& cs = *a.chunksize;
        out += "chunksize: best measured " + std::to_string(figs[cs.best].chunksize) + " (" +
               stat_text(figs[cs.best].wall_s) + "); the formula ceil(n / (4W)) gives " +
               std::to_string(cs.formula);
        if (cs.formula_cost_pct)
            out += ", " + fmt_fixed(*cs.formula_cost_pct, 1) + " % slower than the best";
        else
            out += " (not among the points; add auto to --chunksize)";
        out += "\n";
    }
    if (a.recommendation) out += a.recommendation->sentence + "\n";
    if (interrupted) out += "interrupted: the points that finished are shown\n";
    return out;
}

nlohmann::json value_json(const std::string& v) {
    if (!v.empty() && v.find_first_not_of("0123456789") == std::string::npos) return std::stoll(v);
    return v;
}

nlohmann::json sweep_json(const SweepOptions& opt, const MachineInfo& machine,
                          const RunSeries& serial, const std::vector<PointResult>& points,
                          const SweepAnalysis& a, const std::vector<SweepPointFigures>& figs,
                          bool interrupted) {
    using nlohmann::json;
    const ResultJsonOptions ro{opt.run.chunk_records};
    json axes = json::array();
    for (const auto& ax : opt.axes) {
        json values = json::array();
        for (const auto& v : ax.values) values.push_back(value_json(v));
        axes.push_back({{"name", ax.name}, {"values", values}});
    }
    json pts = json::array();
    for (std::size_t i = 0; i < points.size(); ++i) {
        const auto& p = points[i];
        json values = json::object();
        for (std::size_t k = 0; k < opt.axes.size(); ++k)
            values[opt.axes[k].name] = value_json(opt.axes[k].values[p.point[k]]);
        json o{{"values", values},
               {"order", p.order},
               {"workers", p.config.workers},
               {"chunksize", figs[i].chunksize},
               {"ran", p.ran},
               {"complete", p.complete}};
        if (p.ran) {
            o["series"] = series_to_json(p.series, ro);
            o["wall_s"] = p.series.wall_s;
            o["speedup"] = p.figures.speedup;
            o["efficiency"] = p.figures.efficiency;
            o["T"] = p.figures.T;
            o["C"] = p.figures.C;
            o["checksums_match"] = p.figures.checksums_match;
        }
        pts.push_back(std::move(o));
    }
    json fits{
        {"amdahl", nullptr}, {"usl", nullptr}, {"note", a.fit_note}, {"points", a.scaling_points}};
    if (a.amdahl)
        fits["amdahl"] = {
            {"serial_fraction", a.amdahl->serial_fraction},
            {"low", a.amdahl->low},
            {"high", a.amdahl->high},
            {"max_speedup",
             std::isfinite(a.amdahl->max_speedup) ? json(a.amdahl->max_speedup) : json(nullptr)},
            {"points", a.amdahl->points}};
    if (a.usl)
        fits["usl"] = {
            {"sigma", a.usl->sigma},
            {"kappa", a.usl->kappa},
            {"peak_workers", a.usl->peak_workers ? json(*a.usl->peak_workers) : json(nullptr)},
            {"peak_speedup", a.usl->peak_workers ? json(a.usl->peak_speedup) : json(nullptr)},
            {"points", a.usl->points}};
    json chunk = nullptr;
    if (a.chunksize)
        chunk = {
            {"best", a.chunksize->best},
            {"best_chunksize", figs[a.chunksize->best].chunksize},
            {"formula", a.chunksize->formula},
            {"formula_point",
             a.chunksize->formula_point ? json(*a.chunksize->formula_point) : json(nullptr)},
            {"formula_cost_pct",
             a.chunksize->formula_cost_pct ? json(*a.chunksize->formula_cost_pct) : json(nullptr)}};
    json rec = nullptr;
    if (a.recommendation)
        rec = {{"best", a.recommendation->best},
               {"within_noise", a.recommendation->within_noise},
               {"serial_faster", a.recommendation->serial_faster},
               {"disturbed", a.recommendation->disturbed},
               {"text", a.recommendation->sentence}};
    json doc{{"type", "sweep"},
             {"config", opt.run.config},
             {"machine", machine},
             {"seed", opt.seed},
             {"axes", axes},
             {"serial", serial.runs.empty() ? json(nullptr) : series_to_json(serial, ro)},
             {"points", pts},
             {"fits", fits},
             {"chunksize", chunk},
             {"recommendation", rec},
             {"interrupted", interrupted}};
    return doc;
}

int open_events(const std::string& where, std::string& err) {
    if (where == "-") return dup(STDOUT_FILENO);
    const int fd = open(where.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) err = "--events: cannot write '" + where + "': " + strerror(errno);
    return fd;
}

bool finish_events(EventStreamWriter& writer, int fd, const std::string& where) {
    const std::string name =
        where == "-" ? "the event stream to stdout" : "the event stream to '" + where + "'";
    bool ok = writer.finish();
    if (writer.write_error() != 0) {
        report_write_error("sweep", name, strerror(writer.write_error()));
        ok = false;
    } else if (!ok) {
        report_write_error("sweep", name, "output incomplete");
    }
    if (close(fd) != 0 && errno != EINTR && ok) {
        report_write_error("sweep", name, strerror(errno));
        ok = false;
    }
    return ok;
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
    RunObserver& observer = writer ? static_cast<RunObserver&>(*writer) : null_observer;

    Engine engine(points.front().config, observer, stops);
    auto refused = engine.prepare();
    for (std::size_t i = 0; !refused && i < points.size(); ++i)
        if (auto e = engine.check(points[i].config))
            refused = at_point(opt.axes, points[i].point) + *e;
    if (refused) {
        if (writer) writer->on_error("", {"bad_input", *refused, -1, 0, 0, -1, -1}, monotonic_ns());
        if (writer) finish_events(*writer, events_fd, *opt.run.events);
        return bad_input(*refused);
    }

    FILE* table = opt.run.events == "-" ? stderr : stdout;
    bool run_failed = false;
    const RunSeries serial = engine.run_series(serial_counterpart(points.front().config));
    run_failed |= failed(serial);
    bool interrupted = engine.interrupted();
    // Where the sweep is, for a person watching a terminal (never into a file or a pipe).
    const bool progress = !opt.run.json && isatty(STDERR_FILENO) == 1;
    for (std::size_t k = 0; k < run_order.size() && !interrupted; ++k) {
        PointResult& p = points[run_order[k][0]];
        p.series = engine.run_series(p.config);
        p.ran = !p.series.runs.empty();
        interrupted = engine.interrupted();
        p.complete = p.ran && !interrupted && !p.series.representative.partial;
        run_failed |= failed(p.series);
        if (p.ran) p.figures = make_comparison(serial, p.series);
        if (progress)
            std::fprintf(stderr, "\rpoint %zu/%zu", k + 1, run_order.size()), std::fflush(stderr);
    }
    if (progress) std::fprintf(stderr, "\r%*s\r", 24, "");

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
    if (writer) output_failed |= !finish_events(*writer, events_fd, *opt.run.events);
    if (output_failed) return 1;
    if (interrupted) return 130;
    return run_failed ? 1 : 0;
}

}  // namespace poolscope::cli
