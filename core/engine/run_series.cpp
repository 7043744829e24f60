#include "core/engine/run_series.h"

#include <algorithm>

#include "core/report/format.h"

namespace poolscope {

Stat stat_of(std::vector<double> v) {
    if (v.empty()) return {};
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    const double median = n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    return {median, v.front(), v.back()};
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
    s.representative = runs[order[(order.size() - 1) / 2]];
    s.runs = std::move(runs);
    return s;
}

namespace {

// The biggest overhead in the parallel run's breakdown, in words.
std::string dominant_overhead(const Breakdown& b, double& seconds) {
    // Grouped as a user acts on them: the pool's life, moving data, waiting.
    const std::pair<const char*, double> parts[] = {
        {"pool start-up and teardown", b.startup + b.teardown},
        {"moving data (serialization and transfer)", b.serialization + b.transfer},
        {"idle (waiting for work or a core, imbalance)", b.idle}};
    const auto* best = &parts[0];
    for (const auto& p : parts)
        if (p.second > best->second) best = &p;
    seconds = best->second;
    return best->first;
}

std::string make_verdict(const Comparison& c) {
    const RunResult& p = c.parallel.representative;
    if (c.parallel.runs.empty()) return "no parallel run";
    if (p.partial)
        return "the parallel run did not finish (" + std::to_string(p.errors.size()) +
               " error(s)); figures cover only the finished items";
    if (!c.checksums_match) return "serial and parallel results differ: checksum mismatch";
    // Figures taken while other programs had the cores say more about them than about the
    // pool: report it and give no advice.
    const double outside =
        std::max(c.serial.representative.cpu.outside_cpu_share, p.cpu.outside_cpu_share);
    if (outside > kOutsideLoadShare) {
        return "other programs used " + fmt_fixed(outside * 100, 0) +
               " % of the CPU during the runs: speedup " + fmt_ratio(c.speedup) + ", T " +
               fmt_duration(c.T) + ", C " + fmt_duration(c.C) +
               " are disturbed; no advice from them, run again on a quieter machine";
    }
    double over_s = 0;
    const std::string over = dominant_overhead(p.breakdown, over_s);
    const std::string rule =
        c.T > 10 * c.C ? "T > 10·C: parallel pays" : "T < 10·C: tasks are too small for the pool";
    const std::string figures =
        "T " + fmt_duration(c.T) + ", C " + fmt_duration(c.C) + " (" + rule + ")";
    if (c.speedup < 1) {
        return "parallel is " + fmt_ratio(1 / std::max(c.speedup, 1e-12)) + " slower: " + over +
               " " + fmt_duration(over_s) + " vs compute " + fmt_duration(p.breakdown.compute) +
               " worker-seconds; " + figures + "; try serial, fewer workers or bigger chunks";
    }
    return "parallel is " + fmt_ratio(c.speedup) + " faster, efficiency " +
           fmt_fixed(c.efficiency * 100, 0) + " %; biggest overhead: " + over + " " +
           fmt_duration(over_s) + "; " + figures;
}

}  // namespace

Comparison make_comparison(RunSeries serial, RunSeries parallel) {
    Comparison c;
    c.serial = std::move(serial);
    c.parallel = std::move(parallel);
    const double sw = c.serial.wall_s.median, pw = c.parallel.wall_s.median;
    const double n = static_cast<double>(c.parallel.representative.items);
    const int W = std::max(1, c.parallel.representative.workers);
    c.speedup = pw > 0 ? sw / pw : 0;
    c.efficiency = c.speedup / W;
    c.T = n > 0 ? sw / n : 0;
    c.C = n > 0 ? (W * pw - c.parallel.compute_s.median) / n : 0;
    const auto& s = c.serial.representative;
    const auto& p = c.parallel.representative;
    c.checksums_match = !c.serial.runs.empty() && !c.parallel.runs.empty() &&
                        s.checksum == p.checksum && s.checksum_items == p.checksum_items;
    c.verdict = make_verdict(c);
    return c;
}

}  // namespace poolscope
