#include "core/lessons/lesson_figures.h"

#include <algorithm>

#include "core/analysis/sweep_shape.h"
#include "core/text/format.h"

namespace poolscope {

namespace {

double largest_outside_share(const RunSeries& s) {
    double share = 0;
    for (const RunResult& r : s.runs) share = std::max(share, r.cpu.outside_cpu_share);
    return share;
}

void add_series(const RunSeries& s, const std::string& prefix, LessonRunFigures& out) {
    if (s.runs.empty()) return;
    const RunResult& r = s.representative();
    auto& v = out.values;
    v[prefix + "wall"] = s.wall_s.median;
    v[prefix + "startup"] = s.startup_s.median;
    v[prefix + "teardown"] = s.teardown_s.median;
    v[prefix + "compute"] = s.compute_s.median;
    v[prefix + "transfer"] = r.breakdown.transfer;
    v[prefix + "serialization"] = r.breakdown.serialization;
    v[prefix + "idle"] = r.breakdown.idle;
    v[prefix + "page_faults"] = r.page_fault_s;
    v[prefix + "first_result"] = r.first_result_s;
    v[prefix + "minor_faults"] = static_cast<double>(r.memory.child_minor_faults);
    v[prefix + "zombies"] = static_cast<double>(r.memory.peak_zombie_workers);
    v[prefix + "peak_pss"] = static_cast<double>(r.memory.peak_pss_sum_bytes);
    v[prefix + "peak_rss"] = static_cast<double>(r.memory.peak_rss_sum_bytes);
    v[prefix + "cpu"] = r.cpu.process_cpu_s;
    // Over the span the CPU was counted (the run's processes from start to end), not the
    // serial loop alone.
    const double span_s = static_cast<double>(r.end_ns - r.start_ns) * 1e-9;
    const double wall = std::max(r.wall_s, span_s);
    v[prefix + "cores_busy"] = wall > 0 ? r.cpu.process_cpu_s / wall : 0;
    // The workers' own CPU over their time: what a system monitor shows per worker.
    const double worker_time = wall * std::max(r.workers, 1);
    v[prefix + "worker_cpu"] = worker_time > 0 ? r.cpu.children_cpu_s / worker_time : 0;
    v[prefix + "items_failed"] = static_cast<double>(r.items_failed);
    v[prefix + "errors"] = static_cast<double>(r.errors.size());
    v[prefix + "finished_items"] = static_cast<double>(r.checksum_items);
    out.outside_cpu_share = std::max(out.outside_cpu_share, largest_outside_share(s));
}

}  // namespace

LessonRunFigures figures_of(const Comparison& c) {
    LessonRunFigures out;
    add_series(c.serial, "serial.", out);
    add_series(c.parallel, "parallel.", out);
    if (!c.parallel.runs.empty() && !c.serial.runs.empty()) {
        out.values["speedup"] = c.speedup;
        out.values["efficiency"] = c.efficiency;
        out.values["T"] = c.T;
        out.values["C"] = c.C;
        out.values["checksums_match"] = c.checksums_match ? 1 : 0;
    }
    return out;
}

LessonRunFigures figures_of(const RunSeries& s) {
    LessonRunFigures out;
    add_series(s, "", out);
    return out;
}

LessonRunFigures figures_of_sweep(const std::vector<std::string>& axes,
                                  const std::vector<SweepPointFigures>& points,
                                  const SweepAnalysis& analysis, int usable_cores,
                                  double outside_share) {
    LessonRunFigures out;
    out.outside_cpu_share = outside_share;
    if (!analysis.recommendation) return out;
    auto& v = out.values;
    const std::size_t best = analysis.recommendation->best;
    v["best_speedup"] = points[best].speedup;
    if (const auto u = u_curve(axes, points, best, "chunksize")) {
        v["u_curve"] = u->inside() ? 1 : 0;
        v["first_over_best"] = u->first_over_best;
        v["last_over_best"] = u->last_over_best;
    }
    const std::string param = parameter_axis(axes);
    if (const auto r = param.empty() ? std::nullopt : rule_crossing(axes, points, best, param)) {
        v["rule_crossed"] = r->below ? 1 : 0;
        v["first_T_over_C"] = r->first_ratio;
        v["last_T_over_C"] = r->last_ratio;
    }
    if (const auto w = worker_scaling(axes, points, best, usable_cores)) {
        v["speedup_at_1"] = w->at_one;
        v["speedup_at_cores"] = w->at_cores;
        v["speedup_at_most"] = w->at_most;
    }
    if (analysis.amdahl) v["serial_fraction"] = analysis.amdahl->serial_fraction;
    return out;
}

std::string format_figure(const std::string& figure, double value) {
    static const char* kSeconds[] = {
        "wall", "startup", "teardown", "compute", "transfer",    "serialization",
        "idle", "cpu",     "T",        "C",       "page_faults", "first_result"};
    for (const char* s : kSeconds)
        if (figure == s) return fmt_duration(value);
    if (figure == "peak_pss" || figure == "peak_rss")
        return fmt_bytes(static_cast<uint64_t>(std::max(value, 0.0)));
    if (figure == "speedup" || figure.rfind("speedup_", 0) == 0 || figure == "best_speedup")
        return fmt_ratio(value);
    if (figure == "u_curve" || figure == "rule_crossed") return fmt_fixed(value, 0);
    if (figure == "items_failed" || figure == "errors" || figure == "minor_faults" ||
        figure == "zombies" || figure == "finished_items" || figure == "checksums_match")
        return fmt_fixed(value, 0);
    return fmt_fixed(value, 2);
}

}  // namespace poolscope
