// --pool warm changes what the clock times: the pool is started and readied before the clock
// starts at the first dispatch, so start-up and teardown leave wall and the breakdown and are
// reported apart; a cold pool's wall and breakdown include them.
#include <gtest/gtest.h>

#include <algorithm>

#include "support/process_hygiene.h"
#include "support/settings_runs.h"

using namespace poolscope;

namespace {

RunConfig sleep_config(PoolLifetime pool) {
    RunConfig cfg = test::settings_config("sleep", 20, 4, {{"ms", "5"}});
    cfg.chunksize = 1;
    cfg.pool = pool;
    return cfg;
}

void expect_complete(const RunResult& r) {
    EXPECT_TRUE(r.errors.empty()) << r.label;
    EXPECT_EQ(r.checksum_items, 20u) << r.label;
    EXPECT_EQ(test::coverage_problem(r), "") << r.label;
    EXPECT_NEAR(r.breakdown.total(), r.workers * r.wall_s, 1e-6) << r.label;
}

int64_t last_result_ns(const RunResult& r) {
    int64_t last = 0;
    for (const auto& c : r.chunk_records) last = std::max(last, c.received_ns);
    return last;
}

// From the first dispatch to the last result.
double busy_span_s(const RunResult& r) {
    int64_t first = INT64_MAX;
    for (const auto& c : r.chunk_records) first = std::min(first, c.dispatch_ns);
    return (last_result_ns(r) - first) * 1e-9;
}

}  // namespace

class SettingsPoolLifetime : public test::ProcessHygiene {};

TEST_F(SettingsPoolLifetime, WarmClockRunsFromFirstDispatchToLastResult) {
    const RunResult warm = test::run_config(sleep_config(PoolLifetime::Warm));
    expect_complete(warm);
    EXPECT_EQ(warm.breakdown.startup, 0);
    EXPECT_EQ(warm.breakdown.teardown, 0);
    EXPECT_GT(warm.startup_s, 0) << "start-up is still measured, apart from wall";
    EXPECT_GT(warm.teardown_s, 0) << "teardown is still measured, apart from wall";
    ASSERT_EQ(warm.worker_records.size(), 4u);
    for (const auto& w : warm.worker_records)
        EXPECT_LE(w.ready_ns, warm.start_ns) << "worker " << w.index << " was ready before";
    for (const auto& c : warm.chunk_records)
        EXPECT_GE(c.dispatch_ns, warm.start_ns) << "chunk " << c.id;
    EXPECT_EQ(warm.end_ns, last_result_ns(warm));
}

TEST_F(SettingsPoolLifetime, ColdClockIncludesStartUpAndTeardown) {
    const RunResult cold = test::run_config(sleep_config(PoolLifetime::Cold));
    expect_complete(cold);
    EXPECT_GT(cold.breakdown.startup, 0);
    EXPECT_GT(cold.breakdown.teardown, 0);
    for (const auto& w : cold.worker_records)
        EXPECT_GT(w.ready_ns, cold.start_ns) << "worker " << w.index << " became ready inside";
    EXPECT_GT(cold.end_ns, last_result_ns(cold)) << "joining the pool is inside the clock";
}

TEST_F(SettingsPoolLifetime, WarmWallLeavesStartUpOut) {
    // What wall adds to the pool's busy span (first dispatch to last result): nothing for a
    // warm pool; for a cold one, the start-up before the first dispatch and the teardown.
    // Subtracting each run's own busy span keeps a busy machine's slower sleeps out of the
    // comparison; medians of three runs.
    std::vector<double> warm_extra, cold_extra, cold_startup;
    for (int i = 0; i < 3; ++i) {
        const RunResult w = test::run_config(sleep_config(PoolLifetime::Warm));
        const RunResult c = test::run_config(sleep_config(PoolLifetime::Cold));
        EXPECT_EQ(w.checksum, c.checksum);
        EXPECT_GT(w.startup_s, 0);
        warm_extra.push_back(w.wall_s - busy_span_s(w));
        cold_extra.push_back(c.wall_s - busy_span_s(c));
        cold_startup.push_back(c.startup_s);
    }
    const double warm = test::median(warm_extra), cold = test::median(cold_extra),
                 startup = test::median(cold_startup);
    EXPECT_LT(warm, cold - 0.5 * startup)
        << "wall beyond the busy span: warm " << warm << " s, cold " << cold << " s; cold start-up "
        << startup << " s";
}
