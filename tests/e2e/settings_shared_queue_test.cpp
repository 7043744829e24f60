// map, imap, imap_unordered and apply_async read one task queue shared by every worker, as
// Python's Pool does: a worker takes the next chunk only when it is free. With 2·W chunks of
// unequal cost (the first never ends by itself: it hangs until --task-timeout), the other
// worker runs every other chunk, each of them finished before the hung chunk's timeout; no
// chunk waits behind the hung one in a busy worker's queue. Asserted on which worker ran what
// and on the order of events, not on durations (the timeout is long enough for a loaded
// machine to run three 20 ms chunks).
#include <gtest/gtest.h>

#include <vector>

#include "core/engine/run_observer.h"
#include "support/process_hygiene.h"
#include "support/settings_runs.h"

using namespace poolscope;

namespace {

constexpr int kWorkers = 2;
constexpr uint64_t kChunks = 2 * kWorkers;

// Records when each chunk's result arrived and when the engine reported the timeout.
class ArrivalOrder : public RunObserver {
  public:
    void on_chunk(const std::string&, const ChunkRecord& c) override { arrived.push_back(c); }
    void on_error(const std::string&, const RunError& e, int64_t t_ns) override {
        if (e.code == "timeout") timeout_ns = t_ns, timeout_chunk = e.chunk, hung_worker = e.worker;
    }
    std::vector<ChunkRecord> arrived;
    int64_t timeout_ns = 0;
    int64_t timeout_chunk = -1;
    int hung_worker = -1;
};

RunConfig hung_first_chunk(Dispatch d) {
    RunConfig cfg = test::settings_config("sleep", kChunks, kWorkers, {{"ms", "20"}});
    cfg.dispatch = d;
    if (d != Dispatch::ApplyAsync) cfg.chunksize = 1;
    cfg.pool = PoolLifetime::Warm;  // both workers ready before the first chunk is queued
    cfg.inject = {"hang@chunk=0"};
    cfg.task_timeout_s = 3;
    cfg.on_failure = OnFailure::Skip;
    return cfg;
}

}  // namespace

class SettingsSharedQueue : public test::ProcessHygiene {};

TEST_F(SettingsSharedQueue, FreeWorkerTakesEveryChunkWhileTheOtherIsBusy) {
    for (Dispatch d :
         {Dispatch::Map, Dispatch::Imap, Dispatch::ImapUnordered, Dispatch::ApplyAsync}) {
        ArrivalOrder seen;
        const RunResult r = test::run_config(hung_first_chunk(d), seen);
        SCOPED_TRACE(r.label);
        ASSERT_EQ(r.chunks, kChunks);
        ASSERT_EQ(seen.timeout_chunk, 0) << "the hung chunk must time out, named";
        ASSERT_GE(seen.hung_worker, 0);
        ASSERT_EQ(seen.arrived.size(), kChunks - 1) << "every other chunk finishes";
        for (const ChunkRecord& c : seen.arrived) {
            EXPECT_NE(c.id, 0u);
            EXPECT_TRUE(c.ok) << "chunk " << c.id;
            EXPECT_NE(c.worker, seen.hung_worker)
                << "chunk " << c.id << " ran on the worker that was stuck in chunk 0";
            EXPECT_LT(c.received_ns, seen.timeout_ns)
                << "chunk " << c.id << " waited for the hung chunk's timeout";
        }
        EXPECT_EQ(r.chunk_records[0].failed_items, 1u);
        EXPECT_EQ(r.checksum_items, kChunks - 1);
    }
}

TEST_F(SettingsSharedQueue, StaticKeepsOneBlockPerWorker) {
    RunConfig cfg = test::settings_config("sleep", 8, kWorkers, {{"ms", "1"}});
    cfg.dispatch = Dispatch::Static;
    const RunResult r = test::run_config(cfg);
    ASSERT_EQ(r.chunks, static_cast<uint64_t>(kWorkers));
    for (const ChunkRecord& c : r.chunk_records)
        EXPECT_EQ(c.worker, static_cast<int>(c.id)) << "block " << c.id << " is worker's own";
}
