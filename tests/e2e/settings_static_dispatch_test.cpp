// --dispatch static changes how work is shared: exactly one contiguous block per worker,
// decided up front, so on skewed costs (rising along the index) the worker with the cheap
// block sits idle while the other finishes; map with chunksize 1 keeps them all busy.
#include <gtest/gtest.h>

#include <set>
#include <vector>

#include "support/process_hygiene.h"
#include "support/settings_runs.h"

using namespace poolscope;

namespace {

RunConfig skewed_config(Dispatch d, uint64_t n, int workers, const std::string& base_iterations) {
    RunConfig cfg = test::settings_config("skewed", n, workers,
                                          {{"base_iterations", base_iterations}, {"tail", "0"}});
    cfg.dispatch = d;
    if (d != Dispatch::Static) cfg.chunksize = 1;
    return cfg;
}

double idle_share(const RunResult& r) {
    return r.breakdown.idle / (r.workers * r.wall_s);
}

}  // namespace

class SettingsStaticDispatch : public test::ProcessHygiene {};

TEST_F(SettingsStaticDispatch, OneBlockPerWorkerOnSkewedWork) {
    const RunResult r = test::run_config(skewed_config(Dispatch::Static, 48, 3, "100000"));
    EXPECT_TRUE(r.errors.empty());
    EXPECT_EQ(r.checksum_items, 48u);
    EXPECT_EQ(test::coverage_problem(r), "");
    EXPECT_EQ(r.chunks, 3u);
    ASSERT_EQ(r.chunk_records.size(), 3u);
    std::set<int> owners;
    for (const auto& c : r.chunk_records) {
        owners.insert(c.worker);
        EXPECT_EQ(c.count, 16u) << "chunk " << c.id;
    }
    EXPECT_EQ(owners.size(), 3u) << "each block on its own worker";
    ASSERT_EQ(r.worker_records.size(), 3u);
    for (const auto& w : r.worker_records) EXPECT_EQ(w.chunks, 1u) << "worker " << w.index;
}

TEST_F(SettingsStaticDispatch, StaticBlocksLeaveMoreIdleThanMapOnSkewedWork) {
    // Two workers: the first block costs about half of the second, so its worker waits for
    // about a quarter of the pool's worker-seconds. Few items of several ms each keep map's
    // per-task round trips (where a busy machine adds waits) small beside them; medians of
    // three runs each.
    std::vector<double> stat_idle, map_idle;
    for (int i = 0; i < 3; ++i) {
        const RunResult stat = test::run_config(skewed_config(Dispatch::Static, 12, 2, "20000000"));
        const RunResult map = test::run_config(skewed_config(Dispatch::Map, 12, 2, "20000000"));
        EXPECT_EQ(stat.checksum, map.checksum);
        EXPECT_EQ(stat.chunks, 2u);
        EXPECT_EQ(map.chunks, 12u);
        stat_idle.push_back(idle_share(stat));
        map_idle.push_back(idle_share(map));
    }
    EXPECT_GT(test::median(stat_idle), test::median(map_idle))
        << "median idle share: static " << test::median(stat_idle) << ", map "
        << test::median(map_idle);
}
