// The loop every backend runs (core/engine/run_loop.h): one poll over what a turn registers,
// handlers for what is ready only and in order, and one policy for how long a turn sleeps and
// when the observer hears of progress.
#include "core/engine/run_loop.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <string>
#include <vector>

#include "core/engine/run_context.h"
#include "core/engine/run_observer.h"
#include "core/telemetry/run_telemetry.h"

namespace poolscope {
namespace {

struct Pipe {
    int r = -1, w = -1;
    Pipe() {
        int fds[2];
        if (pipe(fds) == 0) r = fds[0], w = fds[1];
    }
    ~Pipe() { close(r), close(w); }
};

TEST(RunLoop, OnlyReadyDescriptorsRunTheirHandlersInTheOrderAdded) {
    Pipe a, b, c;
    ASSERT_EQ(write(c.w, "x", 1), 1);
    ASSERT_EQ(write(a.w, "x", 1), 1);
    std::vector<std::string> ran;
    PollSet set;
    set.add(a.r, POLLIN, [&](short ev) { ran.push_back(ev & POLLIN ? "a" : "a?"); });
    set.add(b.r, POLLIN, [&](short) { ran.push_back("b"); });
    set.add(-1, POLLIN, [&](short) { ran.push_back("closed"); });
    set.add(c.r, POLLIN, [&](short) { ran.push_back("c"); });
    EXPECT_TRUE(set.wait(1000));
    EXPECT_EQ(ran, (std::vector<std::string>{"a", "c"}));
    // Each turn registers again: an emptied set waits out its timeout and runs nothing.
    EXPECT_TRUE(set.empty());
    ran.clear();
    int woke = 0;
    EXPECT_TRUE(set.wait(1, [&] { ++woke; }));  // told it woke, with nothing ready
    EXPECT_TRUE(ran.empty());
    EXPECT_EQ(woke, 1);
}

class Ticking : public RunObserver {
  public:
    int wish = -1;  // what ms_until_tick answers
    int progress = 0, ticks = 0;
    ProgressEvent last;
    void on_progress(const ProgressEvent& p) override { ++progress, last = p; }
    void on_tick(int64_t) override { ++ticks; }
    int ms_until_tick(int64_t) const override { return wish; }
};

TEST(RunLoop, ATurnSleepsUntilTheFirstOfTickDeadlineAndTheLongestWait) {
    Ticking obs;
    RunContext ctx;
    ctx.observer = &obs;
    RunTelemetry off(0);
    const int64_t now = 1'000'000'000;
    EXPECT_EQ(turn_timeout_ms(ctx, off, now, 0, false), kLongestWaitMs);
    EXPECT_EQ(turn_timeout_ms(ctx, off, now, 0, true), kWatchdogWaitMs);
    obs.wish = 35;
    EXPECT_EQ(turn_timeout_ms(ctx, off, now, 0, false), 35);
    EXPECT_EQ(turn_timeout_ms(ctx, off, now, 0, true), kWatchdogWaitMs);
    // A deadline 7.2 ms away: woken just after it, never just before.
    EXPECT_EQ(turn_timeout_ms(ctx, off, now, now + 7'200'000, false), 8);
    EXPECT_EQ(turn_timeout_ms(ctx, off, now, now - 5'000'000, false), 0);  // overdue
    obs.wish = 0;
    EXPECT_EQ(turn_timeout_ms(ctx, off, now, now + 7'200'000, false), 0);
    // A sampler whose first sample is due at once.
    RunTelemetry sampling(100);
    obs.wish = -1;
    EXPECT_EQ(turn_timeout_ms(ctx, sampling, now, 0, false), 0);
}

TEST(RunLoop, ProgressAndTickGoOutOnlyWhenTheObserverIsDueOrHasNoTiming) {
    Ticking obs;
    RunContext ctx;
    ctx.observer = &obs;
    ctx.run_id = "p1";
    ctx.config.size = 100;
    obs.wish = 12;
    EXPECT_FALSE(report_turn(ctx, 40, 4, 10, 5));
    EXPECT_EQ(obs.progress + obs.ticks, 0);
    obs.wish = 0;
    EXPECT_TRUE(report_turn(ctx, 50, 5, 10, 6));
    obs.wish = -1;
    EXPECT_TRUE(report_turn(ctx, 60, 6, 10, 7));
    EXPECT_EQ(obs.progress, 2);
    EXPECT_EQ(obs.ticks, 2);
    EXPECT_EQ(obs.last.items_done, 60u);
    EXPECT_EQ(obs.last.items_total, 100u);
    EXPECT_EQ(obs.last.run_id, "p1");
    // The final figures go out whatever the observer's timing says, without a tick.
    obs.wish = 500;
    report_final(ctx, 100, 10, 10, 8);
    EXPECT_EQ(obs.progress, 3);
    EXPECT_EQ(obs.ticks, 2);
    EXPECT_EQ(obs.last.items_done, 100u);
    EXPECT_EQ(obs.last.chunks_done, 10u);
}

}  // namespace
}  // namespace poolscope
