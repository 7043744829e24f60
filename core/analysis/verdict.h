// Verdict: what a serial-vs-parallel comparison says, as a value (its kind, the figures it
// rests on, the advice) rather than a sentence, so the CLI and the GUI each put it into their
// own words (the GUI through tr()) and tests can check the judgement, not the wording.
#pragma once

#include <cstddef>

#include "core/engine/run_series.h"

namespace poolscope {

// Above this share of the CPU used by programs outside the run, a comparison is disturbed: the
// verdict says so and gives no advice (the telemetry's warning threshold).
inline constexpr double kOutsideLoadShare = 0.10;

enum class VerdictKind {
    NoParallel,        // nothing to compare yet
    Partial,           // the parallel run did not finish: figures cover what finished
    ChecksumMismatch,  // serial and parallel results differ
    Disturbed,         // other programs took the cores: figures reported, no advice given
    Slower,            // parallel is slower than serial
    Faster,            // parallel is faster
};

// The biggest overhead, grouped as a user acts on it.
enum class Overhead {
    PoolLife,    // start-up and teardown
    MovingData,  // serialization and transfer
    Idle,        // waiting for work or a core, imbalance
};

enum class Advice {
    None,
    TrySerialOrBiggerChunks,  // T < 10·C: the tasks are too small for the pool
};

struct Verdict {
    VerdictKind kind = VerdictKind::NoParallel;
    Overhead dominant = Overhead::PoolLife;
    double dominant_s = 0;  // worker-seconds of the dominant overhead
    double compute_s = 0;   // worker-seconds of compute in the parallel run
    double speedup = 0;
    double efficiency = 0;
    double T = 0;
    double C = 0;
    bool pays = false;  // T > 10·C, the article's rule
    std::size_t errors = 0;
    double outside_share = 0;  // CPU share used outside the runs (the larger of the two)
    Advice advice = Advice::None;
};

Verdict assess(const Comparison& c);

}  // namespace poolscope
