// One engine process, 1000 runs (ten --repeat 100 series): every 100 runs the process has the
// descriptors, children and threads it started with, and every run gives the same checksum —
// a leak of one descriptor or one unreaped child per run shows up here long before a user's
// sweep runs out of either.
#include <gtest/gtest.h>

#include "core/platform/clock.h"
#include "core/session/engine.h"
#include "support/reliability_processes.h"

using namespace poolscope;

class ReliabilityManyRuns : public test::ReliabilityTest {};

TEST_F(ReliabilityManyRuns, ThousandRunsKeepDescriptorsChildrenAndThreadsFlat) {
    RunConfig cfg;
    cfg.workload = "square";
    cfg.size = 10;
    cfg.workers = 2;
    cfg.sample_ms = 0;
    cfg.repeat = 100;
    RunObserver none;
    Engine engine(cfg, none, {});
    ASSERT_FALSE(engine.prepare());
    const int fds = test::open_fd_count();
    const int threads = test::thread_count();
    const int64_t t0 = monotonic_ns();
    std::optional<uint64_t> checksum;
    for (int batch = 1; batch <= 10; ++batch) {
        const RunSeries s = engine.run_series(cfg);
        ASSERT_EQ(s.runs.size(), 100u);
        for (const auto& r : s.runs) {
            ASSERT_FALSE(r.partial) << (r.errors.empty() ? "" : r.errors[0].message);
            if (!checksum) checksum = r.checksum;
            ASSERT_EQ(r.checksum, *checksum);
        }
        const int runs = batch * 100;
        ASSERT_EQ(test::open_fd_count(), fds) << "descriptors after " << runs << " runs";
        ASSERT_TRUE(test::child_pids().empty()) << "children after " << runs << " runs";
        ASSERT_EQ(test::thread_count(), threads) << "threads after " << runs << " runs";
    }
    EXPECT_LT((monotonic_ns() - t0) * 1e-9, 240.0) << "1000 tiny runs should take seconds";
}
