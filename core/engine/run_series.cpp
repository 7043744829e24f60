#include "core/engine/run_series.h"

#include <algorithm>

namespace poolscope {

Stat stat_of(std::vector<double> v) {
    if (v.empty()) return {};
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    const double median = n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    return {median, v.front(), v.back()};
}

const RunResult& RunSeries::representative() const {
    static const RunResult none;
    return median_run < runs.size() ? runs[median_run] : none;
}

RunSeries make_series(std::vector<RunResult> runs) {
    RunSeries s;
    if (runs.empty()) return s;
    std::vector<double> wall, startup, teardown, compute;
    for (const auto& r : runs) {
        wall.push_back(r.wall_s);
        startup.push_back(r.startup_s);
        teardown.push_back(r.teardown_s);
        compute.push_back(r.compute_s);
    }
    s.wall_s = stat_of(wall);
    s.startup_s = stat_of(startup);
    s.teardown_s = stat_of(teardown);
    s.compute_s = stat_of(compute);
    std::vector<std::size_t> order(runs.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(),
              [&](auto a, auto b) { return runs[a].wall_s < runs[b].wall_s; });
    s.median_run = order[(order.size() - 1) / 2];
    s.runs = std::move(runs);
    return s;
}

}  // namespace poolscope
