// Progress as a live reader sees it: in a saved stream, progress lines come at most once per
// flush period, never go backwards, and the last one before run_end says the run is complete;
// an observer without timing of its own gets progress on the way and the final figures before
// on_run_end.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/session/engine.h"
#include "support/process_hygiene.h"
#include "support/reliability_events.h"
#include "support/scratch_dir.h"

namespace poolscope {
namespace {

using nlohmann::json;

class ProgressEvents : public test::ProcessHygiene {
  protected:
    test_support::ScratchDir dir;
    std::string stream = dir.file("run.jsonl");

    // Checks the progress lines of the saved stream; returns how many there were.
    std::size_t check_stream(uint64_t items, double min_gap_s) {
        std::vector<json> progress;
        bool ended = false;
        const test::SavedEvents saved(stream);
        for (const json& e : saved.all()) {
            if (e.at("type") == "run_end") {
                ended = true;
                break;
            }
            if (e.at("type") == "progress") progress.push_back(e);
        }
        EXPECT_TRUE(ended) << "no run_end in the stream";
        if (progress.empty()) {
            ADD_FAILURE() << "no progress in the stream";
            return 0;
        }
        for (std::size_t i = 1; i < progress.size(); ++i) {
            const json& e = progress[i];
            EXPECT_GE(e.at("items_done").get<uint64_t>(),
                      progress[i - 1].at("items_done").get<uint64_t>())
                << "progress went backwards at t=" << e.at("t");
            // The last one is flushed with run_end, whenever the run ends.
            if (i + 1 == progress.size()) continue;
            const double gap = e.at("t").get<double>() - progress[i - 1].at("t").get<double>();
            EXPECT_GE(gap, min_gap_s) << "two progress lines at t=" << e.at("t");
        }
        const json& last = progress.back();
        EXPECT_EQ(last.at("items_done").get<uint64_t>(), items);
        EXPECT_EQ(last.at("items_total").get<uint64_t>(), items);
        EXPECT_EQ(last.at("chunks_done"), last.at("chunks_total"));
        return progress.size();
    }
};

TEST_F(ProgressEvents, ASlowRunStreamsProgressOncePerFlushAndEndsComplete) {
    // 40 items of 20 ms over 2 workers: about 0.4 s, so several flush periods of 50 ms.
    const auto run =
        test::run_cli({"run", "--workload", "sleep", "--size", "40", "--param", "ms=20",
                       "--workers", "2", "--chunksize", "1", "--events", stream});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    // Flushes are at least 50 ms apart (a millisecond of rounding in the poll timeout).
    EXPECT_GE(check_stream(40, 0.049), 4u);
}

TEST_F(ProgressEvents, AMillionTinyTasksStreamFewProgressLinesAndEndComplete) {
    const auto run = test::run_cli({"run", "--workload", "square", "--size", "200000",
                                    "--chunksize", "1", "--workers", "2", "--events", stream});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    check_stream(200000, 0.049);
}

// Records the order of what it is told; has no timing of its own (ms_until_tick is -1).
class OrderObserver : public RunObserver {
  public:
    void on_progress(const ProgressEvent& p) override {
        EXPECT_FALSE(ended) << "progress after run_end";
        progress.push_back(p);
    }
    void on_run_end(const RunResult&) override { ended = true; }
    std::vector<ProgressEvent> progress;
    bool ended = false;
};

TEST_F(ProgressEvents, AnObserverWithoutTimingGetsProgressAndTheFinalFiguresBeforeTheEnd) {
    RunConfig cfg;
    cfg.workload = "sleep";
    cfg.params["ms"] = "10";
    cfg.size = 20;
    cfg.workers = 2;
    cfg.chunksize = 1;
    OrderObserver seen;
    Engine engine(cfg, seen, {});
    ASSERT_FALSE(engine.prepare().has_value());
    const RunResult r = engine.run_once(cfg);
    ASSERT_FALSE(r.partial);
    ASSERT_TRUE(seen.ended);
    ASSERT_GE(seen.progress.size(), 10u) << "progress only at the end";
    uint64_t last = 0;
    for (const ProgressEvent& p : seen.progress) {
        EXPECT_GE(p.items_done, last);
        last = p.items_done;
    }
    EXPECT_EQ(seen.progress.back().items_done, 20u);
    EXPECT_EQ(seen.progress.back().chunks_done, seen.progress.back().chunks_total);
}

// Wants a tick every 20 ms, as an event stream that flushes on time does; records when it got
// them and the progress it was told.
class TimedObserver : public RunObserver {
  public:
    static constexpr int64_t kPeriodNs = 20'000'000;
    void on_run_start(const std::string&, const RunConfig&, const MachineInfo&,
                      int64_t t) override {
        next_ = t + kPeriodNs;
    }
    void on_progress(const ProgressEvent& p) override { progress.push_back(p); }
    void on_tick(int64_t now) override {
        ticks.push_back(now);
        next_ = now + kPeriodNs;
    }
    int ms_until_tick(int64_t now) const override {
        return static_cast<int>(std::max<int64_t>(0, (next_ - now + 999'999) / 1'000'000));
    }
    std::vector<int64_t> ticks;
    std::vector<ProgressEvent> progress;

  private:
    int64_t next_ = 0;
};

class ProgressEveryBackend : public test::ProcessHygiene,
                             public ::testing::WithParamInterface<Backend> {};

// Every native backend runs the one loop (core/engine/run_loop.h): none sleeps past the
// observer's next tick, even while nothing arrives (3 items of 300 ms, no samples; the serial
// runner used to sleep 200 ms at a time), and each ends with complete progress.
TEST_P(ProgressEveryBackend, TicksComeWhenTheObserverAsksAndProgressEndsComplete) {
    RunConfig cfg;
    cfg.backend = GetParam();
    cfg.workload = "sleep";
    cfg.params["ms"] = "300";
    cfg.size = 3;
    cfg.workers = 1;
    cfg.chunksize = 1;
    cfg.sample_ms = 0;
    TimedObserver seen;
    Engine engine(cfg, seen, {});
    ASSERT_FALSE(engine.prepare().has_value());
    const RunResult r = engine.run_once(cfg);
    ASSERT_FALSE(r.partial);
    ASSERT_GE(seen.ticks.size(), 10u) << "ticks only when results came";
    int64_t longest = 0;
    for (std::size_t i = 1; i < seen.ticks.size(); ++i)
        longest = std::max(longest, seen.ticks[i] - seen.ticks[i - 1]);
    // 20 ms asked; a loaded machine may be late, but not by the old 200 ms sleep.
    EXPECT_LT(longest, 150'000'000) << "longest gap between ticks " << longest / 1e6 << " ms";
    ASSERT_FALSE(seen.progress.empty());
    EXPECT_EQ(seen.progress.back().items_done, 3u);
    EXPECT_EQ(seen.progress.back().items_total, 3u);
}

INSTANTIATE_TEST_SUITE_P(Native, ProgressEveryBackend,
                         ::testing::Values(Backend::Serial, Backend::Threads, Backend::Processes),
                         [](const auto& p) { return std::string(to_string(p.param)); });

}  // namespace
}  // namespace poolscope
