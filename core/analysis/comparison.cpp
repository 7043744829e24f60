#include "core/analysis/comparison.h"

#include <algorithm>
#include <string>

#include "core/analysis/verdict.h"
#include "core/text/format.h"

namespace poolscope {

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
    const double n = static_cast<double>(c.parallel.representative().items);
    const int W = std::max(1, c.parallel.representative().workers);
    c.speedup = pw > 0 ? sw / pw : 0;
    c.efficiency = c.speedup / W;
    c.T = n > 0 ? sw / n : 0;
    c.C = n > 0 ? (W * pw - c.parallel.compute_s.median) / n : 0;
    const auto& s = c.serial.representative();
    const auto& p = c.parallel.representative();
    c.checksums_match = !c.serial.runs.empty() && !c.parallel.runs.empty() &&
                        s.checksum == p.checksum && s.checksum_items == p.checksum_items;
    c.verdict = make_verdict(c);
    return c;
}

}  // namespace poolscope
