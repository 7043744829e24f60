#include "core/engine/worker_loop.h"

#include <sched.h>
#include <signal.h>
#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <mutex>
#include <new>

#include "core/engine/child_process.h"
#include "core/engine/pool_task_board.h"
#include "core/engine/result_batch.h"
#include "core/engine/result_slots.h"
#include "core/platform/clock.h"
#include "core/protocol/messages.h"

#ifndef MADV_POPULATE_WRITE
#define MADV_POPULATE_WRITE 23  // Linux 5.14; older headers lack it
#endif

namespace poolscope {

std::size_t read_full(int fd, void* buf, std::size_t n) {
    std::size_t got = 0;
    while (got < n) {
        const ssize_t r = read(fd, static_cast<char*>(buf) + got, n - got);
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) break;
        got += static_cast<std::size_t>(r);
    }
    return got;
}

std::size_t read_full_summed(int fd, std::byte* buf, std::size_t n, FrameChecksum& sum) {
    std::size_t got = 0;
    while (got < n) {
        const ssize_t r = read(fd, buf + got, n - got);
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) break;
        sum.update({buf + got, static_cast<std::size_t>(r)});
        got += static_cast<std::size_t>(r);
    }
    return got;
}

bool write_all(int fd, const void* buf, std::size_t n) {
    std::size_t off = 0;
    while (off < n) {
        const ssize_t r = write(fd, static_cast<const char*>(buf) + off, n - off);
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) return false;
        off += static_cast<std::size_t>(r);
    }
    return true;
}

namespace {

// The shared queue's worker sends its results in batches: a fatal message goes after them.
ResultBatch* g_results = nullptr;

[[noreturn]] void fatal(const std::string& why) {
    if (g_results) g_results->flush();
    Bytes out;
    append_fatal(out, why);
    write_all(kWorkerResultFd, out.data(), out.size());
    _exit(4);
}

void patch_i64(Bytes& out, std::size_t offset, int64_t v) {
    std::memcpy(out.data() + offset, &v, 8);
}

[[noreturn]] void hang_forever() {
    // A hung task: ignores SIGTERM too, so the engine's TERM → grace → KILL path is exercised.
    signal(SIGTERM, SIG_IGN);
    for (;;) pause();
}

[[noreturn]] void crash() {
    // As a fault in the task would end it: the batch's handler, if it owns SIGSEGV, sends the
    // results held first; any other handler (a sanitizer's) is bypassed so the worker dies of
    // the signal itself.
    if (!ResultBatch::sends_on(SIGSEGV)) signal(SIGSEGV, SIG_DFL);
    raise(SIGSEGV);
    _exit(5);
}

// A result that would exceed the frame limit is not sent: every item of the chunk fails with
// "result too large" and the worker goes on with its next task.
void replace_with_too_large(Bytes& out, ResultHeader rh, uint64_t limit, uint64_t size) {
    rh.compute_end_ns = rh.ser_end_ns = monotonic_ns();
    rh.outputs_omitted = 1;
    const std::string why = "result too large: " + std::to_string(size) +
                            " bytes exceed the frame limit of " + std::to_string(limit) + " bytes";
    // One entry stands for the whole chunk: listing every item would be large again.
    const std::vector<ItemFailure> failures{{rh.first, why}};
    out.clear();
    const std::size_t at = begin_frame(out, FrameType::Result);
    put_result_fixed(out, rh);
    put_result_failures(out, failures);
    end_frame(out, at);
}

// --transport shm: the chunk's pages of the shared segment enter this worker's page tables on
// first touch, one minor fault per page (or per few pages). Faulting them in before the compute
// stamp keeps that cost apart from the work: with shm nothing is decoded, so a chunk's
// recv_end → compute_start is its page-fault time (docs/metrics.md, page_fault_s).
// MADV_POPULATE_WRITE faults a range in writable without touching its bytes (a neighbouring
// chunk's outputs may share the edge pages); before Linux 5.14 a read per page does it. A worker
// remembers the pages it populated (chunks come in order, so one growing interval per array):
// tiny chunks that share a page cost one system call per page, not two per chunk.
struct Populated {
    uintptr_t lo = 0, hi = 0;
};

void fault_in(std::span<const std::byte> range, Populated& done) {
    if (range.empty()) return;
    static const uintptr_t page = static_cast<uintptr_t>(sysconf(_SC_PAGESIZE));
    const uintptr_t from = reinterpret_cast<uintptr_t>(range.data()) & ~(page - 1);
    const uintptr_t to = reinterpret_cast<uintptr_t>(range.data() + range.size());
    if (from >= done.lo && to <= done.hi) return;
    const uintptr_t end = (to + page - 1) & ~(page - 1);
    if (madvise(reinterpret_cast<void*>(from), to - from, MADV_POPULATE_WRITE) != 0) {
        for (uintptr_t p = std::max(from, reinterpret_cast<uintptr_t>(range.data())); p < to;
             p = (p & ~(page - 1)) + page)
            (void)*reinterpret_cast<const volatile std::byte*>(p);
    }
    if (from <= done.hi && end >= done.lo && done.hi > done.lo)
        done = {std::min(done.lo, from), std::max(done.hi, end)};
    else
        done = {from, end};
}

}  // namespace

void run_task(Workload& wl, const WorkerOptions& opt, const TaskHeader& th, const TaskIo& io,
              int64_t recv_start, int64_t recv_end, Bytes& out) {
    const uint64_t inb = wl.input_bytes(), outb = wl.output_bytes();
    ResultHeader rh;
    rh.chunk_id = th.chunk_id;
    rh.first = th.first;
    rh.count = th.count;
    rh.recv_start_ns = recv_start;
    rh.recv_end_ns = recv_end;
    if (io.outputs) {
        static thread_local Populated inputs_done, outputs_done;  // this worker's
        fault_in(io.inputs, inputs_done);
        fault_in({io.outputs, th.count * outb}, outputs_done);
    }
    rh.compute_start_ns = monotonic_ns();
    rh.worker = opt.index;
    out.clear();
    const std::size_t at = begin_frame(out, FrameType::Result);
    const std::size_t fixed_at = out.size();
    put_result_fixed(out, rh);
    const std::size_t outputs_at = out.size();
    if (!io.outputs) out.resize(outputs_at + th.count * outb);
    if (opt.faults.crash_chunk == th.chunk_id) crash();
    if (opt.faults.hang_chunk == th.chunk_id) hang_forever();
    std::vector<ItemFailure> failures;
    int64_t last_release = 0;
    for (uint64_t i = 0; i < th.count; ++i) {
        const uint64_t item = th.first + i;
        std::byte* dst = io.outputs ? io.outputs + i * outb : out.data() + outputs_at + i * outb;
        if (opt.faults.error_item == item) {
            failures.push_back({item, "injected error on item " + std::to_string(item)});
            continue;
        }
        std::optional<std::string> err;
        if (opt.item_lock) {
            std::lock_guard<std::mutex> held(*opt.item_lock);
            // Under the lock the chunk computes from its first item's acquisition to its last
            // item's release: waiting for the lock before the first item is not compute.
            if (i == 0) patch_i64(out, fixed_at + 8 * 5, monotonic_ns());  // compute_start_ns
            err = wl.run_item(item, io.inputs.subspan(i * inb, inb), {dst, outb});
            last_release = monotonic_ns();
        } else {
            err = wl.run_item(item, io.inputs.subspan(i * inb, inb), {dst, outb});
        }
        if (err) failures.push_back({item, std::move(*err)});
    }
    patch_i64(out, fixed_at + 8 * 6, last_release ? last_release : monotonic_ns());  // compute_end
    put_result_failures(out, failures);
    patch_i64(out, fixed_at + kResultSerEndOffset, monotonic_ns());
    if (opt.max_frame > 0 && out.size() - at - kFrameHeaderSize > opt.max_frame)
        replace_with_too_large(out, rh, opt.max_frame, out.size() - at - kFrameHeaderSize);
    else
        end_frame(out, at);
    if (opt.faults.corrupt_chunk == th.chunk_id && out.size() > kFrameHeaderSize)
        out.back() ^= std::byte{0x5a};  // after the checksum: the engine must catch it
}

namespace {

// The task's inputs and outputs, checked against the frame or the segment's bounds.
std::optional<TaskIo> task_io(const Workload& wl, const WorkerOptions& opt, const TaskHeader& th,
                              PayloadReader& r) {
    const uint64_t inb = wl.input_bytes(), outb = wl.output_bytes();
    TaskIo io;
    if (th.inline_inputs) {
        if (inb && th.count > r.remaining() / inb) return std::nullopt;  // no wrap-around
        io.inputs = r.bytes(th.count * inb);
        if (r.failed()) return std::nullopt;
        return io;
    }
    const uint64_t end = th.first + th.count;
    if (end < th.first || (inb && end > opt.shm_inputs.size() / inb) ||
        (outb && end > opt.shm_outputs.size() / outb))
        return std::nullopt;
    io.inputs = opt.shm_inputs.subspan(th.first * inb, th.count * inb);
    io.outputs = opt.shm_outputs.data() + th.first * outb;
    return io;
}

}  // namespace

namespace {
[[noreturn]] void serve_tasks(Workload& wl, const WorkerOptions& opt);
}  // namespace

[[noreturn]] void worker_main(Workload& wl, const WorkerOptions& opt) {
    if (opt.pin_cpu >= 0) {
        cpu_set_t set;
        CPU_ZERO(&set);
        CPU_SET(opt.pin_cpu, &set);
        if (sched_setaffinity(0, sizeof set, &set) != 0)
            fatal("cannot pin to CPU " + std::to_string(opt.pin_cpu) + ": " + strerror(errno));
    }
    try {
        serve_tasks(wl, opt);
    } catch (const std::bad_alloc&) {
        // The buffers of the chunk are gone with the stack: there is room for the message.
        fatal("out of memory: a chunk's buffers could not be allocated (std::bad_alloc)");
    }
}

namespace {

// A task frame's header and task header, checked; the frame is whole in `raw`. summed: the
// payload's checksum when it was taken as the payload arrived (nullopt: computed here).
TaskHeader decode_task(const WorkerOptions& opt, std::span<const std::byte> raw,
                       std::span<const std::byte>& payload, std::optional<uint64_t> summed) {
    FrameHeader hdr;
    if (auto why = parse_frame_header(raw.first(kFrameHeaderSize), opt.max_frame, hdr))
        fatal("protocol error: " + *why);
    payload = raw.subspan(kFrameHeaderSize);
    if (hdr.type != FrameType::Task || hdr.length != payload.size() ||
        (summed ? *summed : frame_checksum(hdr.type, payload)) != hdr.checksum)
        fatal("protocol error: bad task frame (type, length or checksum)");
    PayloadReader r(payload);
    const auto th = read_task_header(r);
    if (!th) fatal("protocol error: malformed task");
    payload = payload.subspan(kTaskHeaderBytes);
    return *th;
}

// Runs the task; its result frame is left in `out`.
void answer(Workload& wl, const WorkerOptions& opt, const TaskHeader& th,
            std::span<const std::byte> inputs, int64_t recv_start, int64_t recv_end, Bytes& out) {
    PayloadReader r(inputs);
    const auto io = task_io(wl, opt, th, r);
    if (!io || r.remaining() != 0) fatal("protocol error: malformed task");
    run_task(wl, opt, th, *io, recv_start, recv_end, out);
}

// How a worker of the shared queue delivers its results: Result frames in batches
// (result_batch.h) and, with shm, records in its ring (result_slots.h) — the engine is told of
// those with one Published frame, only when they are due and it sleeps.
struct Delivery {
    ResultBatch& batch;
    ResultSlots* slots = nullptr;  // nullptr: frames only
    uint32_t frames = 0;           // Result frames sent (or held to send) so far
    uint64_t held = 0;             // records published since the engine was last told
    int64_t first_claimed_ns = 0;  // of the first of them

    bool due(int64_t now) const {
        const BatchLimits limits;
        return held > 0 && (held >= ResultSlots::kDue || now - first_claimed_ns >= limits.delay_ns);
    }
    // False: the pipe is gone.
    bool send() {
        if (!batch.flush()) return false;
        if (held == 0) return true;
        held = 0;
        if (!slots->take_sleeping()) return true;  // awake: it looks at the rings itself
        Bytes wake;
        end_frame(wake, begin_frame(wake, FrameType::Published));
        return write_all(kWorkerResultFd, wake.data(), wake.size());
    }
    // The result in `out` (a shm task's frame, no outputs in it) as a record instead, when it
    // has no failures and the ring has room.
    bool in_place(const WorkerOptions& opt, const Bytes& out, const ClaimedTask& t) {
        PayloadReader r(std::span<const std::byte>(out).subspan(kFrameHeaderSize));
        auto h = read_result_fixed(r);
        const bool corrupt = opt.faults.corrupt_chunk == t.chunk_id;
        if (!h || h->outputs_omitted ||
            (!corrupt && (!read_result_failures(r, *h) || !h->failures.empty())))
            return false;
        const ResultRecord rec{h->chunk_id,
                               h->recv_start_ns,
                               h->recv_end_ns,
                               h->compute_start_ns,
                               h->compute_end_ns,
                               h->ser_end_ns,
                               frames,
                               opt.index,
                               0};
        if (!slots->publish(opt.index, rec, corrupt)) return false;
        if (held++ == 0) first_claimed_ns = t.claim_ns;
        return true;
    }
};

void send_or_leave(void* delivery) {
    if (!static_cast<Delivery*>(delivery)->send()) _exit(0);  // the engine closed the pipe
}

// The shared queue: claim the next task when free, until the board is closed. Results of
// back-to-back tasks leave together (Delivery); the board learns of each finished task before
// its result is sent, so a death tells finished chunks from the running one.
[[noreturn]] void serve_board(Workload& wl, const WorkerOptions& opt, Bytes& out) {
    TaskBoard board;
    board.attach(opt.board);
    ResultBatch batch(kWorkerResultFd, BatchLimits{});
    batch.send_on_fatal_signals();
    g_results = &batch;
    Delivery d{batch};
    if (board.results().has_ring(opt.index)) d.slots = &board.results();
    Bytes frame;
    std::string err;
    for (;;) {
        const auto t = board.claim(opt.index, kWorkerTaskFd, frame, err, send_or_leave, &d);
        if (!t) {
            if (!err.empty()) fatal(err);
            send_or_leave(&d);
            _exit(0);  // closed: the pool is being joined or stopped
        }
        const int64_t recv_end = monotonic_ns();
        if (t->frame_bytes == 0) {  // shm: the entry is the whole task
            const TaskHeader th{t->chunk_id, t->first, t->count, t->dispatch_ns, 0};
            answer(wl, opt, th, {}, t->claim_ns, recv_end, out);
        } else {
            if (frame.size() < kFrameHeaderSize)
                fatal("protocol error: truncated task frame header");
            std::span<const std::byte> inputs;
            const TaskHeader th = decode_task(opt, frame, inputs, t->payload_sum);
            if (th.chunk_id != t->chunk_id || th.first != t->first || th.count != t->count)
                fatal("protocol error: task frame does not match its queue entry");
            answer(wl, opt, th, inputs, t->claim_ns, recv_end, out);
        }
        board.finish(opt.index, t->seq);
        const int64_t now = monotonic_ns();
        if (!(t->frame_bytes == 0 && d.slots && d.in_place(opt, out, *t))) {
            ++d.frames;
            if (!batch.add(out, t->claim_ns, now)) _exit(0);
        }
        if (!board.has_work() || d.due(now)) send_or_leave(&d);
    }
}

// Reads task frames from its own pipe and answers them until the engine closes it.
[[noreturn]] void serve_tasks(Workload& wl, const WorkerOptions& opt) {
    wl.enter_worker(opt.lib_threads);
    Bytes out;
    append_ready(out, {getpid(), monotonic_ns(), opt.index});
    if (!write_all(kWorkerResultFd, out.data(), out.size())) _exit(0);
    if (opt.board) serve_board(wl, opt, out);
    Bytes frame;
    for (;;) {
        frame.resize(kFrameHeaderSize);
        const std::size_t got = read_full(kWorkerTaskFd, frame.data(), kFrameHeaderSize);
        if (got == 0) _exit(0);  // the engine closed the task pipe: the pool is being joined
        const int64_t recv_start = monotonic_ns();
        if (got < kFrameHeaderSize) fatal("protocol error: truncated task frame header");
        FrameHeader hdr;
        if (auto why = parse_frame_header(frame, opt.max_frame, hdr))
            fatal("protocol error: " + *why);
        frame.resize(kFrameHeaderSize + hdr.length);
        FrameChecksum sum(hdr.type, hdr.length);
        if (read_full_summed(kWorkerTaskFd, frame.data() + kFrameHeaderSize, hdr.length, sum) <
            hdr.length)
            fatal("protocol error: truncated task frame");
        const int64_t recv_end = monotonic_ns();
        std::span<const std::byte> inputs;
        const TaskHeader th = decode_task(opt, frame, inputs, sum.finish());
        answer(wl, opt, th, inputs, recv_start, recv_end, out);
        if (!write_all(kWorkerResultFd, out.data(), out.size())) _exit(0);
    }
}

}  // namespace

}  // namespace poolscope
