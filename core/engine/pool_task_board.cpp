#include "core/engine/pool_task_board.h"

#include <linux/futex.h>
#include <sched.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstring>
#include <new>

#include "core/config/validation.h"
#include "core/engine/worker_loop.h"
#include "core/platform/clock.h"

namespace poolscope {

struct TaskBoard::Header {
    pthread_mutex_t read_lock;  // robust, process-shared
    alignas(64) std::atomic<uint64_t> posted{0};
    std::atomic<uint64_t> posted_end{0};  // stream offset after the last posted frame
    std::atomic<uint32_t> post_gen{0};    // futex word: bumped on every publish and on close
    std::atomic<uint32_t> sleepers{0};
    std::atomic<uint32_t> closed{0};
    alignas(64) uint64_t next = 0;                   // under read_lock: the next entry to claim
    std::atomic<uint64_t> claimed{0};                // `next`, published for the engine
    alignas(64) std::atomic<uint64_t> write_gen{0};  // odd while the engine writes the pipe
    std::atomic<uint64_t> written{0};                // bytes the engine wrote into the task pipe
};

static_assert(std::atomic<uint64_t>::is_always_lock_free &&
                  std::atomic<int32_t>::is_always_lock_free,
              "the board's atomics are shared between processes");
static_assert(sizeof(BoardEntry) == 64);
static_assert(TaskBoard::kMaxWorkers >= kMaxWorkersCap);

namespace {

constexpr std::size_t kHeaderBytes = 512;

// The result rings start on a cache line after the finished slots.
constexpr std::size_t results_offset() {
    const std::size_t end = kHeaderBytes + TaskBoard::kSlots * sizeof(BoardEntry) +
                            TaskBoard::kMaxWorkers * sizeof(std::atomic<uint64_t>);
    return (end + 63) / 64 * 64;
}

long futex(std::atomic<uint32_t>* word, int op, uint32_t val) {
    return syscall(SYS_futex, reinterpret_cast<uint32_t*>(word), op, val, nullptr, nullptr, 0);
}

}  // namespace

std::size_t TaskBoard::bytes() {
    static_assert(sizeof(Header) <= kHeaderBytes);
    const std::size_t raw = results_offset() + ResultSlots::bytes();
    const std::size_t page = 4096;
    return (raw + page - 1) / page * page;
}

std::optional<std::string> TaskBoard::create(std::byte* mem) {
    h_ = new (mem) Header;
    entries_ = reinterpret_cast<BoardEntry*>(mem + kHeaderBytes);
    for (uint64_t i = 0; i < kSlots; ++i) new (&entries_[i]) BoardEntry;
    finished_ = reinterpret_cast<std::atomic<uint64_t>*>(entries_ + kSlots);
    for (int i = 0; i < kMaxWorkers; ++i) new (&finished_[i]) std::atomic<uint64_t>(0);
    results_.create(mem + results_offset());
    pthread_mutexattr_t a;
    pthread_mutexattr_init(&a);
    pthread_mutexattr_setpshared(&a, PTHREAD_PROCESS_SHARED);
    pthread_mutexattr_setrobust(&a, PTHREAD_MUTEX_ROBUST);
    const int r = pthread_mutex_init(&h_->read_lock, &a);
    pthread_mutexattr_destroy(&a);
    if (r != 0) {
        h_ = nullptr;
        return std::string("cannot create the task queue's lock: ") + strerror(r);
    }
    return std::nullopt;
}

void TaskBoard::attach(std::byte* mem) {
    h_ = reinterpret_cast<Header*>(mem);
    entries_ = reinterpret_cast<BoardEntry*>(mem + kHeaderBytes);
    finished_ = reinterpret_cast<std::atomic<uint64_t>*>(entries_ + kSlots);
    results_.attach(mem + results_offset());
}

uint64_t TaskBoard::finished_through(int worker) const {
    if (worker < 0 || worker >= kMaxWorkers) return 0;
    return finished_[worker].load(std::memory_order_acquire);
}

void TaskBoard::finish(int worker, uint64_t seq) {
    if (worker >= 0 && worker < kMaxWorkers)
        finished_[worker].store(seq + 1, std::memory_order_release);
}

bool TaskBoard::has_work() const {
    return h_->closed.load(std::memory_order_relaxed) == 0 &&
           h_->claimed.load(std::memory_order_relaxed) < h_->posted.load(std::memory_order_relaxed);
}

uint64_t TaskBoard::posted() const {
    return h_->posted.load(std::memory_order_relaxed);
}

uint64_t TaskBoard::claimed() const {
    return h_->claimed.load(std::memory_order_acquire);
}

BoardEntry& TaskBoard::entry(uint64_t seq) const {
    return entries_[seq % kSlots];
}

void TaskBoard::stage(uint64_t seq, const BoardEntry& e) {
    BoardEntry& d = entry(seq);
    d.chunk_id = e.chunk_id;
    d.first = e.first;
    d.count = e.count;
    d.dispatch_ns = e.dispatch_ns;
    d.frame_offset = e.frame_offset;
    d.frame_bytes = e.frame_bytes;
    d.claim_ns.store(0, std::memory_order_relaxed);
    d.owner.store(-1, std::memory_order_relaxed);
}

void TaskBoard::publish(uint64_t posted) {
    const uint64_t before = h_->posted.load(std::memory_order_relaxed);
    if (posted == before) return;
    const BoardEntry& last = entry(posted - 1);
    h_->posted_end.store(last.frame_offset + last.frame_bytes, std::memory_order_relaxed);
    h_->posted.store(posted, std::memory_order_seq_cst);
    h_->post_gen.fetch_add(1, std::memory_order_seq_cst);
    // Only a worker that found the queue empty sleeps; the rest never cost a system call.
    if (h_->sleepers.load(std::memory_order_seq_cst) > 0)
        futex(&h_->post_gen, FUTEX_WAKE,
              static_cast<uint32_t>(std::min<uint64_t>(posted - before, INT_MAX)));
}

void TaskBoard::close() {
    if (!h_) return;
    h_->closed.store(1, std::memory_order_seq_cst);
    h_->post_gen.fetch_add(1, std::memory_order_seq_cst);
    futex(&h_->post_gen, FUTEX_WAKE, INT_MAX);
}

void TaskBoard::begin_write() {
    h_->write_gen.fetch_add(1, std::memory_order_seq_cst);
}

void TaskBoard::end_write(uint64_t bytes) {
    h_->written.fetch_add(bytes, std::memory_order_seq_cst);
    h_->write_gen.fetch_add(1, std::memory_order_seq_cst);
}

void TaskBoard::sleep_until_posted(uint32_t seen_gen) {
    h_->sleepers.fetch_add(1, std::memory_order_seq_cst);
    if (h_->post_gen.load(std::memory_order_seq_cst) == seen_gen)
        futex(&h_->post_gen, FUTEX_WAIT, seen_gen);  // returns at once if it moved meanwhile
    h_->sleepers.fetch_sub(1, std::memory_order_seq_cst);
}

bool TaskBoard::recover(int pipe_fd, std::string& error) {
    // Entries the dead holder claimed before it could advance `next` are its own: skip them.
    uint64_t n = h_->next;
    const uint64_t posted = h_->posted.load(std::memory_order_acquire);
    while (n < posted && entry(n).owner.load(std::memory_order_acquire) >= 0) ++n;
    h_->next = n;
    h_->claimed.store(n, std::memory_order_release);
    if (pipe_fd < 0) return true;
    // Where the stream must stand: at the frame of the next unclaimed entry.
    const uint64_t target =
        n < posted ? entry(n).frame_offset : h_->posted_end.load(std::memory_order_acquire);
    uint64_t pos = 0;
    for (;;) {
        const uint64_t g1 = h_->write_gen.load(std::memory_order_seq_cst);
        if (g1 & 1) {
            sched_yield();  // the engine is inside one non-blocking write
            continue;
        }
        int avail = 0;
        if (ioctl(pipe_fd, FIONREAD, &avail) != 0) {
            error = std::string("cannot inspect the task pipe: ") + strerror(errno);
            return false;
        }
        const uint64_t w = h_->written.load(std::memory_order_seq_cst);
        if (h_->write_gen.load(std::memory_order_seq_cst) != g1) continue;
        pos = w - static_cast<uint64_t>(avail);
        break;
    }
    if (pos > target) {
        error = "task pipe out of step after a worker died while reading";
        return false;
    }
    // The rest of the dead holder's frame: read and dropped.
    std::byte scratch[4096];
    for (uint64_t left = target - pos; left > 0;) {
        const std::size_t step = left < sizeof scratch ? left : sizeof scratch;
        if (read_full(pipe_fd, scratch, step) < step) {
            error = "task pipe closed while skipping a dead worker's frame";
            return false;
        }
        left -= step;
    }
    return true;
}

// The claimed task's whole frame: the header, then the payload summed as it arrives (the frame
// is checked against the header's checksum after the lock is released). False: the pipe ended.
bool TaskBoard::read_task_frame(int pipe_fd, Bytes& frame, ClaimedTask& t) {
    frame.resize(t.frame_bytes);
    // A small frame in one read (a tiny task must not pay a second system call); it is summed
    // whole afterwards.
    if (t.frame_bytes < kFrameHeaderSize + FrameDecoder::kCheckAsReadBytes)
        return read_full(pipe_fd, frame.data(), t.frame_bytes) == t.frame_bytes;
    if (read_full(pipe_fd, frame.data(), kFrameHeaderSize) < kFrameHeaderSize) return false;
    uint16_t type;
    uint64_t length;
    std::memcpy(&type, frame.data() + 6, 2);
    std::memcpy(&length, frame.data() + 8, 8);
    const std::size_t rest = t.frame_bytes - kFrameHeaderSize;
    if (length != rest)  // decode_task refuses it; the bytes are read all the same
        return read_full(pipe_fd, frame.data() + kFrameHeaderSize, rest) == rest;
    FrameChecksum sum(static_cast<FrameType>(type), length);
    if (read_full_summed(pipe_fd, frame.data() + kFrameHeaderSize, rest, sum) < rest) return false;
    t.payload_sum = sum.finish();
    return true;
}

bool TaskBoard::lock(int pipe_fd, std::string& error) {
    const int r = pthread_mutex_lock(&h_->read_lock);
    if (r == EOWNERDEAD) {
        // The previous holder died holding it: put the queue back in step first.
        const bool ok = recover(pipe_fd, error);
        pthread_mutex_consistent(&h_->read_lock);
        if (!ok) pthread_mutex_unlock(&h_->read_lock);
        return ok;
    }
    if (r != 0) {
        error = std::string("cannot take the task queue's lock: ") + strerror(r);
        return false;
    }
    return true;
}

std::optional<ClaimedTask> TaskBoard::claim(int worker, int pipe_fd, Bytes& frame,
                                            std::string& error, void (*before_sleep)(void*),
                                            void* arg) {
    for (;;) {
        const uint32_t gen = h_->post_gen.load(std::memory_order_seq_cst);
        if (!lock(pipe_fd, error)) return std::nullopt;
        // Closed: the pool is joined (nothing left) or stopping (no new task may start).
        const bool closed = h_->closed.load(std::memory_order_acquire) != 0;
        const uint64_t seq = h_->next;
        if (!closed && seq < h_->posted.load(std::memory_order_acquire)) {
            BoardEntry& e = entry(seq);
            ClaimedTask t{seq,           e.chunk_id,     e.first,       e.count,
                          e.dispatch_ns, monotonic_ns(), e.frame_bytes, std::nullopt};
            e.claim_ns.store(t.claim_ns, std::memory_order_relaxed);
            e.owner.store(worker, std::memory_order_release);  // the claim itself
            h_->next = seq + 1;
            h_->claimed.store(seq + 1, std::memory_order_release);
            const bool ok = t.frame_bytes == 0 || read_task_frame(pipe_fd, frame, t);
            pthread_mutex_unlock(&h_->read_lock);
            if (!ok) {  // the pipe ended: a stop closed it mid-frame, or the engine is gone
                if (h_->closed.load(std::memory_order_acquire) == 0)
                    error = "protocol error: truncated task frame";
                return std::nullopt;
            }
            return t;
        }
        pthread_mutex_unlock(&h_->read_lock);
        if (closed) return std::nullopt;
        if (before_sleep) before_sleep(arg);
        sleep_until_posted(gen);
    }
}

}  // namespace poolscope
