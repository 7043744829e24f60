// Scaling fits on synthetic data whose answer is known: noise-free data recovers the parameters,
// noisy data gives an interval that holds them; the chunksize report and the recommendation.
#include <gtest/gtest.h>

#include <cmath>

#include "core/analysis/scaling_fit.h"
#include "core/workloads/splitmix.h"

using namespace poolscope;

namespace {

// ±amplitude multiplicative noise, seeded.
double noisy(double v, double amplitude, uint64_t& state) {
    const double u = static_cast<double>(splitmix64(state) >> 11) / 9007199254740992.0;
    return v * (1 + amplitude * (2 * u - 1));
}

SweepPointFigures point(std::vector<std::string> values, int w, uint64_t chunk, double median,
                        double spread, double serial) {
    SweepPointFigures p;
    p.values = std::move(values);
    p.workers = w;
    p.chunksize = chunk;
    p.wall_s = {median, median - spread, median + spread};
    p.speedup = serial / median;
    return p;
}

}  // namespace

TEST(ScalingFit, AmdahlNoiseFreeRecoversTheSerialFraction) {
    std::vector<ScalingSample> s;
    for (int w : {1, 2, 4, 8, 16}) s.push_back({w, amdahl_speedup(0.1, w)});
    const auto f = fit_amdahl(s);
    ASSERT_TRUE(f);
    EXPECT_NEAR(f->serial_fraction, 0.1, 1e-9);
    EXPECT_NEAR(f->low, 0.1, 1e-6);
    EXPECT_NEAR(f->high, 0.1, 1e-6);
    EXPECT_NEAR(f->max_speedup, 10, 1e-6);
    EXPECT_EQ(f->points, 5u);
}

TEST(ScalingFit, AmdahlNoisyIntervalHoldsTheTruth) {
    uint64_t state = 7;
    for (int trial = 0; trial < 20; ++trial) {
        std::vector<ScalingSample> s;
        for (int w = 1; w <= 12; ++w) s.push_back({w, noisy(amdahl_speedup(0.25, w), 0.03, state)});
        const auto f = fit_amdahl(s);
        ASSERT_TRUE(f);
        EXPECT_LT(f->low, f->high);
        EXPECT_LE(f->low, 0.25 + 0.02) << trial;  // 95 % intervals: allow the rare miss a margin
        EXPECT_GE(f->high, 0.25 - 0.02) << trial;
        EXPECT_NEAR(f->serial_fraction, 0.25, 0.05);
    }
}

TEST(ScalingFit, UslNoiseFreeRecoversSigmaKappaAndThePeak) {
    const double sigma = 0.05, kappa = 0.002;
    std::vector<ScalingSample> s;
    for (int w : {1, 2, 4, 8, 16, 32, 64}) s.push_back({w, usl_speedup(sigma, kappa, w)});
    const auto f = fit_usl(s);
    ASSERT_TRUE(f);
    EXPECT_NEAR(f->sigma, sigma, 1e-9);
    EXPECT_NEAR(f->kappa, kappa, 1e-9);
    ASSERT_TRUE(f->peak_workers);
    EXPECT_NEAR(*f->peak_workers, std::sqrt((1 - sigma) / kappa), 1e-6);
    EXPECT_NEAR(f->peak_speedup, usl_speedup(sigma, kappa, *f->peak_workers), 1e-9);
}

TEST(ScalingFit, UslNoisyStaysNearAndWithoutCoherencyHasNoPeak) {
    uint64_t state = 11;
    std::vector<ScalingSample> s;
    for (int w = 1; w <= 48; w += 3)
        s.push_back({w, noisy(usl_speedup(0.05, 0.002, w), 0.02, state)});
    const auto f = fit_usl(s);
    ASSERT_TRUE(f);
    EXPECT_NEAR(f->sigma, 0.05, 0.02);
    EXPECT_NEAR(f->kappa, 0.002, 0.001);
    ASSERT_TRUE(f->peak_workers);
    EXPECT_NEAR(*f->peak_workers, 21.8, 5);
    std::vector<ScalingSample> amdahl;
    for (int w : {1, 2, 3, 4}) amdahl.push_back({w, amdahl_speedup(0.2, w)});
    const auto g = fit_usl(amdahl);
    ASSERT_TRUE(g);
    EXPECT_NEAR(g->kappa, 0, 1e-9);  // Amdahl is USL with κ = 0: no peak
    EXPECT_NEAR(g->sigma, 0.2, 1e-9);
    EXPECT_FALSE(g->peak_workers);
}

TEST(ScalingFit, TooFewWorkerCountsGiveNoFit) {
    // Amdahl has one parameter: two worker counts fit it (all a 2-core machine has within its
    // cores); USL has two and needs three.
    EXPECT_FALSE(fit_amdahl({{2, 1.7}}));
    EXPECT_FALSE(fit_amdahl({{1, 0.9}, {1, 1.0}}));
    EXPECT_TRUE(fit_amdahl({{1, 0.9}, {2, 1.7}}));
    EXPECT_FALSE(fit_usl({{1, 0.9}, {2, 1.7}}));
    EXPECT_FALSE(fit_amdahl({{2, 1.7}, {2, 1.6}, {1, 1}}));  // a repeated W is not a third
    EXPECT_FALSE(fit_amdahl({{1, 1}, {2, 0}, {3, 2}}));      // a speedup of 0 is not data
}

TEST(ScalingFit, ChunksizeReportComparesTheFormulaWithTheBest) {
    // n = 4000, W = 2: auto = ceil(4000 / 8) = 500.
    const std::vector<std::string> axes{"chunksize"};
    const double serial = 1.0;
    std::vector<SweepPointFigures> pts{
        point({"1"}, 2, 1, 0.90, 0.01, serial), point({"64"}, 2, 64, 0.50, 0.01, serial),
        point({"auto"}, 2, 500, 0.55, 0.01, serial), point({"4000"}, 2, 4000, 1.1, 0.01, serial)};
    pts[2].chunksize_auto = true;
    const auto a = analyse_sweep(axes, pts, {serial, serial, serial}, 4000, 2, 3);
    ASSERT_TRUE(a.chunksize);
    EXPECT_EQ(a.chunksize->best, 1u);
    EXPECT_EQ(a.chunksize->formula, 500u);
    ASSERT_TRUE(a.chunksize->formula_point);
    EXPECT_EQ(*a.chunksize->formula_point, 2u);
    EXPECT_NEAR(*a.chunksize->formula_cost_pct, 10, 1e-9);
    EXPECT_FALSE(a.amdahl);
    EXPECT_NE(a.fit_note.find("workers is not swept"), std::string::npos);
    ASSERT_TRUE(a.recommendation);
    EXPECT_TRUE(a.recommendation->within_noise.empty());
    EXPECT_EQ(a.recommendation->sentence,
              "Use chunksize=64: 500.00 ms median, 2.00× serial, ahead of every other point "
              "beyond its min–max.");
}

TEST(ScalingFit, RecommendationNamesPointsWithinTheNoise) {
    const std::vector<std::string> axes{"workers", "chunksize"};
    const double serial = 2.0;
    std::vector<SweepPointFigures> pts;
    for (int w = 1; w <= 4; ++w)
        pts.push_back(point({std::to_string(w), "16"}, w, 16, serial / amdahl_speedup(0.1, w),
                            0.001, serial));
    pts.push_back(point({"4", "64"}, 4, 64, pts[3].wall_s.median + 0.0015, 0.001, serial));
    pts.push_back(point({"4", "1"}, 4, 1, 1.9, 0.2, serial));
    pts.back().complete = false;  // an interrupted point is not a candidate
    const auto a = analyse_sweep(axes, pts, {serial, serial, serial}, 1000, 4, 3);
    ASSERT_TRUE(a.recommendation);
    EXPECT_EQ(a.recommendation->best, 3u);
    EXPECT_EQ(a.recommendation->within_noise, (std::vector<std::size_t>{4}));
    EXPECT_NE(a.recommendation->sentence.find("Use workers=4 chunksize=16"), std::string::npos);
    EXPECT_NE(a.recommendation->sentence.find("1 other point is within the noise"),
              std::string::npos)
        << a.recommendation->sentence;
    ASSERT_TRUE(a.amdahl);
    EXPECT_NEAR(a.amdahl->serial_fraction, 0.1, 1e-9);
    EXPECT_EQ(a.scaling_points, (std::vector<std::size_t>{0, 1, 2, 3}));
    // Amdahl stays within the usable cores; USL takes every worker count.
    const auto two_cores = analyse_sweep(axes, pts, {serial, serial, serial}, 1000, 2, 3);
    ASSERT_TRUE(two_cores.amdahl);
    EXPECT_EQ(two_cores.amdahl->points, 2u);
    EXPECT_NEAR(two_cores.amdahl->serial_fraction, 0.1, 1e-9);
    EXPECT_TRUE(two_cores.usl);
    const auto one_core = analyse_sweep(axes, pts, {serial, serial, serial}, 1000, 1, 3);
    EXPECT_FALSE(one_core.amdahl);
    EXPECT_NE(one_core.fit_note.find("within the 1 usable cores (got 1)"), std::string::npos)
        << one_core.fit_note;
}

TEST(ScalingFit, RecommendationSaysWhenSerialWinsAndWhenNoiseIsUnknown) {
    const std::vector<std::string> axes{"workers"};
    std::vector<SweepPointFigures> pts{point({"1"}, 1, 1, 0.004, 0.0001, 0.001),
                                       point({"2"}, 2, 1, 0.003, 0.0001, 0.001)};
    const auto a = analyse_sweep(axes, pts, {0.001, 0.001, 0.001}, 100, 2, 1);
    ASSERT_TRUE(a.recommendation);
    EXPECT_TRUE(a.recommendation->serial_faster);
    EXPECT_EQ(a.recommendation->sentence,
              "Serial is faster: even the best point (workers=2, 3.00 ms) is 0.33× the serial "
              "1.00 ms, so the pool does not pay at this size; with one run per point the noise "
              "is unknown (use --repeat 3 or more).");
}

TEST(ScalingFit, RecommendationSaysWhenOtherProgramsTookTheCpu) {
    const std::vector<std::string> axes{"workers"};
    std::vector<SweepPointFigures> pts{point({"1"}, 1, 1, 0.004, 0.0001, 0.008),
                                       point({"2"}, 2, 1, 0.003, 0.0001, 0.008)};
    const auto quiet = analyse_sweep(axes, pts, {0.008, 0.008, 0.008}, 100, 2, 3, 0.05);
    EXPECT_FALSE(quiet.recommendation->disturbed);
    EXPECT_EQ(quiet.recommendation->sentence.find("disturbed"), std::string::npos);
    const auto busy = analyse_sweep(axes, pts, {0.008, 0.008, 0.008}, 100, 2, 3, 0.42);
    EXPECT_TRUE(busy.recommendation->disturbed);
    EXPECT_NE(busy.recommendation->sentence.find("other programs took up to 42 % of the CPU"),
              std::string::npos)
        << busy.recommendation->sentence;
}
