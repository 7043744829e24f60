#include "app/cli/sweep_session.h"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <map>

#include "app/cli/event_output.h"
#include "app/cli/run_options.h"
#include "core/analysis/comparison.h"
#include "core/analysis/sweep_axes.h"
#include "core/config/option_schema.h"
#include "core/config/validation.h"

namespace poolscope::cli {

namespace {

// The values of the axes that change the serial run (workload parameters) at point p.
std::vector<std::string> baseline_values(const std::vector<SweepAxis>& axes, const SweepPoint& p) {
    std::vector<std::string> v;
    for (std::size_t i = 0; i < axes.size(); ++i)
        if (axis_changes_serial(axes[i].name))
            v.push_back(axes[i].name + "=" + axes[i].values[p[i]]);
    return v;
}

// Sets a sweep-only option (--seed, --csv) by its schema entry: nullopt, or the refusal in
// run's words ("--seed must be a whole number in …; got 'x'").
std::optional<std::string> set_sweep_option(const OptionInfo& o, const std::string& value,
                                            SweepOptions& out) {
    const auto refusal = [&] {
        return o.name + " must be " + value_text(o) + "; got '" + value + "'";
    };
    if (o.name == "--csv") {
        if (value.empty()) return o.name + " needs a value: " + value_text(o);
        out.csv = value;
        return std::nullopt;
    }
    errno = 0;  // --seed, a whole number
    if (value.empty() || value.find_first_not_of("0123456789") != std::string::npos)
        return refusal();
    const uint64_t n = std::strtoull(value.c_str(), nullptr, 10);
    if (errno == ERANGE || !in_range(o, n)) return refusal();
    out.seed = n;
    return std::nullopt;
}

}  // namespace

std::optional<std::string> parse_sweep_options(const Args& args, SweepOptions& out) {
    Args rest;
    std::vector<SweepAxis> axes;
    const auto sweep_only = sweep_only_options();
    for (std::size_t i = 0; i < args.size(); ++i) {
        auto [name, value] = split_option_word(args[i]);
        // --param KEY=LIST is an axis; --param KEY=VALUE is run's.
        if (name == "--param") {
            const std::string v = value ? *value : i + 1 < args.size() ? args[i + 1] : "";
            if (!is_param_axis_value(v)) {
                rest.push_back(args[i]);
                continue;
            }
            if (!value) ++i;
            SweepAxis axis;
            if (auto e = parse_param_axis(v, axis)) return e;
            for (const auto& a : axes)
                if (a.name == axis.name) return "--param " + axis.name + " is swept twice";
            axes.push_back(std::move(axis));
            continue;
        }
        const std::string& option = name;  // a lambda may not capture a structured binding
        const auto own = std::find_if(sweep_only.begin(), sweep_only.end(),
                                      [&](const OptionInfo* o) { return o->name == option; });
        const OptionInfo* axis = is_sweep_axis_option(name) ? find_sweep_axis(name) : nullptr;
        if (!axis && own == sweep_only.end()) {  // one of run's options
            rest.push_back(args[i]);
            continue;
        }
        if (!value) {
            if (i + 1 >= args.size())
                return name +
                       " needs a value: " + (axis ? axis_list_text(*axis) : value_text(**own));
            value = args[++i];
        }
        if (!axis) {
            if (auto e = set_sweep_option(**own, *value, out)) return e;
            continue;
        }
        SweepAxis parsed;
        if (auto e = parse_sweep_axis(name, *value, parsed)) return e;
        for (const auto& a : axes)
            if (a.name == parsed.name) return name + " is given twice; put every value in one list";
        axes.push_back(std::move(parsed));
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

std::optional<std::string> plan_sweep(const SweepOptions& opt, const MachineInfo& machine,
                                      SweepSession& s) {
    std::vector<SweepPoint> order;
    if (auto e = sweep_points(opt.axes, order)) return e;
    std::map<std::vector<std::string>, std::size_t> baseline_of;
    for (const auto& p : order) {
        PointResult r;
        r.point = p;
        r.config = point_config(opt.run.config, opt.axes, p);
        if (auto e = validate_config(r.config, machine)) return at_point(opt.axes, p) + *e;
        const auto values = baseline_values(opt.axes, p);
        const auto [at, added] = baseline_of.emplace(values, s.baselines.size());
        if (added) s.baselines.push_back({values, serial_counterpart(r.config), {}});
        r.baseline = at->second;
        s.points.push_back(std::move(r));
    }
    // The shuffle moves positions only, so shuffling the points' indexes gives the same
    // permutation as shuffling the points.
    std::vector<SweepPoint> run_order;
    for (std::size_t i = 0; i < s.points.size(); ++i) run_order.push_back({i});
    shuffle_points(run_order, opt.seed);
    for (std::size_t k = 0; k < run_order.size(); ++k) {
        s.points[run_order[k][0]].order = k;
        s.run_order.push_back(run_order[k][0]);
    }
    return std::nullopt;
}

std::optional<std::string> prepare_sweep(const SweepOptions& opt, SweepSession& s,
                                         RunObserver& observer, std::vector<StopSource*> stops) {
    // One engine per baseline: each prepares its own workload parameters once.
    for (const Baseline& b : s.baselines) {
        const auto first = std::find_if(s.points.begin(), s.points.end(), [&](const auto& p) {
            return &s.baselines[p.baseline] == &b;
        });
        s.engines.push_back(std::make_unique<Engine>(first->config, observer, stops));
        if (auto e = s.engines.back()->prepare())
            return (b.values.empty() ? "" : at_point(opt.axes, first->point)) + *e;
    }
    for (const PointResult& p : s.points)
        if (auto e = s.engines[p.baseline]->check(p.config))
            return at_point(opt.axes, p.point) + *e;
    return std::nullopt;
}

void run_sweep(const SweepOptions& opt, SweepSession& s, ProgressLine& observer) {
    const int per_series = opt.run.config.warmup + opt.run.config.repeat;
    observer.expect_runs(static_cast<int>(s.points.size() + s.baselines.size()) * per_series);
    for (std::size_t b = 0; b < s.baselines.size() && !s.interrupted; ++b) {
        Baseline& base = s.baselines[b];
        observer.set_prefix("serial baseline " +
                            (base.values.empty() ? std::string() : base.values.front() + " "));
        base.series = s.engines[b]->run_series(base.config);
        s.run_failed |= failed(base.series);
        s.interrupted = s.engines[b]->interrupted();
    }
    for (std::size_t k = 0; k < s.run_order.size() && !s.interrupted; ++k) {
        PointResult& p = s.points[s.run_order[k]];
        Engine& engine = *s.engines[p.baseline];
        observer.set_prefix("point " + std::to_string(k + 1) + "/" +
                            std::to_string(s.run_order.size()) + " ");
        p.series = engine.run_series(p.config);
        p.ran = !p.series.runs.empty();
        s.interrupted = engine.interrupted();
        p.complete = p.ran && !s.interrupted && !p.series.representative().partial;
        s.run_failed |= failed(p.series);
        if (p.ran) {
            p.figures = make_comparison(s.baselines[p.baseline].series, p.series);
            observer.on_comparison(p.figures);
        }
    }
    observer.clear();

    s.figures = figures_of(opt.axes, s.points);
    for (const auto& b : s.baselines)
        for (const auto& r : b.series.runs)
            s.outside_share = std::max(s.outside_share, r.cpu.outside_cpu_share);
    for (const auto& p : s.points)
        for (const auto& r : p.series.runs)
            s.outside_share = std::max(s.outside_share, r.cpu.outside_cpu_share);
    const auto analyse = [&](const RunSeries& serial) {
        return analyse_sweep(axis_names(opt.axes), s.figures, serial.wall_s, opt.run.config.size,
                             s.machine().usable_cores, opt.run.config.repeat, s.outside_share);
    };
    s.analysis = analyse(s.baselines.front().series);
    // The recommendation's sentence names the best point's own baseline.
    if (s.analysis.recommendation && s.baselines.size() > 1)
        s.analysis =
            analyse(s.baselines[s.points[s.analysis.recommendation->best].baseline].series);
}

}  // namespace poolscope::cli
