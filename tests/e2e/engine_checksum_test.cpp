// The engine's core promise: the pool computes exactly what the serial run computes — every
// item once, the same checksum — across chunksizes, sizes and worker counts, and its figures
// (chunks, breakdown, T, C) follow their definitions.
#include <gtest/gtest.h>

#include <set>

#include "core/analysis/comparison.h"
#include "core/platform/clock.h"
#include "core/session/engine.h"
#include "support/process_hygiene.h"

using namespace poolscope;

namespace {

RunConfig config(const std::string& workload, uint64_t n, int workers,
                 std::optional<uint64_t> chunksize, Dispatch d = Dispatch::Map) {
    RunConfig c;
    c.workload = workload;
    c.size = n;
    c.workers = workers;
    c.chunksize = chunksize;
    c.dispatch = d;
    c.sample_ms = 0;
    if (workload == "cpu") c.params["iterations"] = "300";
    return c;
}

struct Ran {
    RunResult serial, parallel;
};

Ran run_both(const RunConfig& cfg) {
    RunObserver none;
    Engine engine(cfg, none, {});
    auto err = engine.prepare();
    EXPECT_FALSE(err) << *err;
    return {engine.run_once(serial_counterpart(cfg)), engine.run_once(cfg)};
}

}  // namespace

class EngineChecksum : public test::ProcessHygiene {};

TEST_F(EngineChecksum, SerialEqualsParallelAcrossShapes) {
    for (const std::string wl : {"square", "cpu"})
        for (uint64_t n : {0ull, 1ull, 4ull, 97ull})  // 0, 1, W−1 for W=5, a prime
            for (int w : {1, 2, 5})
                for (std::optional<uint64_t> cs :
                     std::vector<std::optional<uint64_t>>{1, 7, std::nullopt, n + 1}) {
                    const auto cfg = config(wl, n, w, cs);
                    const Ran r = run_both(cfg);
                    SCOPED_TRACE(wl + " n=" + std::to_string(n) + " w=" + std::to_string(w) +
                                 " cs=" + (cs ? std::to_string(*cs) : "auto"));
                    EXPECT_FALSE(r.parallel.partial);
                    EXPECT_TRUE(r.parallel.errors.empty());
                    EXPECT_EQ(r.serial.checksum, r.parallel.checksum);
                    EXPECT_EQ(r.serial.checksum_items, n);
                    EXPECT_EQ(r.parallel.checksum_items, n);
                    const uint64_t c = effective_chunksize(cfg);
                    EXPECT_EQ(r.parallel.chunks, (n + c - 1) / c);
                    EXPECT_EQ(r.parallel.chunks_done, r.parallel.chunks);
                    std::vector<int> seen(n, 0);
                    for (const auto& ch : r.parallel.chunk_records)
                        for (uint64_t i = ch.first; i < ch.first + ch.count; ++i) ++seen[i];
                    for (uint64_t i = 0; i < n; ++i) ASSERT_EQ(seen[i], 1) << "item " << i;
                }
}

TEST_F(EngineChecksum, StaticMakesOneBlockPerWorker) {
    for (int w : {1, 2, 5}) {
        const Ran r = run_both(config("square", 97, w, std::nullopt, Dispatch::Static));
        EXPECT_EQ(r.parallel.chunks, static_cast<uint64_t>(w));
        EXPECT_EQ(r.parallel.checksum, r.serial.checksum);
        std::set<int> owners;
        for (const auto& c : r.parallel.chunk_records) owners.insert(c.worker);
        EXPECT_EQ(owners.size(), static_cast<std::size_t>(w)) << "each block on its own worker";
    }
}

TEST_F(EngineChecksum, BreakdownSumsToWorkerSecondsAndComputeFits) {
    const auto cfg = config("cpu", 400, 3, 9);
    const Ran r = run_both(cfg);
    const RunResult& p = r.parallel;
    const double W_wall = p.workers * p.wall_s;
    EXPECT_NEAR(p.breakdown.total(), W_wall, 1e-6);
    EXPECT_LE(p.compute_s, W_wall);
    EXPECT_GT(p.breakdown.startup, 0);
    EXPECT_GT(p.breakdown.teardown, 0);
    // compute_s is the sum of in-task time, measured by the workers on their own clocks.
    double compute = 0;
    for (const auto& c : p.chunk_records) compute += (c.compute_end_ns - c.compute_start_ns) * 1e-9;
    EXPECT_NEAR(p.compute_s, compute, 1e-6);
    // Start-up and teardown follow the worker records.
    int64_t last_ready = 0;
    for (const auto& w : p.worker_records) last_ready = std::max(last_ready, w.ready_ns);
    EXPECT_NEAR(p.startup_s, (last_ready - p.start_ns) * 1e-9, 1e-9);
}

TEST_F(EngineChecksum, WallIsBoundedByAnOutsideClockAndTAndCFollowTheirFormulas) {
    // sleep: each item takes a known 5 ms, so compute and T are known independently.
    RunConfig cfg = config("sleep", 40, 4, 2);
    cfg.params["ms"] = "5";
    RunObserver none;
    Engine engine(cfg, none, {});
    ASSERT_FALSE(engine.prepare());
    const int64_t t0 = monotonic_ns();
    const RunResult serial = engine.run_once(serial_counterpart(cfg));
    const int64_t t1 = monotonic_ns();
    const RunResult par = engine.run_once(cfg);
    const int64_t t2 = monotonic_ns();
    EXPECT_LE(serial.wall_s, (t1 - t0) * 1e-9);
    EXPECT_LE(par.wall_s, (t2 - t1) * 1e-9);
    EXPECT_GE(serial.wall_s, 40 * 0.005);
    EXPECT_GE(par.compute_s, 40 * 0.005);
    EXPECT_LT(par.compute_s, 40 * 0.005 * 2);  // sleeping does not slow down with contention
    const Comparison c = make_comparison(make_series({serial}), make_series({par}));
    EXPECT_NEAR(c.T, serial.wall_s / 40, 1e-12);
    EXPECT_GE(c.T, 0.005);
    EXPECT_NEAR(c.C, (4 * par.wall_s - par.compute_s) / 40, 1e-12);
    EXPECT_NEAR(c.speedup, serial.wall_s / par.wall_s, 1e-9);
    EXPECT_GT(c.speedup, 1.5) << "4 sleeping workers overlap their waits";
    EXPECT_TRUE(c.checksums_match);
}

TEST_F(EngineChecksum, EngineProcessStaysSingleThreadedAfterPreparingEveryWorkload) {
    for (const std::string wl : {"square", "cpu", "sleep", "skewed", "transfer"}) {
        RunConfig cfg = config(wl, 3, 2, std::nullopt);
        if (wl == "transfer") cfg.params = {{"rows", "10"}, {"cols", "10"}};
        RunObserver none;
        Engine engine(cfg, none, {});
        ASSERT_FALSE(engine.prepare()) << wl;
        EXPECT_EQ(test::thread_count(), 1) << wl;
        const RunResult r = engine.run_once(cfg);
        EXPECT_EQ(test::thread_count(), 1) << wl;
        EXPECT_EQ(r.checksum_items, 3u) << wl;
    }
}
