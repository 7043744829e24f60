// A worker that dies is noticed — by end of file on its pipe or by its pidfd — even while the
// other workers are alive and busy; finished results are kept; nothing is left behind.
#include <gtest/gtest.h>

#include <csignal>

#include "core/platform/clock.h"
#include "core/session/engine.h"
#include "support/process_hygiene.h"
#include "support/settings_runs.h"

using namespace poolscope;

namespace {

RunConfig sleepy(uint64_t n, int workers, uint64_t chunksize, double ms) {
    RunConfig c;
    c.workload = "sleep";
    c.params["ms"] = std::to_string(ms);
    c.size = n;
    c.workers = workers;
    c.chunksize = chunksize;
    c.sample_ms = 0;
    return c;
}

RunResult run(const RunConfig& cfg) {
    return test::run_config(cfg);
}

using test::find_error;

}  // namespace

class EngineFaults : public test::ProcessHygiene {};

TEST_F(EngineFaults, CrashingWorkerIsNamedWithPidSignalAndChunk) {
    RunConfig cfg = sleepy(40, 3, 2, 2);
    cfg.inject = {"crash@chunk=5"};
    const int64_t t0 = monotonic_ns();
    const RunResult r = run(cfg);
    EXPECT_LT((monotonic_ns() - t0) * 1e-9, 5.0);
    const RunError* e = find_error(r, "worker_died");
    ASSERT_NE(e, nullptr);
    EXPECT_EQ(e->chunk, 5);
    EXPECT_EQ(e->signal, SIGSEGV);
    EXPECT_GT(e->pid, 0);
    EXPECT_NE(e->message.find("SIGSEGV"), std::string::npos) << e->message;
    EXPECT_NE(e->message.find("pid " + std::to_string(e->pid)), std::string::npos);
    EXPECT_NE(e->message.find("chunk 5"), std::string::npos);
    EXPECT_TRUE(r.partial);
    // Finished results are kept: the checksum covers exactly the chunks that came back.
    uint64_t done_items = 0;
    for (const auto& c : r.chunk_records)
        if (c.ok) done_items += c.count;
    EXPECT_EQ(r.checksum_items, done_items);
    EXPECT_GE(done_items, 2u);
}

TEST_F(EngineFaults, WorkerKilledFromOutsideIsNoticedQuicklyWhileOthersRun) {
    RunConfig cfg = sleepy(400, 3, 1, 10);  // ~1.3 s of work per worker
    cfg.inject = {"kill@t=0.3"};
    const int64_t t0 = monotonic_ns();
    const RunResult r = run(cfg);
    const double took = (monotonic_ns() - t0) * 1e-9;
    const RunError* e = find_error(r, "worker_killed");
    ASSERT_NE(e, nullptr);
    EXPECT_NE(e->message.find("killed by SIGKILL (possibly out of memory)"), std::string::npos)
        << e->message;
    EXPECT_LT(took, 0.3 + 1.0 + 0.5) << "noticed within 1 s, then stopped";
    EXPECT_TRUE(r.partial);
    EXPECT_LT(r.checksum_items, 400u);
}

TEST_F(EngineFaults, SkipKeepsGoingAndReportsExactlyTheLostItems) {
    RunConfig cfg = sleepy(30, 2, 3, 1);
    cfg.inject = {"crash@chunk=4"};
    cfg.on_failure = OnFailure::Skip;
    const RunResult r = run(cfg);
    EXPECT_EQ(r.items_failed, 3u);
    EXPECT_EQ(r.checksum_items, 27u);
    EXPECT_TRUE(r.partial);
}

TEST_F(EngineFaults, RetryRecoversFromACrashWithTheRightChecksum) {
    RunConfig cfg = sleepy(30, 2, 3, 1);
    const RunResult clean = run(cfg);
    cfg.inject = {"kill@t=0.01"};
    cfg.on_failure = OnFailure::Retry;
    const RunResult r = run(cfg);
    EXPECT_FALSE(r.partial) << (r.errors.empty() ? "" : r.errors[0].message);
    EXPECT_EQ(r.checksum, clean.checksum);
    EXPECT_EQ(r.checksum_items, 30u);
    EXPECT_NE(find_error(r, "worker_killed"), nullptr) << "the loss is still reported";
}

TEST_F(EngineFaults, HangingTaskIsEndedByTheTimeout) {
    RunConfig cfg = sleepy(20, 2, 2, 1);
    cfg.inject = {"hang@chunk=3"};
    cfg.task_timeout_s = 0.3;
    const int64_t t0 = monotonic_ns();
    const RunResult r = run(cfg);
    EXPECT_LT((monotonic_ns() - t0) * 1e-9, 3.0);
    const RunError* e = find_error(r, "timeout");
    ASSERT_NE(e, nullptr);
    EXPECT_EQ(e->chunk, 3);
    EXPECT_TRUE(r.partial);
}

TEST_F(EngineFaults, ItemErrorFailsOnlyThatItem) {
    RunConfig cfg = sleepy(20, 2, 4, 0);
    cfg.inject = {"error@item=17"};
    const RunResult r = run(cfg);
    EXPECT_EQ(r.items_failed, 1u);
    EXPECT_EQ(r.checksum_items, 19u);
    EXPECT_EQ(r.chunks_done, r.chunks) << "the pool stays healthy";
    const RunError* e = find_error(r, "item_failed");
    ASSERT_NE(e, nullptr);
    EXPECT_EQ(e->item, 17);
}

TEST_F(EngineFaults, CorruptResultFrameIsAProtocolError) {
    RunConfig cfg = sleepy(20, 2, 2, 0);
    cfg.inject = {"corrupt@chunk=2"};
    const RunResult r = run(cfg);
    const RunError* e = find_error(r, "protocol");
    ASSERT_NE(e, nullptr);
    EXPECT_NE(e->message.find("checksum"), std::string::npos) << e->message;
    EXPECT_EQ(e->chunk, 2);
}
