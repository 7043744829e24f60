// --transport shm with the shared queue: a worker leaves each clean result as a record in its
// ring in the segment (core/engine/result_slots.h) instead of a Result frame. The run computes
// what the serial run computes, whichever way each result came (records, and frames for item
// failures); a worker that dies right after finishing chunks keeps their results (they were in
// place, not in a batch) and loses only the chunk it was running; a garbled record is a
// protocol error charged to its chunk, never a silently wrong checksum.
#include <gtest/gtest.h>

#include <csignal>

#include "core/engine/run_observer.h"
#include "support/process_hygiene.h"
#include "support/settings_runs.h"

using namespace poolscope;

namespace {

using test::expect_only_lost;

RunConfig shm_tiny(const std::string& workload, uint64_t n, Dispatch d = Dispatch::Map) {
    RunConfig c = test::settings_config(workload, n, 2);
    c.chunksize = 1;
    c.dispatch = d;
    c.transport = Transport::Shm;
    c.on_failure = OnFailure::Skip;
    return c;
}

}  // namespace

class ShmResultsInPlace : public test::ProcessHygiene {};

TEST_F(ShmResultsInPlace, EveryDispatchComputesTheSerialChecksum) {
    const uint64_t n = 20000;
    for (Dispatch d :
         {Dispatch::Map, Dispatch::Imap, Dispatch::ImapUnordered, Dispatch::ApplyAsync}) {
        RunObserver none;
        const auto r = test::run_serial_and_parallel(shm_tiny("square", n, d), none);
        EXPECT_TRUE(r.parallel.errors.empty());
        EXPECT_EQ(r.parallel.checksum, r.serial.checksum) << static_cast<int>(d);
        EXPECT_EQ(r.parallel.checksum_items, n);
        EXPECT_EQ(test::coverage_problem(r.parallel), "");
        // A result in place costs a 64-byte record, not a frame: most chunks show that.
        uint64_t in_place = 0;
        for (const auto& c : r.parallel.chunk_records) in_place += c.bytes_out == 64 ? 1 : 0;
        EXPECT_GT(in_place, n / 2);
    }
}

TEST_F(ShmResultsInPlace, AnItemFailureTravelsAsAFrameAmongRecordsInOrder) {
    // The failed item's chunk is a Result frame; the records before and after it are not: the
    // engine takes them in the worker's order, and the run matches the pipe transport's.
    const uint64_t n = 20000;
    RunConfig shm = shm_tiny("square", n);
    shm.inject = {"error@item=7000"};
    RunConfig pipe = shm;
    pipe.transport = Transport::Pipe;
    const RunResult a = test::run_config(shm), b = test::run_config(pipe);
    EXPECT_EQ(a.items_failed, 1u);
    EXPECT_EQ(a.checksum_items, n - 1);
    EXPECT_EQ(a.checksum, b.checksum);
    EXPECT_EQ(test::find_error(a, "protocol"), nullptr);
}

TEST_F(ShmResultsInPlace, ACrashRightAfterFinishedChunksKeepsTheirResults) {
    const uint64_t n = 6000;
    RunConfig cfg = shm_tiny("square", n);
    cfg.inject = {"crash@chunk=2500"};
    const RunResult r = test::run_config(cfg);
    const RunError* e = test::find_error(r, "worker_died");
    ASSERT_NE(e, nullptr);
    EXPECT_EQ(e->chunk, 2500);
    EXPECT_EQ(e->signal, SIGSEGV);
    expect_only_lost(r, *e, n);
}

TEST_F(ShmResultsInPlace, AWorkerKilledFromOutsideLosesOnlyItsRunningChunk) {
    // cpu items calibrated to 10 µs: 10⁵ of them on 2 workers are 0.5 s of compute, well past
    // the kill at 0.2 s on any machine. (A fixed 10⁴ iterations took 2.7 µs on a fast core:
    // once results in place cost under 1 µs a task, the run ended before the kill.)
    const uint64_t n = 100000;
    RunConfig cfg = shm_tiny("cpu", n);
    cfg.params = {{"item_us", "10"}};
    cfg.inject = {"kill@t=0.2"};
    const RunResult r = test::run_config(cfg);
    const RunError* e = test::find_error(r, "worker_killed");
    ASSERT_NE(e, nullptr) << "the run ended before the kill";
    if (e->chunk < 0) {  // it had nothing claimed (killed while waiting for the queue)
        EXPECT_EQ(r.items_failed, 0u) << e->message;
        EXPECT_EQ(r.checksum_items, n);
        return;
    }
    expect_only_lost(r, *e, n);
}

TEST_F(ShmResultsInPlace, AHangIsChargedToTheHungChunk) {
    const uint64_t n = 6000;
    RunConfig cfg = shm_tiny("square", n);
    cfg.inject = {"hang@chunk=2500"};
    cfg.task_timeout_s = 0.5;
    const RunResult r = test::run_config(cfg);
    const RunError* e = test::find_error(r, "timeout");
    ASSERT_NE(e, nullptr);
    EXPECT_EQ(e->chunk, 2500);
    expect_only_lost(r, *e, n);
}

TEST_F(ShmResultsInPlace, AGarbledRecordIsAProtocolErrorOnItsChunk) {
    const uint64_t n = 6000;
    RunConfig cfg = shm_tiny("square", n);
    cfg.inject = {"corrupt@chunk=3000"};
    const RunResult r = test::run_config(cfg);
    const RunError* e = test::find_error(r, "protocol");
    ASSERT_NE(e, nullptr);
    EXPECT_EQ(e->chunk, 3000);
    EXPECT_NE(e->message.find("garbled result slot"), std::string::npos) << e->message;
    expect_only_lost(r, *e, n);
}
