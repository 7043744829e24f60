#include "core/analysis/scaling_fit.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <set>

#include "core/analysis/sweep_axes.h"
#include "core/analysis/verdict.h"
#include "core/config/run_config.h"

namespace poolscope {

namespace {

// Two-sided 95 % quantiles of Student's t for 1 … 30 degrees of freedom; 1.96 beyond.
double t95(std::size_t df) {
    static constexpr double kT[] = {12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306,
                                    2.262,  2.228, 2.201, 2.179, 2.160, 2.145, 2.131, 2.120,
                                    2.110,  2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064,
                                    2.060,  2.056, 2.052, 2.048, 2.045, 2.042};
    if (df == 0) return std::numeric_limits<double>::infinity();
    return df <= 30 ? kT[df - 1] : 1.96;
}

// `min_counts` distinct worker counts, one of them above 1, and no speedup that is not data.
bool usable(const std::vector<ScalingSample>& samples, std::size_t min_counts) {
    std::set<int> ws;
    bool above_one = false;
    for (const auto& s : samples) {
        if (s.workers < 1 || !(s.speedup > 0) || !std::isfinite(s.speedup)) return false;
        ws.insert(s.workers);
        above_one = above_one || s.workers > 1;
    }
    return ws.size() >= min_counts && ws.size() == samples.size() && above_one;
}

std::string seconds_text(double s) {
    char buf[32];
    if (s < 1e-3)
        std::snprintf(buf, sizeof buf, "%.1f µs", s * 1e6);
    else if (s < 1)
        std::snprintf(buf, sizeof buf, "%.2f ms", s * 1e3);
    else
        std::snprintf(buf, sizeof buf, "%.3f s", s);
    return buf;
}

std::string times_text(double x) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f×", x);
    return buf;
}

bool overlaps(const Stat& a, const Stat& b) {
    return a.min <= b.max && b.min <= a.max;
}

}  // namespace

std::vector<std::size_t> sweep_slice(const std::vector<SweepPointFigures>& points, std::size_t best,
                                     std::size_t except) {
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < points.size(); ++i) {
        if (!points[i].complete) continue;
        bool same = true;
        for (std::size_t a = 0; a < points[i].values.size() && same; ++a)
            same = a == except || points[i].values[a] == points[best].values[a];
        if (same) out.push_back(i);
    }
    return out;
}

double amdahl_speedup(double serial_fraction, double workers) {
    return 1 / (serial_fraction + (1 - serial_fraction) / workers);
}

double usl_speedup(double sigma, double kappa, double workers) {
    return workers / (1 + sigma * (workers - 1) + kappa * workers * (workers - 1));
}

std::optional<AmdahlFit> fit_amdahl(const std::vector<ScalingSample>& samples) {
    // One parameter: two worker counts fit it (a 2-core machine has no third within its
    // cores); the interval, with one degree of freedom, is as wide as that deserves.
    if (!usable(samples, 2)) return std::nullopt;
    // 1/S − 1/W = s (1 − 1/W): a line through the origin in u = 1 − 1/W.
    double suu = 0, suv = 0;
    for (const auto& p : samples) {
        const double u = 1 - 1.0 / p.workers;
        const double v = 1 / p.speedup - 1.0 / p.workers;
        suu += u * u;
        suv += u * v;
    }
    const double s = suv / suu;
    double rss = 0;
    for (const auto& p : samples) {
        const double u = 1 - 1.0 / p.workers;
        const double r = (1 / p.speedup - 1.0 / p.workers) - s * u;
        rss += r * r;
    }
    const std::size_t df = samples.size() - 1;
    const double half = t95(df) * std::sqrt(rss / static_cast<double>(df) / suu);
    AmdahlFit f;
    f.points = samples.size();
    f.serial_fraction = std::clamp(s, 0.0, 1.0);
    f.low = std::clamp(s - half, 0.0, 1.0);
    f.high = std::clamp(s + half, 0.0, 1.0);
    f.max_speedup =
        f.serial_fraction > 0 ? 1 / f.serial_fraction : std::numeric_limits<double>::infinity();
    return f;
}

std::optional<UslFit> fit_usl(const std::vector<ScalingSample>& samples) {
    if (!usable(samples, 3)) return std::nullopt;
    double a = 0, b = 0, c = 0, d = 0, e = 0;
    for (const auto& p : samples) {
        const double w = p.workers;
        const double x1 = w - 1, x2 = w * (w - 1), z = w / p.speedup - 1;
        a += x1 * x1;
        b += x1 * x2;
        c += x2 * x2;
        d += x1 * z;
        e += x2 * z;
    }
    const double det = a * c - b * b;
    if (!(std::abs(det) > 1e-12 * a * c)) return std::nullopt;
    UslFit f;
    f.points = samples.size();
    f.sigma = (c * d - b * e) / det;
    f.kappa = (a * e - b * d) / det;
    if (f.kappa > 0 && f.sigma < 1) {
        f.peak_workers = std::sqrt((1 - f.sigma) / f.kappa);
        f.peak_speedup = usl_speedup(f.sigma, f.kappa, *f.peak_workers);
    }
    return f;
}

std::string point_label(const std::vector<std::string>& axes, const SweepPointFigures& p) {
    std::string s;
    for (std::size_t i = 0; i < axes.size() && i < p.values.size(); ++i)
        s += (s.empty() ? "" : " ") + axes[i] + "=" + p.values[i];
    return s.empty() ? "the one point" : s;
}

SweepAnalysis analyse_sweep(const std::vector<std::string>& axes,
                            const std::vector<SweepPointFigures>& points, const Stat& serial_wall,
                            uint64_t n, int usable_cores, int repeat, double outside_share) {
    SweepAnalysis out;
    // Walls compare points that do the same work; a swept workload parameter changes the work,
    // so then the best point is the one that gains most over its own serial baseline.
    const bool same_work = std::none_of(axes.begin(), axes.end(), axis_changes_serial);
    const auto better = [&](std::size_t a, std::size_t b) {
        return same_work ? points[a].wall_s.median < points[b].wall_s.median
                         : points[a].speedup > points[b].speedup;
    };
    std::optional<std::size_t> best;
    for (std::size_t i = 0; i < points.size(); ++i)
        if (points[i].complete && (!best || better(i, *best))) best = i;
    if (!best) {
        out.fit_note = "no point finished";
        return out;
    }
    const SweepPointFigures& bp = points[*best];

    // Scaling: speedup against workers, through the best point.
    const auto workers_axis = std::find(axes.begin(), axes.end(), "workers");
    if (workers_axis == axes.end()) {
        out.fit_note = "workers is not swept: no scaling fit";
    } else {
        out.scaling_points = sweep_slice(points, *best, workers_axis - axes.begin());
        std::vector<ScalingSample> all, within_cores;
        for (std::size_t i : out.scaling_points) {
            all.push_back({points[i].workers, points[i].speedup});
            if (points[i].workers <= usable_cores) within_cores.push_back(all.back());
        }
        out.amdahl = fit_amdahl(within_cores);
        out.usl = fit_usl(all);
        if (!out.amdahl)
            out.fit_note = "Amdahl needs 2 or more worker counts within the " +
                           std::to_string(usable_cores) + " usable cores (got " +
                           std::to_string(within_cores.size()) + ")";
        if (!out.usl)
            out.fit_note += std::string(out.fit_note.empty() ? "" : "; ") +
                            "USL needs 3 or more worker counts (got " + std::to_string(all.size()) +
                            ")";
    }

    // Chunksize: the measured best against the article's formula, at the best point's W.
    const auto chunk_axis = std::find(axes.begin(), axes.end(), "chunksize");
    if (chunk_axis != axes.end()) {
        ChunksizeReport c;
        c.best = *best;
        c.formula = auto_chunksize(n, bp.workers);
        for (std::size_t i : sweep_slice(points, *best, chunk_axis - axes.begin())) {
            if (points[i].chunksize != c.formula) continue;
            if (!c.formula_point || points[i].chunksize_auto) c.formula_point = i;
        }
        if (c.formula_point && bp.wall_s.median > 0)
            c.formula_cost_pct =
                (points[*c.formula_point].wall_s.median / bp.wall_s.median - 1) * 100;
        out.chunksize = c;
    }

    SweepRecommendation r;
    r.best = *best;
    for (std::size_t i = 0; i < points.size(); ++i)
        if (i != *best && points[i].complete && overlaps(points[i].wall_s, bp.wall_s))
            r.within_noise.push_back(i);
    r.serial_faster = bp.speedup < 1;
    const std::string label = point_label(axes, bp);
    std::string s;
    if (r.serial_faster) {
        s = "Serial is faster: even the best point (" + label + ", " +
            seconds_text(bp.wall_s.median) + ") is " + times_text(bp.speedup) + " the serial " +
            seconds_text(serial_wall.median) + ", so the pool does not pay at this size";
    } else {
        s = "Use " + label + ": " + seconds_text(bp.wall_s.median) + " median, " +
            times_text(bp.speedup) + " serial";
        if (!r.within_noise.empty())
            s += "; " + std::to_string(r.within_noise.size()) +
                 (r.within_noise.size() == 1 ? " other point is" : " other points are") +
                 " within the noise (min–max overlapping), e.g. " +
                 point_label(axes, points[r.within_noise.front()]) + ", so any of them will do";
        else if (repeat > 1 && points.size() > 1)
            s += ", ahead of every other point beyond its min–max";
    }
    if (repeat < 2) s += "; with one run per point the noise is unknown (use --repeat 3 or more)";
    r.disturbed = outside_share > kOutsideLoadShare;
    if (r.disturbed) {
        char share[16];
        std::snprintf(share, sizeof share, "%.0f %%", outside_share * 100);
        s += "; other programs took up to " + std::string(share) +
             " of the CPU meanwhile, so these figures are disturbed: run it again on a quieter "
             "machine";
    }
    r.sentence = s + ".";
    out.recommendation = r;
    return out;
}

}  // namespace poolscope
