// summarize_pairs, behind the overhead figures the README quotes with their 95 % intervals: the
// median and geometric mean of the pairs' ratios, bootstrap intervals that hold the value, shrink
// to it when every pair agrees and come out the same for the same pairs, and the count of pairs
// below their baseline.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "bench/paired_ratios.h"

namespace poolscope::bench {
namespace {

TEST(PairedRatios, MedianAndGeometricMeanOfThePairs) {
    const std::vector<double> odd{1.2, 0.9, 1.05, 1.1, 1.0};
    const PairedSummary s = summarize_pairs(odd);
    EXPECT_EQ(s.pairs, 5u);
    EXPECT_DOUBLE_EQ(s.median.value, 1.05);
    EXPECT_NEAR(s.geometric_mean.value, std::pow(1.2 * 0.9 * 1.05 * 1.1 * 1.0, 1.0 / 5), 1e-12);
    EXPECT_EQ(s.faster, 1u);  // only 0.9 is below its baseline; 1.0 is not

    const PairedSummary even = summarize_pairs({1.0, 1.04, 1.02, 1.1});
    EXPECT_DOUBLE_EQ(even.median.value, 1.03);  // the mean of the middle two
}

TEST(PairedRatios, IntervalsHoldTheValueAndNarrowWithMorePairs) {
    std::vector<double> few{0.97, 1.05, 1.01, 1.08, 0.99, 1.03};
    std::vector<double> many;
    for (int i = 0; i < 20; ++i) many.insert(many.end(), few.begin(), few.end());
    const PairedSummary a = summarize_pairs(few), b = summarize_pairs(many);
    for (const PairedSummary& s : {a, b}) {
        EXPECT_LE(s.median.low, s.median.value);
        EXPECT_GE(s.median.high, s.median.value);
        EXPECT_LE(s.geometric_mean.low, s.geometric_mean.value);
        EXPECT_GE(s.geometric_mean.high, s.geometric_mean.value);
        EXPECT_GE(s.median.low, 0.97);
        EXPECT_LE(s.median.high, 1.08);
    }
    EXPECT_NEAR(a.geometric_mean.value, b.geometric_mean.value, 1e-12);
    EXPECT_LT(b.geometric_mean.high - b.geometric_mean.low,
              (a.geometric_mean.high - a.geometric_mean.low) / 2);
}

TEST(PairedRatios, AgreeingPairsGiveAPointAndTheSamePairsTheSameInterval) {
    const PairedSummary same = summarize_pairs(std::vector<double>(12, 1.02));
    EXPECT_DOUBLE_EQ(same.median.low, 1.02);
    EXPECT_DOUBLE_EQ(same.median.high, 1.02);
    EXPECT_NEAR(same.geometric_mean.low, 1.02, 1e-12);
    EXPECT_NEAR(same.geometric_mean.high, 1.02, 1e-12);
    EXPECT_EQ(same.faster, 0u);

    const std::vector<double> ratios{1.01, 0.98, 1.06, 1.02, 1.00, 1.04, 0.99};
    const PairedSummary x = summarize_pairs(ratios), y = summarize_pairs(ratios);
    EXPECT_EQ(x.median.low, y.median.low);
    EXPECT_EQ(x.median.high, y.median.high);
    EXPECT_EQ(x.geometric_mean.low, y.geometric_mean.low);
}

TEST(PairedRatios, NoPairsGiveZeroes) {
    const PairedSummary s = summarize_pairs({});
    EXPECT_EQ(s.pairs, 0u);
    EXPECT_EQ(s.median.value, 0);
    EXPECT_EQ(s.geometric_mean.high, 0);
}

}  // namespace
}  // namespace poolscope::bench
