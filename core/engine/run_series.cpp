#include "core/engine/run_series.h"

#include <algorithm>

#include "core/analysis/verdict.h"
#include "core/text/format.h"

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

const char* overhead_words(Overhead o) {
    switch (o) {
        case Overhead::PoolLife:
            return "pool start-up and teardown";
        case Overhead::MovingData:
            return "moving data (serialization and transfer)";
        case Overhead::Idle:
            break;
    }
    return "idle (waiting for work or a core, imbalance)";
}

std::string make_verdict(const Comparison& c) {
    const Verdict v = assess(c);
    switch (v.kind) {
        case VerdictKind::NoParallel:
            return "no parallel run";
        case VerdictKind::Partial:
            return "the parallel run did not finish (" + std::to_string(v.errors) +
                   " error(s)); figures cover only the finished items";
        case VerdictKind::ChecksumMismatch:
            return "serial and parallel results differ: checksum mismatch";
        case VerdictKind::Disturbed:
            return "other programs used " + fmt_fixed(v.outside_share * 100, 0) +
                   " % of the CPU during the runs: speedup " + fmt_ratio(v.speedup) + ", T " +
                   fmt_duration(v.T) + ", C " + fmt_duration(v.C) +
                   " are disturbed; no advice from them, run again on a quieter machine";
        case VerdictKind::Slower:
        case VerdictKind::Faster:
            break;
    }
    const std::string over = overhead_words(v.dominant);
    const std::string rule =
        v.pays ? "T > 10·C: parallel pays" : "T < 10·C: tasks are too small for the pool";
    const std::string figures =
        "T " + fmt_duration(v.T) + ", C " + fmt_duration(v.C) + " (" + rule + ")";
    if (v.kind == VerdictKind::Slower) {
        return "parallel is " + fmt_ratio(1 / std::max(v.speedup, 1e-12)) + " slower: " + over +
               " " + fmt_duration(v.dominant_s) + " vs compute " + fmt_duration(v.compute_s) +
               " worker-seconds; " + figures + "; try serial, fewer workers or bigger chunks";
    }
    return "parallel is " + fmt_ratio(v.speedup) + " faster, efficiency " +
           fmt_fixed(v.efficiency * 100, 0) + " %; biggest overhead: " + over + " " +
           fmt_duration(v.dominant_s) + "; " + figures;
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
