// Sweep axes: lists, integer and geometric ranges, `auto`, enum lists; refusals name the option;
// the cartesian product and its seeded order.
#include <gtest/gtest.h>

#include <algorithm>

#include "core/analysis/sweep_axes.h"

using namespace poolscope;

namespace {

std::vector<std::string> values_of(const char* option, const char* text) {
    SweepAxis a;
    const auto e = parse_sweep_axis(option, text, a);
    EXPECT_FALSE(e) << *e;
    return a.values;
}

std::string refusal(const char* option, const char* text) {
    SweepAxis a;
    return parse_sweep_axis(option, text, a).value_or("");
}

}  // namespace

TEST(SweepAxes, ListsAndRanges) {
    using V = std::vector<std::string>;
    EXPECT_EQ(values_of("--workers", "1,2,4,8"), (V{"1", "2", "4", "8"}));
    EXPECT_EQ(values_of("--workers", "1..4"), (V{"1", "2", "3", "4"}));
    EXPECT_EQ(values_of("--workers", "3..3"), (V{"3"}));
    EXPECT_EQ(values_of("--chunksize", "1..4096*4"),
              (V{"1", "4", "16", "64", "256", "1024", "4096"}));
    EXPECT_EQ(values_of("--chunksize", "1..100*10"), (V{"1", "10", "100"}));
    EXPECT_EQ(values_of("--chunksize", "2..20*3"), (V{"2", "6", "18"}));  // stops below B
    EXPECT_EQ(values_of("--chunksize", "1,4,auto"), (V{"1", "4", "auto"}));
    EXPECT_EQ(values_of("--workers", "1..3,2,8"), (V{"1", "2", "3", "8"}));  // kept once
    EXPECT_EQ(values_of("--dispatch", "map,imap_unordered"), (V{"map", "imap_unordered"}));
    EXPECT_EQ(values_of("--transport", "pipe,shm"), (V{"pipe", "shm"}));
    EXPECT_EQ(values_of("--start", "fork,spawn"), (V{"fork", "spawn"}));
    SweepAxis a;
    ASSERT_FALSE(parse_sweep_axis("--chunksize", "auto", a));
    EXPECT_EQ(a.name, "chunksize");
}

TEST(SweepAxes, RefusalsAreOneLineNamingTheOption) {
    for (const auto& [option, text, says] :
         std::vector<std::tuple<const char*, const char*, const char*>>{
             {"--workers", "", "needs at least one value"},
             {"--workers", "1,,2", "empty value"},
             {"--workers", "8..2", "inverted (8 > 2)"},
             {"--workers", "0..4", "A..B"},
             {"--workers", "x", "not a whole number"},
             {"--workers", "auto", "not a whole number"},
             {"--chunksize", "1..64*1", "must be a whole number ≥ 2"},
             {"--chunksize", "1..64*", "must be a whole number ≥ 2"},
             {"--chunksize", "1..", "A..B"},
             {"--chunksize", "1..20000", "more than 10000 values"},
             {"--dispatch", "map,pam", "'pam' is not one of map, imap"},
             {"--transport", "pipe,", "empty value"},
             {"--size", "1,2", "not an option a sweep can vary"},
         }) {
        const std::string e = refusal(option, text);
        EXPECT_NE(e.find(says), std::string::npos) << option << " " << text << ": " << e;
        EXPECT_EQ(e.rfind(option, 0), 0u) << e;
        EXPECT_EQ(e.find('\n'), std::string::npos) << e;
    }
}

TEST(SweepAxes, PointsAreTheCartesianProduct) {
    const std::vector<SweepAxis> axes{{"workers", {"1", "2"}}, {"chunksize", {"1", "4", "auto"}}};
    std::vector<SweepPoint> points;
    ASSERT_FALSE(sweep_points(axes, points));
    ASSERT_EQ(points.size(), 6u);
    EXPECT_EQ(points.front(), (SweepPoint{0, 0}));
    EXPECT_EQ(points[1], (SweepPoint{0, 1}));
    EXPECT_EQ(points.back(), (SweepPoint{1, 2}));
    RunConfig base;
    base.workers = 7;
    const RunConfig c = point_config(base, axes, points.back());
    EXPECT_EQ(c.workers, 2);
    EXPECT_FALSE(c.chunksize.has_value());
    EXPECT_EQ(point_config(base, axes, points[1]).chunksize, 4u);
}

TEST(SweepAxes, TooManyPointsIsRefused) {
    SweepAxis w, c;
    ASSERT_FALSE(parse_sweep_axis("--workers", "1..200", w));
    ASSERT_FALSE(parse_sweep_axis("--chunksize", "1..100", c));
    std::vector<SweepPoint> points;
    const auto e = sweep_points({w, c}, points);
    ASSERT_TRUE(e);
    EXPECT_NE(e->find("more than 10000 points (200 × 100)"), std::string::npos) << *e;
    EXPECT_TRUE(points.empty());
    ASSERT_FALSE(sweep_points({w, SweepAxis{"dispatch", {"map"}}}, points));
    EXPECT_EQ(points.size(), 200u);
}

TEST(SweepAxes, SeededOrderIsAPermutationThatTheSeedFixes) {
    const std::vector<SweepAxis> axes{{"workers", {"1", "2", "3", "4", "5", "6", "7", "8"}},
                                      {"chunksize", {"1", "2", "4", "8"}}};
    std::vector<SweepPoint> sorted, a, b, c;
    ASSERT_FALSE(sweep_points(axes, sorted));
    a = b = c = sorted;
    shuffle_points(a, kDefaultSweepSeed);
    shuffle_points(b, kDefaultSweepSeed);
    shuffle_points(c, 99);
    EXPECT_EQ(a, b);
    EXPECT_NE(a, sorted);
    EXPECT_NE(a, c);
    auto check = a;
    std::sort(check.begin(), check.end());
    EXPECT_EQ(check, sorted);
    // Not a trend in disguise: the first half of the order holds low and high worker counts.
    int high = 0;
    for (std::size_t i = 0; i < a.size() / 2; ++i) high += a[i][0] >= 4;
    EXPECT_GT(high, 3);
    EXPECT_LT(high, 13);
}
