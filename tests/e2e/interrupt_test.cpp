// SIGINT in the middle of a run: the run stops, and the partial result's checksum covers
// exactly the items that finished — recomputed here, independently, item by item.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/platform/clock.h"
#include "core/session/engine.h"
#include "core/workloads/workload_registry.h"
#include "support/process_hygiene.h"

using namespace poolscope;

class Interrupt : public test::ProcessHygiene {};

TEST_F(Interrupt, PartialChecksumCoversExactlyTheFinishedItems) {
    RunConfig cfg;
    cfg.workload = "sleep";
    cfg.params["ms"] = "10";
    cfg.size = 300;
    cfg.workers = 2;
    cfg.chunksize = 3;
    cfg.sample_ms = 0;
    SignalStopSource signals;
    RunObserver none;
    Engine engine(cfg, none, {&signals});
    ASSERT_FALSE(engine.prepare());
    const pid_t self = getpid();
    const pid_t killer = fork();
    if (killer == 0) {
        usleep(400'000);
        kill(self, SIGINT);
        _exit(0);
    }
    const int64_t t0 = monotonic_ns();
    const RunResult r = engine.run_once(cfg);
    const double took = (monotonic_ns() - t0) * 1e-9;
    waitpid(killer, nullptr, 0);
    EXPECT_TRUE(engine.interrupted());
    EXPECT_LT(took, 0.4 + 1.0);
    EXPECT_TRUE(r.partial);
    ASSERT_FALSE(r.errors.empty());
    EXPECT_EQ(r.errors.back().code, "interrupted");

    auto wl = make_workload("sleep");
    ASSERT_FALSE(wl->configure(with_defaults(wl->info(), {{"ms", "0"}}), cfg.size));
    uint64_t expect = 0, items = 0;
    std::vector<std::byte> in(wl->input_bytes()), out(wl->output_bytes());
    for (const auto& c : r.chunk_records) {
        if (!c.ok) continue;
        for (uint64_t i = c.first; i < c.first + c.count; ++i) {
            wl->read_input(i, in);
            ASSERT_FALSE(wl->run_item(i, in, out));
            expect += item_hash(i, out);
            ++items;
        }
    }
    EXPECT_GT(items, 0u);
    EXPECT_LT(items, cfg.size);
    EXPECT_EQ(r.checksum_items, items);
    EXPECT_EQ(r.checksum, expect);
}
