// The shared task queue's board: claims in order, one task per claim, and a worker killed while
// it held the queue's lock half-way through reading its frame leaves the queue usable — the
// next worker skips the dead one's entry and the rest of its frame and reads the next frame
// whole.
#include <fcntl.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "core/engine/pool_task_board.h"

using namespace poolscope;

namespace {

// A board in shared memory and a task pipe, driven the way the engine drives them.
struct Queue {
    Queue() {
        mem = static_cast<std::byte*>(mmap(nullptr, TaskBoard::bytes(), PROT_READ | PROT_WRITE,
                                           MAP_SHARED | MAP_ANONYMOUS, -1, 0));
        EXPECT_NE(mem, MAP_FAILED);
        EXPECT_FALSE(board.create(mem).has_value());
        EXPECT_EQ(pipe(fds), 0);
    }
    ~Queue() {
        close(fds[0]);
        close(fds[1]);
        munmap(mem, TaskBoard::bytes());
    }
    // Stages entry `seq` for a frame of `bytes` at the current end of the stream; posts it.
    void post(uint64_t seq, uint64_t bytes) {
        BoardEntry e;
        e.chunk_id = 100 + seq;
        e.first = seq;
        e.count = 1;
        e.frame_offset = encoded;
        e.frame_bytes = bytes;
        encoded += bytes;
        board.stage(seq, e);
        board.publish(seq + 1);
    }
    void write_bytes(const std::vector<std::byte>& b) {
        board.begin_write();
        ASSERT_EQ(write(fds[1], b.data(), b.size()), static_cast<ssize_t>(b.size()));
        board.end_write(b.size());
    }
    std::byte* mem = nullptr;
    TaskBoard board;
    int fds[2] = {-1, -1};
    uint64_t encoded = 0;
};

std::vector<std::byte> filled(std::size_t n, int v) {
    return std::vector<std::byte>(n, std::byte(v));
}

}  // namespace

TEST(TaskBoard, ClaimsInOrderAndReadsEachFrameWhole) {
    Queue q;
    q.post(0, 10);
    q.post(1, 20);
    q.write_bytes(filled(10, 1));
    q.write_bytes(filled(20, 2));
    Bytes frame;
    std::string err;
    const auto a = q.board.claim(3, q.fds[0], frame, err);
    ASSERT_TRUE(a) << err;
    EXPECT_EQ(a->chunk_id, 100u);
    EXPECT_EQ(frame, Bytes(10, std::byte(1)));
    EXPECT_EQ(q.board.entry(0).owner.load(), 3);
    const auto b = q.board.claim(4, q.fds[0], frame, err);
    ASSERT_TRUE(b) << err;
    EXPECT_EQ(b->chunk_id, 101u);
    EXPECT_EQ(frame, Bytes(20, std::byte(2)));
    EXPECT_EQ(q.board.claimed(), 2u);
    q.board.close();  // nothing left and closed: the worker leaves
    EXPECT_FALSE(q.board.claim(3, q.fds[0], frame, err));
    EXPECT_TRUE(err.empty()) << err;
}

TEST(TaskBoard, WorkerKilledMidFrameLeavesTheQueueInStep) {
    Queue q;
    q.post(0, 4000);
    q.write_bytes(filled(1500, 1));  // only part of the first frame is in the pipe yet
    const pid_t child = fork();
    ASSERT_GE(child, 0);
    if (child == 0) {  // a worker: claims entry 0, reads 1500 bytes, blocks for the rest
        Bytes frame;
        std::string err;
        q.board.claim(7, q.fds[0], frame, err);
        _exit(0);
    }
    // Wait until it owns entry 0 and has taken every byte there is, then kill it mid-read.
    for (int i = 0; i < 5000; ++i) {
        int avail = -1;
        ioctl(q.fds[0], FIONREAD, &avail);
        if (q.board.entry(0).owner.load() == 7 && avail == 0) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    ASSERT_EQ(q.board.entry(0).owner.load(), 7);
    kill(child, SIGKILL);
    int status = 0;
    ASSERT_EQ(waitpid(child, &status, 0), child);
    // The engine goes on: the rest of frame 0, then frame 1.
    q.write_bytes(filled(2500, 1));
    q.post(1, 300);
    q.write_bytes(filled(300, 9));
    Bytes frame;
    std::string err;
    const auto t = q.board.claim(8, q.fds[0], frame, err);
    ASSERT_TRUE(t) << err;
    EXPECT_EQ(t->seq, 1u) << "the dead worker's entry stays its own";
    EXPECT_EQ(t->chunk_id, 101u);
    EXPECT_EQ(frame, Bytes(300, std::byte(9))) << "the next frame is read whole, in step";
    EXPECT_EQ(q.board.entry(0).owner.load(), 7) << "the engine still sees who held chunk 100";
    int left = -1;
    ioctl(q.fds[0], FIONREAD, &left);
    EXPECT_EQ(left, 0);
}

TEST(TaskBoard, EachWorkerPublishesTheLastTaskItFinished) {
    Queue q;
    EXPECT_FALSE(q.board.has_work());
    q.post(0, 0);
    q.post(1, 0);
    EXPECT_TRUE(q.board.has_work());
    Bytes frame;
    std::string err;
    const auto a = q.board.claim(3, -1, frame, err);
    ASSERT_TRUE(a.has_value()) << err;
    EXPECT_EQ(q.board.finished_through(3), 0u) << "claimed is not finished";
    q.board.finish(3, a->seq);
    EXPECT_EQ(q.board.finished_through(3), a->seq + 1);
    const auto b = q.board.claim(TaskBoard::kMaxWorkers - 1, -1, frame, err);
    ASSERT_TRUE(b.has_value()) << err;
    EXPECT_FALSE(q.board.has_work());
    q.board.finish(TaskBoard::kMaxWorkers - 1, b->seq);
    EXPECT_EQ(q.board.finished_through(TaskBoard::kMaxWorkers - 1), b->seq + 1);
    EXPECT_EQ(q.board.finished_through(3), a->seq + 1) << "each worker has its own slot";
    EXPECT_EQ(q.board.finished_through(0), 0u);
    q.board.close();
    EXPECT_FALSE(q.board.has_work());
}

TEST(TaskBoard, AWorkerAboutToSleepRunsItsHookFirst) {
    // The hook is where a worker sends the results it holds; here it posts the next task, as
    // the engine does once it has them, and the worker must then claim it instead of sleeping.
    struct Seen {
        Queue* q;
        int calls = 0;
    } seen{nullptr};
    Queue q;
    seen.q = &q;
    Bytes frame;
    std::string err;
    const auto t = q.board.claim(
        0, -1, frame, err,
        [](void* arg) {
            auto* s = static_cast<Seen*>(arg);
            if (s->calls++ == 0) s->q->post(0, 0);
        },
        &seen);
    ASSERT_TRUE(t.has_value()) << err;
    EXPECT_EQ(t->seq, 0u);
    EXPECT_EQ(seen.calls, 1) << "a worker with nothing to claim runs the hook before it sleeps";
}
