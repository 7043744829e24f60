#include "core/engine/result_slots.h"

#include <cstring>
#include <new>

namespace poolscope {

struct ResultSlots::Header {
    alignas(64) std::atomic<uint32_t> sleeping{0};
};

struct ResultSlots::Ring {
    alignas(64) std::atomic<uint64_t> head{0};  // records published (worker)
    alignas(64) std::atomic<uint64_t> tail{0};  // records consumed (engine)
    alignas(64) ResultRecord records[kRecords];
};

static_assert(sizeof(ResultRecord) == 64);
static_assert(sizeof(ResultSlots::kRecords) &&
              (ResultSlots::kRecords & (ResultSlots::kRecords - 1)) == 0);

namespace {
constexpr std::size_t kHeaderBytes = 64;
}

std::size_t ResultSlots::bytes() {
    return kHeaderBytes + kRings * sizeof(Ring);
}

// The rings (2 MiB) are not touched here: the memory is zeroed, and a ring's counters are set up
// by reset() before its worker starts, so a run pays only for the rings of its workers.
void ResultSlots::create(std::byte* mem) {
    h_ = new (mem) Header;
    rings_ = reinterpret_cast<Ring*>(mem + kHeaderBytes);
}

void ResultSlots::attach(std::byte* mem) {
    h_ = reinterpret_cast<Header*>(mem);
    rings_ = reinterpret_cast<Ring*>(mem + kHeaderBytes);
}

uint64_t ResultSlots::seal_of(const ResultRecord& r) {
    // A multiply-rotate over the seven words before the seal: any flipped bit changes it.
    uint64_t words[7];
    std::memcpy(words, &r, sizeof words);
    uint64_t h = 0x9e3779b97f4a7c15ULL;
    for (uint64_t w : words) {
        h ^= w;
        h *= 0xff51afd7ed558ccdULL;
        h ^= h >> 29;
    }
    return h;
}

bool ResultSlots::publish(int worker, ResultRecord r, bool corrupt) {
    Ring& ring = rings_[worker];
    const uint64_t n = ring.head.load(std::memory_order_relaxed);
    if (n - ring.tail.load(std::memory_order_acquire) >= kRecords) return false;
    r.seal = seal_of(r);
    if (corrupt) r.compute_end_ns ^= 0x5a;
    ring.records[n % kRecords] = r;
    // seq_cst: ordered before the worker's look at `sleeping` (see set_sleeping).
    ring.head.store(n + 1, std::memory_order_seq_cst);
    return true;
}

bool ResultSlots::take_sleeping() {
    return h_->sleeping.load(std::memory_order_seq_cst) != 0 &&
           h_->sleeping.exchange(0, std::memory_order_seq_cst) != 0;
}

void ResultSlots::reset(int worker) {
    if (!has_ring(worker)) return;
    new (&rings_[worker].head) std::atomic<uint64_t>(0);
    new (&rings_[worker].tail) std::atomic<uint64_t>(0);
}

uint64_t ResultSlots::head(int worker) const {
    return rings_[worker].head.load(std::memory_order_seq_cst);
}

const ResultRecord& ResultSlots::record(int worker, uint64_t n) const {
    return rings_[worker].records[n % kRecords];
}

void ResultSlots::consumed(int worker, uint64_t upto) {
    rings_[worker].tail.store(upto, std::memory_order_release);
}

// The engine raises the flag, then reads every ring's head (seq_cst); a worker stores its head,
// then reads the flag (seq_cst): either the engine sees the record or the worker sees the flag.
void ResultSlots::set_sleeping(bool on) {
    h_->sleeping.store(on ? 1 : 0, std::memory_order_seq_cst);
}

}  // namespace poolscope
