#include "app/cli/sweep_report.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/analysis/sweep_shape.h"
#include "core/report/csv_export.h"
#include "core/report/result_json.h"
#include "core/text/format.h"
#include "core/text/json_units.h"

namespace poolscope::cli {

namespace {

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

std::vector<std::string> point_values(const std::vector<SweepAxis>& axes, const SweepPoint& p) {
    std::vector<std::string> v;
    for (std::size_t i = 0; i < axes.size(); ++i) v.push_back(axes[i].values[p[i]]);
    return v;
}

nlohmann::json value_json(const std::string& v) {
    if (!v.empty() && v.find_first_not_of("0123456789") == std::string::npos) return std::stoll(v);
    return v;
}

// Along a swept workload parameter: where T passes 10·C (the article's rule), or that it never
// does within the values tried.
std::string rule_line(const SweepOptions& opt, const SweepAnalysis& a,
                      const std::vector<SweepPointFigures>& figs) {
    std::vector<std::string> names;
    for (const auto& ax : opt.axes) names.push_back(ax.name);
    const std::string param = parameter_axis(names);
    if (param.empty() || !a.recommendation) return "";
    const auto r = rule_crossing(names, figs, a.recommendation->best, param);
    if (!r) return "";
    const auto at = [&](std::size_t i) {
        SweepPointFigures f;
        f.values = {figs[i].values[static_cast<std::size_t>(
            std::find(names.begin(), names.end(), param) - names.begin())]};
        return point_label({param}, f) + " (T/C " +
               fmt_fixed(figs[i].C > 0 ? figs[i].T / figs[i].C : 0, 1) + ")";
    };
    if (r->below)
        return "rule: T passes 10·C between " + at(*r->below) + " and " + at(*r->above) + "\n";
    return "rule: T does not pass 10·C between " + at(r->slice.front()) + " and " +
           at(r->slice.back()) + "\n";
}

}  // namespace

std::vector<std::string> axis_names(const std::vector<SweepAxis>& axes) {
    std::vector<std::string> names;
    for (const auto& a : axes) names.push_back(a.name);
    return names;
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
        f.T = p.figures.T;
        f.C = p.figures.C;
        f.complete = p.complete;
        out.push_back(std::move(f));
    }
    return out;
}

std::string format_table(const SweepOptions& opt, const std::vector<Baseline>& baselines,
                         const std::vector<PointResult>& points, const SweepAnalysis& a,
                         const std::vector<SweepPointFigures>& figs, bool interrupted) {
    const RunConfig& c = opt.run.config;
    std::string out = "sweep: " + c.workload + ", " + std::to_string(c.size) + " items";
    for (const auto& [k, v] : c.params) out += ", " + k + "=" + v;
    out += "; " + std::to_string(points.size()) + " points, " + std::to_string(c.repeat) +
           " run(s) each, seeded order (seed " + std::to_string(opt.seed) + ")\n";
    for (const Baseline& b : baselines) {
        std::string label;
        for (const auto& v : b.values) label += " " + v;
        out += "serial baseline" + label + ": " +
               (b.series.runs.empty() ? std::string("not measured") : stat_text(b.series.wall_s)) +
               "\n";
    }
    out += "\n";
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
    out += rule_line(opt, a, figs);
    if (a.recommendation) out += a.recommendation->sentence + "\n";
    if (interrupted) out += "interrupted: the points that finished are shown\n";
    return out;
}

nlohmann::json sweep_json(const SweepOptions& opt, const MachineInfo& machine,
                          const std::vector<Baseline>& baselines,
                          const std::vector<PointResult>& points, const SweepAnalysis& a,
                          const std::vector<SweepPointFigures>& figs, bool interrupted) {
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
        if (baselines.size() > 1) o["baseline"] = p.baseline;
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
    // "serial" is the first baseline (the only one unless a workload parameter is swept).
    const RunSeries& serial = baselines.front().series;
    json baselines_json = json::array();
    for (const Baseline& b : baselines) {
        json values = json::object();
        for (const auto& v : b.values) {
            const auto eq = v.find('=');
            values[v.substr(0, eq)] = value_json(v.substr(eq + 1));
        }
        baselines_json.push_back(
            {{"values", values},
             {"series", b.series.runs.empty() ? json(nullptr) : series_to_json(b.series, ro)}});
    }
    json doc{{"type", "sweep"},
             {"config", opt.run.config},
             {"machine", machine},
             {"seed", opt.seed},
             {"axes", axes},
             {"serial", serial.runs.empty() ? json(nullptr) : series_to_json(serial, ro)},
             {"baselines", baselines_json},
             {"points", pts},
             {"fits", fits},
             {"chunksize", chunk},
             {"recommendation", rec},
             {"interrupted", interrupted}};
    return doc;
}

std::string sweep_csv(const SweepOptions& opt, const std::vector<Baseline>& baselines,
                      const std::vector<PointResult>& points,
                      const std::vector<SweepPointFigures>& figs) {
    const auto num = [](double v) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.9g", v);
        return std::string(buf);
    };
    std::string out = "point";
    for (const auto& ax : opt.axes) out += "," + csv_field(ax.name);
    out +=
        ",resolved_workers,resolved_chunksize,ran,complete,runs,wall_median_s,wall_min_s,wall_max_"
        "s,speedup,"
        "efficiency,T_s,C_s,checksums_match,order\r\n";
    const auto figures = [&](const RunSeries& s) {
        return std::to_string(s.runs.size()) + "," + num(s.wall_s.median) + "," +
               num(s.wall_s.min) + "," + num(s.wall_s.max);
    };
    for (const Baseline& b : baselines) {
        const RunSeries& serial = b.series;
        if (serial.runs.empty()) continue;
        out += "serial";
        for (const auto& ax : opt.axes) {
            std::string v;
            for (const auto& bv : b.values)
                if (bv.rfind(ax.name + "=", 0) == 0) v = bv.substr(ax.name.size() + 1);
            out += "," + csv_field(v);
        }
        out += ",1,," + std::string("true,") +
               (serial.representative().partial ? "false," : "true,") + figures(serial) +
               ",1,,,,,\r\n";
    }
    for (std::size_t i = 0; i < points.size(); ++i) {
        const auto& p = points[i];
        out += std::to_string(i);
        for (std::size_t k = 0; k < opt.axes.size(); ++k)
            out += "," + csv_field(opt.axes[k].values[p.point[k]]);
        out += "," + std::to_string(p.config.workers) + "," + std::to_string(figs[i].chunksize) +
               "," + (p.ran ? "true" : "false") + "," + (p.complete ? "true" : "false") + ",";
        if (p.ran)
            out += figures(p.series) + "," + num(p.figures.speedup) + "," +
                   num(p.figures.efficiency) + "," + num(p.figures.T) + "," + num(p.figures.C) +
                   "," + (p.figures.checksums_match ? "true" : "false");
        else
            out += "0,,,,,,,,";
        out += "," + std::to_string(p.order) + "\r\n";
    }
    return out;
}

}  // namespace poolscope::cli
