// Per-core utilisation from recorded /proc/stat pairs (tests/fixtures/proc), including counters
// that go backwards, and one live reading of this machine's /proc/stat.
#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "core/platform/read_file.h"
#include "core/telemetry/core_usage_sampler.h"

namespace poolscope {
namespace {

const std::string kProc = std::string(POOLSCOPE_FIXTURES_DIR) + "/proc";

CpuTimes load(const std::string& snapshot) {
    const std::optional<std::string> text = read_text_file(kProc + "/" + snapshot + "/stat");
    if (!text) ADD_FAILURE() << "missing fixture " << snapshot;
    const std::optional<CpuTimes> times = parse_proc_stat(text.value_or(""));
    if (!times) ADD_FAILURE() << "fixture " << snapshot << " does not parse";
    return times.value_or(CpuTimes{});
}

TEST(TelemetryCoreUsageParse, ReadsEverySixteenCoreLineAndTheMachineLine) {
    const CpuTimes t0 = load("run_t0");
    ASSERT_EQ(t0.cores.size(), 16u);
    for (const CpuTicks& core : t0.cores) EXPECT_TRUE(core.present);
    EXPECT_EQ(t0.cores[0], (CpuTicks{64943, 202, 20791, 2584890, 796, 0, 1897, 6, true}));
    EXPECT_EQ(t0.cores[15].user, 75535u);
    EXPECT_EQ(t0.machine.user, 1166016u);
    EXPECT_EQ(t0.machine.steal, 375u);
}

TEST(TelemetryCoreUsageParse, RejectsTextWithoutACpuLineAndAcceptsShortOldFormat) {
    EXPECT_FALSE(parse_proc_stat("").has_value());
    EXPECT_FALSE(parse_proc_stat("intr 1 2 3\nctxt 5\n").has_value());
    // Kernels before 2.6.11 printed only four fields; the missing ones read as zero.
    const std::optional<CpuTimes> old = parse_proc_stat("cpu  10 1 5 100\ncpu0 10 1 5 100\n");
    ASSERT_TRUE(old.has_value());
    EXPECT_EQ(old->cores.at(0), (CpuTicks{10, 1, 5, 100, 0, 0, 0, 0, true}));
}

TEST(TelemetryCoreUsageDelta, SixteenCoresOneSecondApart) {
    const CoreUsage usage = usage_between(load("run_t0"), load("run_t1"));
    ASSERT_EQ(usage.cores.size(), 16u);
    const std::vector<double> util = usage.core_util();
    const std::vector<double> steal = usage.core_steal();
    for (size_t i = 0; i < 16; ++i) {
        EXPECT_EQ(usage.cores[i].total(), 100u) << "core " << i;
        const bool idle_core = i != 0 && i != 3 && i != 7 && i != 11;
        if (idle_core) {
            EXPECT_DOUBLE_EQ(util[i], 0.0) << "core " << i;
        }
        if (i != 11) {
            EXPECT_DOUBLE_EQ(steal[i], 0.0) << "core " << i;
        }
    }
    EXPECT_DOUBLE_EQ(util[0], 0.12);  // user 10 + system 2 of 100 ticks
    EXPECT_DOUBLE_EQ(util[3], 1.0);   // user + system + irq + softirq: all busy
    EXPECT_DOUBLE_EQ(util[7], 0.5);   // user 25 + nice 25; iowait 10 counts as idle
    EXPECT_DOUBLE_EQ(util[11], 0.3);  // steal 20 is neither busy nor idle
    EXPECT_DOUBLE_EQ(steal[11], 0.2);
    EXPECT_EQ(usage.machine, (TickDelta{192, 1388, 20}));
    EXPECT_DOUBLE_EQ(usage.machine.util(), 0.12);
    EXPECT_DOUBLE_EQ(usage.machine.steal_share(), 0.0125);
}

TEST(TelemetryCoreUsageDelta, CountersGoingBackwardsClampAtZero) {
    const CoreUsage usage = usage_between(load("stat_backwards_t0"), load("stat_backwards_t1"));
    // Core 3 is offline in the second reading: it has no line, so no entry.
    ASSERT_EQ(usage.cores.size(), 3u);
    // Core 0: iowait dropped by 5 ticks; without the clamp that wraps to 2^64 - 5.
    EXPECT_EQ(usage.cores[0], (TickDelta{50, 50, 0}));
    // Core 1: every counter is lower than before: no tick seen, so 0 rather than NaN.
    EXPECT_EQ(usage.cores[1].total(), 0u);
    EXPECT_DOUBLE_EQ(usage.cores[1].util(), 0.0);
    EXPECT_DOUBLE_EQ(usage.cores[2].util(), 0.2);
    EXPECT_EQ(usage.machine, (TickDelta{70, 130, 0}));
    EXPECT_DOUBLE_EQ(usage.machine.util(), 0.35);
}

TEST(TelemetryCoreUsageDelta, EachFieldIsClampedOnItsOwn) {
    const CpuTicks before{100, 10, 50, 1000, 40, 5, 5, 3, true};
    const CpuTicks after{90, 20, 60, 1100, 30, 5, 7, 1, true};
    EXPECT_EQ(tick_delta(before, after), (TickDelta{10 + 10 + 2, 100, 0}));
    EXPECT_EQ(tick_delta(before, CpuTicks{}), TickDelta{});  // core missing from one reading
}

TEST(TelemetryCoreUsageSampler, FirstReadingIsOnlyABaseline) {
    CoreUsageSampler sampler(kProc + "/run_t0");
    EXPECT_FALSE(sampler.sample().has_value());
    const std::optional<CoreUsage> again = sampler.sample();
    ASSERT_TRUE(again.has_value());
    EXPECT_EQ(again->cores.size(), 16u);
    EXPECT_EQ(again->machine.total(), 0u);  // same file twice: no tick elapsed
}

TEST(TelemetryCoreUsageSampler, MissingFileGivesNoUsage) {
    CoreUsageSampler sampler(kProc + "/no_such_snapshot");
    EXPECT_FALSE(sampler.sample().has_value());
    EXPECT_FALSE(sampler.sample().has_value());
}

TEST(TelemetryCoreUsageSampler, LiveMachineReadingsStayWithinBounds) {
    CoreUsageSampler sampler;
    ASSERT_FALSE(sampler.sample().has_value());
    volatile uint64_t spin = 0;
    const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(60);
    while (std::chrono::steady_clock::now() < until) spin = spin + 1;
    const std::optional<CoreUsage> usage = sampler.sample();
    ASSERT_TRUE(usage.has_value());
    EXPECT_FALSE(usage->cores.empty());
    EXPECT_GT(usage->machine.total(), 0u);
    EXPECT_GT(usage->machine.busy, 0u);  // this test itself was spinning
    for (const double u : usage->core_util()) {
        EXPECT_GE(u, 0.0);
        EXPECT_LE(u, 1.0);
    }
}

}  // namespace
}  // namespace poolscope
