// The result rings of results in place (--transport shm): a forked worker's records reach the
// engine's side whole and in order, a full ring refuses the next record (it goes as a frame
// instead) until the engine consumes, a flipped byte breaks the seal, and the engine's "asleep"
// flag is taken by exactly one waker.
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include "core/engine/result_slots.h"

using namespace poolscope;

namespace {

struct Rings {
    Rings() {
        mem = static_cast<std::byte*>(mmap(nullptr, ResultSlots::bytes(), PROT_READ | PROT_WRITE,
                                           MAP_SHARED | MAP_ANONYMOUS, -1, 0));
        EXPECT_NE(mem, MAP_FAILED);
        engine.create(mem);
    }
    ~Rings() { munmap(mem, ResultSlots::bytes()); }
    std::byte* mem = nullptr;
    ResultSlots engine;
};

ResultRecord rec(uint64_t chunk, uint32_t after, int worker) {
    ResultRecord r;
    r.chunk_id = chunk;
    r.recv_start_ns = 10 + static_cast<int64_t>(chunk);
    r.compute_end_ns = 20 + static_cast<int64_t>(chunk);
    r.after_frames = after;
    r.worker = worker;
    return r;
}

}  // namespace

TEST(ResultSlots, AForkedWorkersRecordsArriveSealedAndInOrder) {
    Rings q;
    const pid_t pid = fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
        ResultSlots w;
        w.attach(q.mem);
        for (uint64_t i = 0; i < 100; ++i)
            if (!w.publish(3, rec(i, 0, 3))) _exit(1);
        _exit(0);
    }
    int status = 0;
    ASSERT_EQ(waitpid(pid, &status, 0), pid);
    ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    ASSERT_EQ(q.engine.head(3), 100u);
    EXPECT_EQ(q.engine.head(2), 0u);
    for (uint64_t i = 0; i < 100; ++i) {
        const ResultRecord& r = q.engine.record(3, i);
        EXPECT_EQ(r.chunk_id, i);
        EXPECT_EQ(r.compute_end_ns, 20 + static_cast<int64_t>(i));
        EXPECT_EQ(ResultSlots::seal_of(r), r.seal);
    }
}

TEST(ResultSlots, AFullRingRefusesUntilTheEngineConsumes) {
    Rings q;
    for (uint64_t i = 0; i < ResultSlots::kRecords; ++i)
        ASSERT_TRUE(q.engine.publish(0, rec(i, 0, 0)));
    EXPECT_FALSE(q.engine.publish(0, rec(999, 0, 0)));
    q.engine.consumed(0, 1);
    EXPECT_TRUE(q.engine.publish(0, rec(999, 0, 0)));
    EXPECT_EQ(q.engine.record(0, ResultSlots::kRecords).chunk_id, 999u);
}

TEST(ResultSlots, AFlippedByteBreaksTheSeal) {
    Rings q;
    ASSERT_TRUE(q.engine.publish(1, rec(7, 2, 1), /*corrupt=*/true));
    const ResultRecord& r = q.engine.record(1, 0);
    EXPECT_NE(ResultSlots::seal_of(r), r.seal);
    ASSERT_TRUE(q.engine.publish(1, rec(8, 2, 1)));
    EXPECT_EQ(ResultSlots::seal_of(q.engine.record(1, 1)), q.engine.record(1, 1).seal);
}

TEST(ResultSlots, OnlyOneWorkerTakesTheSleepingFlag) {
    Rings q;
    EXPECT_FALSE(q.engine.take_sleeping());  // awake: nobody wakes it
    q.engine.set_sleeping(true);
    EXPECT_TRUE(q.engine.take_sleeping());
    EXPECT_FALSE(q.engine.take_sleeping());
    EXPECT_FALSE(ResultSlots().has_ring(0));  // not created: frames only
    EXPECT_FALSE(q.engine.has_ring(ResultSlots::kRings));
}
