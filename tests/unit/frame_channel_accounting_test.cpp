// One result channel, one accounting step: the same bytes written into a pipe give the same
// outcome whether the pool reads them (drain_results, its real bookkeeping) or the step the
// threads and serial runners use (FrameChannel + check_chunk_result + ErrorSink, and
// protocol_error for a stream that does not decode): whole results counted alike, a cut-off
// last frame, garbage, an early end of stream and a flood of failed items reported alike.
#include <fcntl.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "core/engine/chunk_result.h"
#include "core/engine/frame_channel.h"
#include "core/engine/pool_dispatch.h"
#include "core/engine/pool_results.h"
#include "core/engine/pool_state.h"
#include "core/protocol/messages.h"
#include "support/small_workloads.h"

using namespace poolscope;

namespace {

constexpr uint64_t kChunk = 10;
constexpr pid_t kPid = 4242;  // a pid written into messages only: no process is signalled

struct ErrorLog : RunObserver {
    std::vector<RunError> errors;
    void on_error(const std::string&, const RunError& e, int64_t) override { errors.push_back(e); }
};

int nonblocking_pipe(int& write_end) {
    int fds[2];
    EXPECT_EQ(pipe2(fds, O_NONBLOCK | O_CLOEXEC), 0);
    write_end = fds[1];
    return fds[0];
}

// A worker's result frame for chunk `id` of the square workload: its outputs and, for every
// item in `failed`, a failure.
Bytes result_frame(uint64_t id, const std::vector<uint64_t>& failed = {}) {
    Bytes out;
    const auto at = begin_frame(out, FrameType::Result);
    const uint64_t first = id * kChunk;
    put_result_fixed(out, {id, first, kChunk, 1, 2, 3, 4, 5, {}, 0, 0});
    for (uint64_t i = 0; i < kChunk; ++i) put_u64(out, (first + i) * (first + i));
    std::vector<ItemFailure> failures;
    for (uint64_t item : failed) failures.push_back({item, "bad item " + std::to_string(item)});
    put_result_failures(out, failures);
    end_frame(out, at);
    return out;
}

// The pool's side: a run of `chunks` chunks (map, no shared queue) all sent to worker 0, whose
// result pipe is the test's.
struct PoolSide {
    explicit PoolSide(uint64_t chunks) {
        cfg.workload = "square";
        cfg.size = chunks * kChunk;
        cfg.workers = 1;
        cfg.chunksize = kChunk;
        cfg.dispatch = Dispatch::Map;
        cfg.on_failure = OnFailure::Skip;
        workload = test_support::configured("square", {}, cfg.size);
        ctx.config = cfg;
        ctx.workload = workload.get();
        ctx.observer = &log;
        init_pool_state(st, ctx);
        init_pool_plan(st);
        WorkerSlot& s = st.slots[0];
        s.pid = kPid;
        s.alive = false;  // nothing to signal when the pool ends the worker
        st.result.worker_records.push_back(WorkerRecord{.pid = kPid});
        s.results = FrameChannel(nonblocking_pipe(write_end), cfg.max_frame);
        for (uint64_t id = 0; id < chunks; ++id) s.inflight.push_back(id);
        st.queue.clear();  // all sent
    }
    ~PoolSide() { close_writer(); }
    void write(const Bytes& b) {
        ASSERT_EQ(::write(write_end, b.data(), b.size()), static_cast<ssize_t>(b.size()));
    }
    void close_writer() {
        if (write_end >= 0) close(write_end);
        write_end = -1;
    }
    void drain() {
        for (int i = 0; i < 100 && drain_results(st, st.slots[0]);) ++i;
    }

    RunConfig cfg;
    std::unique_ptr<Workload> workload;
    ErrorLog log;
    RunContext ctx;
    PoolState st;
    int write_end = -1;
};

// The threads and serial runners' side: the same channel and accounting step, chunk by chunk.
struct StepSide {
    explicit StepSide(const PoolSide& pool) : plan(pool.st.plan), sink(pool.ctx, result) {
        channel = FrameChannel(nonblocking_pipe(write_end), pool.cfg.max_frame);
        result = blank_result(pool.ctx);
    }
    ~StepSide() { close_writer(); }
    void write(const Bytes& b) {
        ASSERT_EQ(::write(write_end, b.data(), b.size()), static_cast<ssize_t>(b.size()));
    }
    void close_writer() {
        if (write_end >= 0) close(write_end);
        write_end = -1;
    }
    FrameChannel::State drain() {
        for (int i = 0; i < 100 && channel.state() == FrameChannel::State::Open; ++i)
            channel.pump([&](const Frame& f) {
                PayloadReader rd(f.payload);
                auto h = read_result_fixed(rd);
                if (!h || h->chunk_id >= plan.size()) return false;
                const uint64_t id = h->chunk_id;
                const auto r = check_chunk_result(std::move(*h), rd, plan[id], 8);
                if (!r) return false;
                result.checksum += r->checksum;
                result.checksum_items += r->items;
                result.items_failed += r->failed;
                report_item_failures(sink, *r, id, 0, kPid);
                return true;
            });
        return channel.state();
    }

    std::vector<ChunkSpec> plan;
    RunResult result;
    ErrorSink sink;
    FrameChannel channel;
    int write_end = -1;
};

// Both sides get the same bytes.
void write_both(PoolSide& p, StepSide& s, const Bytes& b) {
    p.write(b);
    s.write(b);
}

}  // namespace

TEST(FrameChannelAccounting, WholeResultsAreCountedAlike) {
    PoolSide pool(3);
    StepSide step(pool);
    Bytes batch = result_frame(0);  // several frames in one write, as a batching worker sends
    const Bytes second = result_frame(1, {12, 15});
    batch.insert(batch.end(), second.begin(), second.end());
    write_both(pool, step, batch);
    write_both(pool, step, result_frame(2));
    pool.drain();
    step.drain();
    EXPECT_EQ(pool.st.finished_count, 3u);
    EXPECT_EQ(pool.st.result.checksum, step.result.checksum);
    EXPECT_EQ(pool.st.result.checksum_items, 28u);
    EXPECT_EQ(step.result.checksum_items, 28u);
    EXPECT_EQ(pool.st.result.items_failed, 2u);
    EXPECT_EQ(step.result.items_failed, 2u);
    EXPECT_EQ(pool.st.result.errors, step.result.errors);
    ASSERT_EQ(pool.st.result.errors.size(), 2u);
    EXPECT_EQ(pool.st.result.errors[0].message, "item 12: bad item 12");
    EXPECT_EQ(pool.st.result.errors[0].chunk, 1);
    EXPECT_EQ(pool.st.chunks[1].failed_items, 2u);
    EXPECT_GT(pool.st.chunks[1].received_ns, 0);      // when the read that brought it returned
    EXPECT_TRUE(pool.st.slots[0].results.is_open());  // the worker may send more
}

TEST(FrameChannelAccounting, ACutOffLastFrameIsOneProtocolErrorInTheSameWords) {
    PoolSide pool(3);
    StepSide step(pool);
    write_both(pool, step, result_frame(0));
    Bytes torn = result_frame(1);
    torn.resize(torn.size() - 5);
    write_both(pool, step, torn);
    pool.close_writer();
    step.close_writer();
    pool.drain();
    EXPECT_EQ(step.drain(), FrameChannel::State::Truncated);
    const std::string why = step.channel.error();
    EXPECT_NE(why.find("truncated frame at end of stream"), std::string::npos) << why;
    // What came before is kept; the chunk it was running fails with the channel's reason.
    EXPECT_EQ(pool.st.finished_count, 2u);  // 0 finished, 1 failed (skip), 2 back in its queue
    EXPECT_EQ(pool.st.queue.size(), 1u);
    ASSERT_EQ(pool.st.result.errors.size(), 1u);
    EXPECT_EQ(pool.st.result.errors[0], protocol_error("worker 0 (pid 4242)", why, 0, kPid, 1));
    EXPECT_FALSE(pool.st.slots[0].results.is_open());
    EXPECT_EQ(pool.st.result.checksum, step.result.checksum);
    // The serial child and the threads host say the same after their own name.
    EXPECT_EQ(protocol_error("serial child (pid 4242)", why, 0, kPid).message,
              "serial child (pid 4242): protocol error: " + why);
}

TEST(FrameChannelAccounting, GarbageIsChargedToTheFrameItWasAndNothingAfterIsRead) {
    PoolSide pool(3);
    StepSide step(pool);
    write_both(pool, step, result_frame(0));
    write_both(pool, step, Bytes(48, std::byte{0xAB}));
    write_both(pool, step, result_frame(1));
    pool.drain();
    EXPECT_EQ(step.drain(), FrameChannel::State::Malformed);
    const std::string why = step.channel.error();
    ASSERT_FALSE(why.empty());
    ASSERT_EQ(pool.st.result.errors.size(), 1u);
    EXPECT_EQ(pool.st.result.errors[0], protocol_error("worker 0 (pid 4242)", why, 0, kPid, 1));
    EXPECT_EQ(pool.st.result.checksum_items, kChunk);  // chunk 1's good frame after it: unread
    EXPECT_EQ(step.result.checksum_items, kChunk);
}

TEST(FrameChannelAccounting, AnUnexpectedResultIsOneErrorNotTwo) {
    PoolSide pool(3);
    pool.write(result_frame(2));  // chunk 0 is the one in front
    pool.drain();
    ASSERT_EQ(pool.st.result.errors.size(), 1u);
    EXPECT_EQ(
        pool.st.result.errors[0],
        protocol_error("worker 0 (pid 4242)", "malformed or unexpected result frame", 0, kPid, 0));
    EXPECT_FALSE(pool.st.slots[0].results.is_open());
}

TEST(FrameChannelAccounting, AnEarlyEndOfStreamIsNoProtocolError) {
    PoolSide pool(3);
    StepSide step(pool);
    write_both(pool, step, result_frame(0));
    pool.close_writer();
    step.close_writer();
    pool.drain();
    EXPECT_EQ(step.drain(), FrameChannel::State::Closed);
    // The channel ends; the worker's exit says why its chunks did not come (on_worker_exit).
    EXPECT_TRUE(pool.st.result.errors.empty());
    EXPECT_TRUE(step.result.errors.empty());
    EXPECT_FALSE(pool.st.slots[0].results.is_open());
    EXPECT_EQ(pool.st.slots[0].inflight.size(), 2u);
    EXPECT_EQ(pool.st.finished_count, 1u);
}

TEST(FrameChannelAccounting, AFloodOfFailedItemsIsCountedWholeAndListedUpToTheCap) {
    constexpr uint64_t kChunks = 30;  // 300 failed items, more than the 100 listed
    PoolSide pool(kChunks);
    StepSide step(pool);
    Bytes all;
    for (uint64_t id = 0; id < kChunks; ++id) {
        std::vector<uint64_t> failed;
        for (uint64_t i = 0; i < kChunk; ++i) failed.push_back(id * kChunk + i);
        const Bytes f = result_frame(id, failed);
        all.insert(all.end(), f.begin(), f.end());
    }
    write_both(pool, step, all);
    pool.drain();
    step.drain();
    EXPECT_EQ(pool.st.result.items_failed, kChunks * kChunk);
    EXPECT_EQ(step.result.items_failed, kChunks * kChunk);
    ASSERT_EQ(pool.st.result.errors.size(), kMaxReportedItemErrors);
    EXPECT_EQ(pool.st.result.errors, step.result.errors);
    EXPECT_EQ(pool.log.errors.size(), 2 * kMaxReportedItemErrors);  // both sides, as they came
    EXPECT_EQ(pool.st.finished_count, kChunks);
    EXPECT_EQ(pool.st.result.checksum_items, 0u);
}
