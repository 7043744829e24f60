#include "core/analysis/sweep_shape.h"

#include <algorithm>
#include <cstdlib>

#include "core/analysis/sweep_axes.h"

namespace poolscope {

namespace {

double axis_number(const std::string& axis, const SweepPointFigures& p, std::size_t index) {
    if (axis == "workers") return p.workers;
    if (axis == "chunksize") return static_cast<double>(p.chunksize);
    return std::strtod(p.values[index].c_str(), nullptr);
}

double ratio(double a, double b) {
    return b > 0 ? a / b : 0;
}

}  // namespace

std::vector<std::size_t> slice_by_value(const std::vector<std::string>& axes,
                                        const std::vector<SweepPointFigures>& points,
                                        std::size_t through, const std::string& axis) {
    const auto at = std::find(axes.begin(), axes.end(), axis);
    if (at == axes.end() || through >= points.size()) return {};
    const auto index = static_cast<std::size_t>(at - axes.begin());
    std::vector<std::size_t> out = sweep_slice(points, through, index);
    std::stable_sort(out.begin(), out.end(), [&](std::size_t a, std::size_t b) {
        return axis_number(axis, points[a], index) < axis_number(axis, points[b], index);
    });
    return out;
}

std::optional<UCurve> u_curve(const std::vector<std::string>& axes,
                              const std::vector<SweepPointFigures>& points, std::size_t through,
                              const std::string& axis) {
    const auto s = slice_by_value(axes, points, through, axis);
    if (s.size() < 3) return std::nullopt;
    UCurve u;
    u.first = s.front();
    u.last = s.back();
    u.best = *std::min_element(s.begin(), s.end(), [&](std::size_t a, std::size_t b) {
        return points[a].wall_s.median < points[b].wall_s.median;
    });
    const double best = points[u.best].wall_s.median;
    u.first_over_best = ratio(points[u.first].wall_s.median, best);
    u.last_over_best = ratio(points[u.last].wall_s.median, best);
    return u;
}

std::optional<RuleCrossing> rule_crossing(const std::vector<std::string>& axes,
                                          const std::vector<SweepPointFigures>& points,
                                          std::size_t through, const std::string& axis) {
    RuleCrossing r;
    r.slice = slice_by_value(axes, points, through, axis);
    if (r.slice.size() < 2) return std::nullopt;
    const auto t_over_c = [&](std::size_t i) { return ratio(points[i].T, points[i].C); };
    r.first_ratio = t_over_c(r.slice.front());
    r.last_ratio = t_over_c(r.slice.back());
    for (std::size_t k = 1; k < r.slice.size(); ++k) {
        if (t_over_c(r.slice[k - 1]) < kWorthItRatio && t_over_c(r.slice[k]) > kWorthItRatio) {
            r.below = r.slice[k - 1];
            r.above = r.slice[k];
        }
    }
    return r;
}

std::string parameter_axis(const std::vector<std::string>& axes) {
    for (const auto& a : axes)
        if (axis_changes_serial(a)) return a;
    return "";
}

std::optional<WorkerScaling> worker_scaling(const std::vector<std::string>& axes,
                                            const std::vector<SweepPointFigures>& points,
                                            std::size_t through, int usable_cores) {
    const auto s = slice_by_value(axes, points, through, "workers");
    if (s.empty() || points[s.front()].workers != 1) return std::nullopt;
    WorkerScaling w;
    w.at_one = points[s.front()].speedup;
    std::optional<std::size_t> at_cores;
    for (std::size_t i : s)
        if (points[i].workers <= usable_cores) at_cores = i;
    if (!at_cores || points[*at_cores].workers != usable_cores) return std::nullopt;
    w.at_cores = points[*at_cores].speedup;
    w.at_most = points[s.back()].speedup;
    w.most_workers = points[s.back()].workers;
    return w;
}

}  // namespace poolscope
