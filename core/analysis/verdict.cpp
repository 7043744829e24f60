#include "core/analysis/verdict.h"

#include <algorithm>

namespace poolscope {

Verdict assess(const Comparison& c) {
    Verdict v;
    const RunResult& p = c.parallel.representative();
    v.speedup = c.speedup;
    v.efficiency = c.efficiency;
    v.T = c.T;
    v.C = c.C;
    v.pays = c.T > 10 * c.C;
    v.outside_share =
        std::max(c.serial.representative().cpu.outside_cpu_share, p.cpu.outside_cpu_share);
    if (c.parallel.runs.empty()) return v;
    v.errors = p.errors.size();
    v.compute_s = p.breakdown.compute;
    const Breakdown& b = p.breakdown;
    const std::pair<Overhead, double> parts[] = {
        {Overhead::PoolLife, b.startup + b.teardown},
        {Overhead::MovingData, b.serialization + b.transfer},
        {Overhead::Idle, b.idle}};
    const auto* best = &parts[0];
    for (const auto& part : parts)
        if (part.second > best->second) best = &part;
    v.dominant = best->first;
    v.dominant_s = best->second;
    if (p.partial) {
        v.kind = VerdictKind::Partial;
    } else if (!c.checksums_match) {
        v.kind = VerdictKind::ChecksumMismatch;
    } else if (v.outside_share > kOutsideLoadShare) {
        // Figures taken while other programs had the cores say more about them than about
        // the pool: report them and give no advice.
        v.kind = VerdictKind::Disturbed;
    } else if (c.speedup < 1) {
        v.kind = VerdictKind::Slower;
        v.advice = Advice::TrySerialOrBiggerChunks;
    } else {
        v.kind = VerdictKind::Faster;
    }
    return v;
}

}  // namespace poolscope
