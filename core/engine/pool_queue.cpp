#include "core/engine/pool_queue.h"

#include <fcntl.h>
#include <sys/uio.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>

#include "core/engine/child_process.h"
#include "core/platform/clock.h"
#include "core/protocol/messages.h"

namespace poolscope {

namespace {

// Encoded but unwritten task bytes stop the encoding beyond one frame (an 8 MB item is
// encoded once the pipe took the one before).
constexpr std::size_t kQueueBytes = 1 << 20;

// Chunks posted but unclaimed: enough that a worker finds a batch's worth of tasks
// (result_batch.h) on the board while the engine sleeps, as Python's task handler fills its
// queue ahead of the workers. With shm a worker tells the engine of its results only every
// ResultSlots::kDue records (or 1 ms): the board holds two such batches per worker, so in a
// steady run no worker waits for the engine to post. The imap window and a stop bound it apart
// (a closed board hands out nothing).
uint64_t queue_ahead(const PoolState& st) {
    const uint64_t w = static_cast<uint64_t>(st.ctx->config.workers);
    const uint64_t batch = st.use_shm ? 2 * ResultSlots::kDue : 32;
    return std::min<uint64_t>(TaskBoard::kSlots / 2, std::max<uint64_t>(2 * w + 2, batch * w));
}

// Read once per process: it is part of every run's start-up otherwise.
int pipe_max_size() {
    static const int size = [] {
        std::ifstream f("/proc/sys/fs/pipe-max-size");
        long v = 0;
        if (f >> v && v > 0 && v <= (1L << 30)) return static_cast<int>(v);
        return 1 << 20;
    }();
    return size;
}

bool any_ready(const PoolState& st) {
    return std::any_of(st.slots.begin(), st.slots.end(),
                       [](const WorkerSlot& s) { return s.ready && s.alive && !s.doomed; });
}

// Payloads at least this large are written from the workload's inputs, not copied into a
// frame first (below it, one write of a few frames costs less than a gathered write).
constexpr std::size_t kDirectPayloadBytes = 64 * 1024;
constexpr int kMaxPieces = 64;  // per writev (IOV_MAX is 1024)

void add_own_piece(PoolState& st, std::size_t bytes) {
    if (!st.queue_pieces.empty() && !st.queue_pieces.back().from)
        st.queue_pieces.back().bytes += bytes;
    else
        st.queue_pieces.push_back({nullptr, bytes});
}

// The written bytes leave the front of the pieces (and of queue_out, for its own pieces).
void consume_pieces(PoolState& st, std::size_t n) {
    while (n > 0) {
        auto& p = st.queue_pieces.front();
        const std::size_t left = p.bytes - st.piece_off;
        if (n < left) {
            st.piece_off += n;
            return;
        }
        n -= left;
        if (!p.from) st.queue_out_off += p.bytes;
        st.queue_pieces.pop_front();
        st.piece_off = 0;
    }
}

void write_queue(PoolState& st) {
    while (st.queue_fd >= 0 && !st.queue_pieces.empty()) {
        iovec iov[kMaxPieces];
        int k = 0;
        std::size_t own = st.queue_out_off, skip = st.piece_off;
        for (const auto& p : st.queue_pieces) {
            if (k == kMaxPieces) break;
            const std::byte* base = p.from ? p.from : st.queue_out.data() + own;
            iov[k++] = {const_cast<std::byte*>(base + skip), p.bytes - skip};
            if (!p.from) own += p.bytes;
            skip = 0;
        }
        st.board.begin_write();
        const ssize_t n = writev(st.queue_fd, iov, k);
        st.board.end_write(n > 0 ? static_cast<uint64_t>(n) : 0);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) break;  // EAGAIN: the pipe is full; POLLOUT brings us back
        consume_pieces(st, static_cast<std::size_t>(n));
        st.stream_written += static_cast<uint64_t>(n);
    }
    if (st.queue_pieces.empty()) {
        st.queue_out.clear();
        st.queue_out_off = 0;
    } else if (st.queue_out_off > st.queue_out.size() / 2) {
        st.queue_out.erase(st.queue_out.begin(),
                           st.queue_out.begin() + static_cast<std::ptrdiff_t>(st.queue_out_off));
        st.queue_out_off = 0;
    }
}

// Appends chunk id's task frame to the stream; its size. A large payload that the workload
// keeps in memory goes from there: only the headers are encoded, and the checksum is taken
// over the inputs in place.
std::size_t queue_task_frame(PoolState& st, uint64_t id) {
    const Workload& wl = *st.ctx->workload;
    const ChunkSpec& spec = st.plan[id];
    const auto inputs = wl.inputs_in_memory(spec.first, spec.count);
    const std::size_t at = st.queue_out.size();
    if (inputs.size() < kDirectPayloadBytes || inputs.size() != spec.count * wl.input_bytes()) {
        encode_task_frame(st, st.queue_out, id);
        add_own_piece(st, st.queue_out.size() - at);
        return st.queue_out.size() - at;
    }
    ChunkRecord& c = st.chunks[id];
    const int64_t t = monotonic_ns();
    c.dispatch_ns = t;
    begin_frame(st.queue_out, FrameType::Task);
    put_task_header(st.queue_out, {id, spec.first, spec.count, t, 1});
    end_frame_with(st.queue_out, at, inputs);
    add_own_piece(st, st.queue_out.size() - at);
    st.queue_pieces.push_back({inputs.data(), inputs.size()});
    c.bytes_in = st.queue_out.size() - at + inputs.size();
    c.engine_ser_ns = monotonic_ns() - t;
    return c.bytes_in;
}

void stage_next(PoolState& st, uint64_t id, int64_t now) {
    BoardEntry e;
    e.chunk_id = id;
    e.first = st.plan[id].first;
    e.count = st.plan[id].count;
    ChunkRecord& c = st.chunks[id];
    if (st.use_shm) {
        // The entry is the whole task: nothing travels through the pipe. It is posted with the
        // rest of this pass, at `now`.
        c.dispatch_ns = now;
        c.bytes_in = sizeof(BoardEntry);
        c.engine_ser_ns = 0;
        e.frame_offset = st.stream_encoded;
    } else {
        e.frame_offset = st.stream_encoded;
        e.frame_bytes = queue_task_frame(st, id);
        st.stream_encoded += e.frame_bytes;
    }
    e.dispatch_ns = c.dispatch_ns;
    st.board.stage(st.staged++, e);
}

void note_entry(PoolState& st, uint64_t seq) {
    const BoardEntry& e = st.board.entry(seq);
    const int owner = e.owner.load(std::memory_order_acquire);
    if (owner < 0 || static_cast<std::size_t>(owner) >= st.slots.size()) return;
    WorkerSlot& s = st.slots[static_cast<std::size_t>(owner)];
    st.chunks[e.chunk_id].worker = owner;
    const int64_t claimed = e.claim_ns.load(std::memory_order_relaxed);
    if (s.inflight.empty()) s.busy_since_ns = claimed;
    if (st.claim_seq.size() < st.plan.size()) {
        st.claim_seq.resize(st.plan.size());
        st.claim_ns.resize(st.plan.size());
    }
    st.claim_seq[e.chunk_id] = seq;
    st.claim_ns[e.chunk_id] = claimed;
    s.inflight.push_back(e.chunk_id);
}

}  // namespace

bool uses_queue(const RunConfig& cfg) {
    return cfg.dispatch != Dispatch::Static;
}

std::optional<std::string> open_queue(PoolState& st) {
    if (auto e = st.board.create(st.shm.board())) return e;
    int p[2];
    if (pipe2(p, O_CLOEXEC) != 0) return std::string("cannot create a pipe: ") + strerror(errno);
    st.queue_read_fd = p[0];
    st.queue_fd = p[1];
    // The largest pipe the system allows: more frames per write and per wake-up. Best effort.
    fcntl(st.queue_fd, F_SETPIPE_SZ, pipe_max_size());
    fcntl(st.queue_fd, F_SETFL, O_NONBLOCK);
    return std::nullopt;
}

void encode_task_frame(PoolState& st, Bytes& out, uint64_t id) {
    const Workload& wl = *st.ctx->workload;
    const ChunkSpec& spec = st.plan[id];
    ChunkRecord& c = st.chunks[id];
    const int64_t t = monotonic_ns();
    c.dispatch_ns = t;
    const std::size_t at = begin_frame(out, FrameType::Task);
    put_task_header(out, {id, spec.first, spec.count, t, st.use_shm ? 0u : 1u});
    if (!st.use_shm) {  // with shm the inputs are in the segment already: only the range travels
        const uint64_t inb = wl.input_bytes();
        const std::size_t base = out.size();
        out.resize(base + spec.count * inb);
        for (uint64_t i = 0; i < spec.count; ++i)
            wl.read_input(spec.first + i, {out.data() + base + i * inb, inb});
    }
    end_frame(out, at);
    c.bytes_in = out.size() - at;
    c.engine_ser_ns = monotonic_ns() - t;
}

void feed_queue(PoolState& st) {
    if (!st.board.valid() || st.stopping || !st.dispatch_open || st.queue_fd < 0) return;
    if (any_ready(st)) {
        const bool imap = st.ctx->config.dispatch == Dispatch::Imap;
        const uint64_t ahead = queue_ahead(st);
        const int64_t now = st.use_shm ? monotonic_ns() : 0;
        while (!st.queue.empty() && st.staged - st.board.claimed() < ahead &&
               st.staged - st.noted + 1 < TaskBoard::kSlots &&
               st.stream_encoded - st.stream_written < kQueueBytes) {
            const uint64_t id = st.queue.front();
            if (imap && id >= st.deliver_next + st.imap_window) break;  // ordered buffer full
            st.queue.pop_front();
            stage_next(st, id, now);
        }
    }
    write_queue(st);
    // An entry is posted once its frame has begun to enter the pipe: the claiming worker reads
    // the rest as the engine writes it (a frame larger than the pipe could not be otherwise).
    uint64_t p = st.posted;
    while (p < st.staged) {
        const BoardEntry& e = st.board.entry(p);
        if (e.frame_bytes > 0 && e.frame_offset >= st.stream_written) break;
        ++p;
    }
    if (p != st.posted) {
        st.board.publish(p);
        st.posted = p;
    }
}

bool queue_wants_write(const PoolState& st) {
    return st.queue_fd >= 0 && !st.queue_pieces.empty();
}

void note_claims(PoolState& st) {
    if (!st.board.valid()) return;
    const uint64_t upto = st.board.claimed();
    for (; st.noted < upto; ++st.noted) {
        auto it = std::find(st.noted_ahead.begin(), st.noted_ahead.end(), st.noted);
        if (it != st.noted_ahead.end()) {
            st.noted_ahead.erase(it);
            continue;
        }
        note_entry(st, st.noted);
    }
}

void note_claims_of(PoolState& st, const WorkerSlot& dead) {
    note_claims(st);
    if (!st.board.valid()) return;
    for (uint64_t seq = st.noted; seq < st.posted; ++seq) {
        if (std::find(st.noted_ahead.begin(), st.noted_ahead.end(), seq) != st.noted_ahead.end())
            continue;
        if (st.board.entry(seq).owner.load(std::memory_order_acquire) != dead.index) continue;
        note_entry(st, seq);
        st.noted_ahead.push_back(seq);
    }
}

std::size_t first_unfinished(const PoolState& st, const WorkerSlot& slot) {
    if (!st.board.valid() || st.claim_seq.size() < st.plan.size()) return 0;
    const uint64_t through = st.board.finished_through(slot.index);
    std::size_t i = 0;
    while (i < slot.inflight.size() && st.claim_seq[slot.inflight[i]] < through) ++i;
    return i;
}

std::size_t running_position(const PoolState& st, const WorkerSlot& slot) {
    const std::size_t k = first_unfinished(st, slot);
    return k < slot.inflight.size() ? k : 0;
}

bool queue_has_work(const PoolState& st) {
    return !st.queue.empty() || (st.board.valid() && st.staged > st.board.claimed());
}

void close_queue(PoolState& st) {
    st.board.close();
    close_fd(st.queue_fd);
    close_fd(st.queue_read_fd);
    Bytes().swap(st.queue_out);
    st.queue_out_off = 0;
    st.queue_pieces.clear();
    st.piece_off = 0;
}

}  // namespace poolscope
