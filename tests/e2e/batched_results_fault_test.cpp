// Tiny tasks from the shared queue: a worker sends the results of back-to-back tasks in one
// write (core/engine/result_batch.h), so when it fails it may hold finished results it has not
// sent. Whatever it held, the run charges the failure to the chunk the worker was running, and
// with --on-failure skip loses exactly that chunk: the finished ones it held are either sent
// on its way out (a crash) or run again (a hang ended by SIGKILL, a kill from outside).
#include <gtest/gtest.h>

#include <csignal>

#include "core/session/engine.h"
#include "support/process_hygiene.h"
#include "support/settings_runs.h"

using namespace poolscope;

namespace {

RunConfig tiny(const std::string& workload, uint64_t n, const std::string& fault) {
    RunConfig c;
    c.workload = workload;
    c.size = n;
    c.workers = 2;
    c.chunksize = 1;
    c.sample_ms = 0;
    c.on_failure = OnFailure::Skip;
    c.inject = {fault};
    return c;
}

RunResult run(const RunConfig& cfg) {
    return test::run_config(cfg);
}

using test::expect_only_lost;
using test::find_error;

}  // namespace

class BatchedResultsFaults : public test::ProcessHygiene {};

TEST_F(BatchedResultsFaults, ACrashAmongTinyTasksLosesOnlyTheCrashingChunk) {
    const uint64_t n = 6000;
    const RunResult r = run(tiny("square", n, "crash@chunk=2500"));
    const RunError* e = find_error(r, "worker_died");
    ASSERT_NE(e, nullptr);
    EXPECT_EQ(e->chunk, 2500);
    EXPECT_EQ(e->signal, SIGSEGV);
    expect_only_lost(r, *e, n);
}

TEST_F(BatchedResultsFaults, AHangAmongTinyTasksIsChargedToTheHungChunk) {
    const uint64_t n = 6000;
    RunConfig cfg = tiny("square", n, "hang@chunk=2500");
    cfg.task_timeout_s = 0.5;
    const RunResult r = run(cfg);
    const RunError* e = find_error(r, "timeout");
    ASSERT_NE(e, nullptr);
    EXPECT_EQ(e->chunk, 2500);
    expect_only_lost(r, *e, n);
}

TEST_F(BatchedResultsFaults, AWorkerKilledAmongTinyTasksLosesOnlyItsRunningChunk) {
    const uint64_t n = 100000;  // cpu: ~10 µs a task, the run lasts well past the kill
    const RunResult r = run(tiny("cpu", n, "kill@t=0.2"));
    const RunError* e = find_error(r, "worker_killed");
    ASSERT_NE(e, nullptr) << "the run ended before the kill";
    if (e->chunk < 0) {  // it had nothing claimed (killed while waiting for the queue)
        EXPECT_EQ(r.items_failed, 0u) << e->message;
        EXPECT_EQ(r.checksum_items, n);
        return;
    }
    expect_only_lost(r, *e, n);
}
