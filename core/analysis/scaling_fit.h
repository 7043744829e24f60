// What a sweep's points say: Amdahl's serial fraction and the Universal Scalability Law's
// contention and coherency fitted to speedup against workers, the chunksize the article's formula
// picks against the measured best, and one recommendation that is honest about noise.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/engine/run_series.h"

namespace poolscope {

struct ScalingSample {
    int workers = 1;
    double speedup = 0;  // serial wall / parallel wall (medians)
};

// Amdahl: speedup(W) = 1 / (s + (1 − s) / W). s by least squares on 1/speedup = s + (1 − s)/W,
// with a 95 % confidence interval from the residuals (Student's t, n − 1 degrees of freedom).
struct AmdahlFit {
    double serial_fraction = 0;  // s, clamped to [0, 1]
    double low = 0;              // the interval, clamped to [0, 1]
    double high = 0;
    double max_speedup = 0;  // 1 / s (infinity when s = 0)
    std::size_t points = 0;
};

// USL: speedup(W) = W / (1 + σ(W − 1) + κW(W − 1)), by linearised least squares on
// W / speedup − 1 = σ(W − 1) + κW(W − 1). The speedup peaks at W = sqrt((1 − σ) / κ).
struct UslFit {
    double sigma = 0;                    // contention
    double kappa = 0;                    // coherency (crosstalk)
    std::optional<double> peak_workers;  // when κ > 0 and σ < 1
    double peak_speedup = 0;             // the model's speedup at the peak
    std::size_t points = 0;
};

double amdahl_speedup(double serial_fraction, double workers);
double usl_speedup(double sigma, double kappa, double workers);

// Samples with distinct worker counts, one with W > 1: Amdahl (one parameter) needs 2 or more,
// USL (two) 3 or more; else nullopt.
std::optional<AmdahlFit> fit_amdahl(const std::vector<ScalingSample>& samples);
std::optional<UslFit> fit_usl(const std::vector<ScalingSample>& samples);

// One finished point of a sweep, as the analysis sees it.
struct SweepPointFigures {
    std::vector<std::string> values;  // one per axis, in the axes' order
    int workers = 1;
    uint64_t chunksize = 1;  // the effective chunksize
    bool chunksize_auto = false;
    Stat wall_s;
    double speedup = 0;
    double T = 0;          // serial wall / n of the point's own baseline
    double C = 0;          // (W·wall − compute) / n
    bool complete = true;  // false when a run of it failed or was interrupted
};

struct ChunksizeReport {
    std::size_t best = 0;  // the point with the lowest median wall on the chunksize slice
    uint64_t formula = 0;  // auto = ceil(n / (4W)) for the best point's W
    std::optional<std::size_t> formula_point;  // the point that ran that chunksize, if any
    std::optional<double> formula_cost_pct;    // its median wall over the best's, in % (≥ 0)
};

struct SweepRecommendation {
    std::size_t best = 0;                   // the point with the lowest median wall
    std::vector<std::size_t> within_noise;  // others whose min–max overlaps the best's
    bool serial_faster = false;             // even the best point is slower than serial
    bool disturbed = false;  // other programs took more than kOutsideLoadShare of the CPU
    std::string sentence;
};

struct SweepAnalysis {
    std::optional<AmdahlFit> amdahl;
    std::optional<UslFit> usl;
    std::string fit_note;                     // why a fit is missing, else empty
    std::vector<std::size_t> scaling_points;  // the points the fits used (the workers slice)
    std::optional<ChunksizeReport> chunksize;
    std::optional<SweepRecommendation> recommendation;
};

// The complete points that share every axis value with point `through` but the one at index
// `except` (the slice a fit or a curve runs along), in the points' order.
std::vector<std::size_t> sweep_slice(const std::vector<SweepPointFigures>& points,
                                     std::size_t through, std::size_t except);

// "workers=2 chunksize=auto"
std::string point_label(const std::vector<std::string>& axes, const SweepPointFigures& p);

// The fits use the slice of points that share every axis value but workers with the best point
// (Amdahl only over W ≤ usable_cores); the chunksize report the slice that shares all but the
// chunksize. n is the number of items; repeat the counted runs per point; outside_share the
// largest CPU share programs outside the runs took during any of them.
SweepAnalysis analyse_sweep(const std::vector<std::string>& axes,
                            const std::vector<SweepPointFigures>& points, const Stat& serial_wall,
                            uint64_t n, int usable_cores, int repeat, double outside_share = 0);

}  // namespace poolscope
