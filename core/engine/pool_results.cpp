#include "core/engine/pool_results.h"

#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <new>

#include "core/engine/child_process.h"
#include "core/engine/chunk_result.h"
#include "core/engine/output_hashing.h"
#include "core/engine/pool_queue.h"
#include "core/platform/clock.h"
#include "core/protocol/messages.h"

namespace poolscope {

namespace {

constexpr int kMaxRetries = 2;

// The caller receives chunk results per dispatch mode: imap in index order (a later chunk
// waits for the earlier ones), imap_unordered and apply_async as they arrive; map and static
// all at once at the end (see finish()).
void deliver(PoolState& st, uint64_t id) {
    st.settled[id] = true;
    const Dispatch d = st.ctx->config.dispatch;
    if (d == Dispatch::ImapUnordered || d == Dispatch::ApplyAsync) {
        st.result.delivery_order.push_back(id);
    } else if (d == Dispatch::Imap) {
        while (st.deliver_next < st.settled.size() && st.settled[st.deliver_next])
            st.result.delivery_order.push_back(st.deliver_next++);
    }
}

void finish_chunk(PoolState& st, uint64_t id) {
    if (st.finished[id]) return;
    st.finished[id] = true;
    ++st.finished_count;
    deliver(st, id);
}

void mark_items_failed(PoolState& st, uint64_t id) {
    const ChunkSpec& c = st.plan[id];
    st.chunks[id].failed_items = c.count;
    st.result.items_failed += c.count;
}

void handle_ready(PoolState& st, WorkerSlot& slot, std::span<const std::byte> payload) {
    const auto m = read_ready(payload);
    if (!m) return;
    slot.ready = true;
    auto& rec = st.result.worker_records[slot.record];
    rec.ready_ns = m->ready_ns;
    rec.state = "ready";
    st.ctx->observer->on_worker(
        {st.ctx->run_id, slot.index, slot.pid, "ready", -1, 0, m->ready_ns, rec.host});
}

// A checked result of the worker's front chunk: counted, stamped, delivered.
void account_result(PoolState& st, WorkerSlot& slot, const ChunkResult& checked, int64_t now,
                    std::size_t payload_bytes, bool timed = true) {
    const uint64_t id = checked.header.chunk_id;
    const ChunkSpec& spec = st.plan[id];
    st.result.checksum += checked.checksum;
    st.result.checksum_items += checked.items;
    ChunkRecord& c = st.chunks[id];
    stamp_chunk(c, checked, slot.index, now, payload_bytes, timed);
    st.result.items_failed += checked.failed;
    st.items_done += spec.count - checked.failed;
    report_item_failures(*st.errors, checked, id, slot.index, slot.pid);
    slot.inflight.pop_front();
    slot.busy_since_ns = now;
    auto& rec = st.result.worker_records[slot.record];
    ++rec.chunks;
    rec.items += spec.count;
    st.t_last = now;
    finish_chunk(st, id);
    st.ctx->observer->on_chunk(st.ctx->run_id, c);
}

std::span<const std::byte> outputs_in_segment(const PoolState& st, const ChunkSpec& spec) {
    const uint64_t outb = st.ctx->workload->output_bytes();
    return st.shm.outputs().subspan(spec.first * outb, spec.count * outb);
}

// Checks the result against what was sent, hashes every finished item's output (the accounting
// step every backend shares, chunk_result.h).
bool handle_result(PoolState& st, WorkerSlot& slot, std::span<const std::byte> payload,
                   int64_t now) {
    PayloadReader r(payload);
    auto fixed = read_result_fixed(r);
    // Records published before this frame come first.
    if (fixed && (slot.inflight.empty() || fixed->chunk_id != slot.inflight.front()))
        collect_results(st, slot);
    if (fixed && st.board.valid() &&
        (slot.inflight.empty() || fixed->chunk_id != slot.inflight.front()))
        note_claims(st);  // claimed from the shared queue since the engine last looked
    if (!fixed || slot.inflight.empty() || fixed->chunk_id != slot.inflight.front()) return false;
    const ChunkSpec& spec = st.plan[fixed->chunk_id];
    const uint64_t outb = st.ctx->workload->output_bytes();
    // Outputs travel in the frame (pipe) or wait in the shared segment (shm).
    std::optional<std::span<const std::byte>> in_segment;
    if (st.use_shm) in_segment = outputs_in_segment(st, spec);
    const auto checked = check_chunk_result(std::move(*fixed), r, spec, outb, in_segment);
    if (!checked) return false;
    ++slot.result_frames;
    account_result(st, slot, *checked, now, payload.size());
    return true;
}

// One record of the worker's ring: it must be sealed and answer the front chunk.
bool handle_record(PoolState& st, WorkerSlot& slot, const ResultRecord& rec, int64_t now) {
    if (slot.inflight.empty() || rec.chunk_id != slot.inflight.front()) note_claims(st);
    if (slot.inflight.empty() || rec.chunk_id != slot.inflight.front() || rec.worker != slot.index)
        return false;
    const ChunkSpec& spec = st.plan[rec.chunk_id];
    const auto hashed = hash_chunk_outputs(spec.first, spec.count, outputs_in_segment(st, spec),
                                           st.ctx->workload->output_bytes(), {});
    if (!hashed) return false;
    ChunkResult checked;
    checked.header = ResultHeader{.chunk_id = rec.chunk_id,
                                  .first = spec.first,
                                  .count = spec.count,
                                  .recv_start_ns = rec.recv_start_ns,
                                  .recv_end_ns = rec.recv_end_ns,
                                  .compute_start_ns = rec.compute_start_ns,
                                  .compute_end_ns = rec.compute_end_ns,
                                  .ser_end_ns = rec.ser_end_ns,
                                  .failures = {},
                                  .worker = rec.worker,
                                  .outputs_omitted = 0};
    checked.checksum = hashed->checksum;
    checked.items = hashed->items;
    account_result(st, slot, checked, now, sizeof(ResultRecord) - kFrameHeaderSize, false);
    return true;
}

// A stream that does not decode is charged to the chunk whose frame it was (the front); a
// worker's fatal message or a stream cut short by its end, to the chunk it was running.
void protocol_failure(PoolState& st, WorkerSlot& slot, const std::string& why,
                      bool bad_frame = true) {
    // The worker's claims from the shared queue the engine has not looked at yet: a bad frame
    // can come before the engine noted the claim of the chunk it answers (a loaded machine).
    note_claims_of(st, slot);
    // A worker's end: what it published in its ring before counts (a bad frame or record is
    // charged to the front chunk as it stands).
    if (!bad_frame) collect_results(st, slot);
    const std::size_t at = bad_frame ? 0 : running_position(st, slot);
    const int64_t chunk = slot.inflight.empty() ? -1 : static_cast<int64_t>(slot.inflight[at]);
    const RunError e = protocol_error(
        "worker " + std::to_string(slot.index) + " (pid " + std::to_string(slot.pid) + ")", why,
        slot.index, slot.pid, chunk);
    end_worker(slot, monotonic_ns());
    if (slot.inflight.empty()) add_error(st, e);
    release_inflight(st, slot, e, at);
}

bool handle_frame(PoolState& st, WorkerSlot& slot, const Frame& f, int64_t now) {
    switch (f.type) {
        case FrameType::Ready:
            handle_ready(st, slot, f.payload);
            return true;
        case FrameType::Result:
            if (!handle_result(st, slot, f.payload, now)) {
                protocol_failure(st, slot, "malformed or unexpected result frame");
                return false;
            }
            return true;
        case FrameType::Published:
            return collect_results(st, slot);
        case FrameType::Fatal:
            protocol_failure(st, slot, read_fatal(f.payload), false);
            return false;
        default:
            protocol_failure(st, slot, "unexpected frame type from a worker");
            return false;
    }
}

}  // namespace

void add_error(PoolState& st, RunError err) {
    st.errors->add(std::move(err));
}

bool collect_results(PoolState& st, WorkerSlot& slot) {
    ResultSlots& rings = st.board.results();
    if (!st.use_shm || !st.board.valid() || !rings.has_ring(slot.index) || slot.pid == 0)
        return true;
    const uint64_t head = rings.head(slot.index);
    if (head - slot.ring_tail > ResultSlots::kRecords) {
        if (!slot.doomed) protocol_failure(st, slot, "result ring out of step");
        return false;
    }
    const int64_t now = monotonic_ns();
    const uint64_t from = slot.ring_tail;
    bool ok = true;
    while (slot.ring_tail < head) {
        const ResultRecord rec = rings.record(slot.index, slot.ring_tail);
        const bool sealed = ResultSlots::seal_of(rec) == rec.seal;
        if (sealed && rec.after_frames > slot.result_frames) break;  // a frame comes first
        if (!sealed || rec.after_frames != slot.result_frames ||
            !handle_record(st, slot, rec, now)) {
            // A worker being ended may answer chunks already given back: not a new error.
            if (!slot.doomed)
                protocol_failure(st, slot,
                                 sealed ? "result slot does not answer its chunk"
                                        : "garbled result slot (seal mismatch)");
            ok = false;
            break;
        }
        ++slot.ring_tail;
    }
    // One clock read for the batch: its time, spread over the records it took (read before the
    // worker may reuse their places).
    if (const uint64_t taken = slot.ring_tail - from; taken > 0) {
        const int64_t each = (monotonic_ns() - now) / static_cast<int64_t>(taken);
        for (uint64_t n = from; n < slot.ring_tail; ++n)
            if (const uint64_t id = rings.record(slot.index, n).chunk_id; id < st.chunks.size())
                st.chunks[id].engine_deser_ns = each;
        rings.consumed(slot.index, slot.ring_tail);
    }
    return ok;
}

bool collect_all_results(PoolState& st) {
    if (!st.use_shm || !st.board.valid()) return false;
    bool any = false;
    for (auto& s : st.slots) {
        if (!s.alive) continue;
        const uint64_t before = s.ring_tail;
        collect_results(st, s);
        any = any || s.ring_tail != before;
    }
    return any;
}

bool drain_results(PoolState& st, WorkerSlot& slot) {
    if (!slot.results.is_open()) return false;
    bool refused = false;  // a frame the pool refused: handle_frame said why already
    const auto state = slot.results.pump([&](const Frame& f) {
        if (handle_frame(st, slot, f, slot.results.read_ns())) return true;
        refused = true;
        return false;
    });
    if (state == FrameChannel::State::Open) return true;
    // A worker the engine is ending may leave a stream cut short: that is not a new error.
    if (state == FrameChannel::State::Truncated && !slot.doomed)
        protocol_failure(st, slot, slot.results.error(), false);
    if (state == FrameChannel::State::Malformed && !refused && !slot.doomed)
        protocol_failure(st, slot, slot.results.error());
    return false;
}

void release_inflight(PoolState& st, WorkerSlot& slot, const RunError& err, std::size_t failed) {
    auto lost = std::move(slot.inflight);
    slot.inflight.clear();
    if (lost.empty()) return;
    if (failed >= lost.size()) failed = 0;
    // The rest — queued behind the failed one, or finished with their results lost with the
    // worker (a batch not yet sent) — back to the front of their queue, in their order.
    for (std::size_t i = lost.size(); i-- > 0;) {
        if (i == failed) continue;
        const int owner = st.plan[lost[i]].worker;
        if (owner >= 0)
            st.own[static_cast<std::size_t>(owner)].push_front(lost[i]);
        else
            st.queue.push_front(lost[i]);
    }
    RunError e = err;
    e.chunk = static_cast<int64_t>(lost[failed]);
    fail_chunk(st, lost[failed], e);
}

void fail_chunk(PoolState& st, uint64_t id, RunError err) {
    add_error(st, err);
    if (st.finished[id]) return;
    const auto policy = st.ctx->config.on_failure;
    if (policy == OnFailure::Retry && st.attempts[id] < kMaxRetries && !st.stopping) {
        ++st.attempts[id];
        const int owner = st.plan[id].worker;
        if (owner >= 0)
            st.own[static_cast<std::size_t>(owner)].push_front(id);
        else
            st.queue.push_front(id);
        return;
    }
    mark_items_failed(st, id);
    finish_chunk(st, id);
    if (policy == OnFailure::Stop || policy == OnFailure::Retry) begin_stop(st, monotonic_ns());
}

void on_worker_exit(PoolState& st, WorkerSlot& slot, const ExitStatus& status) {
    const int64_t now = monotonic_ns();
    auto& rec = st.result.worker_records[slot.record];
    rec.exited_ns = now;
    rec.exit_code = status.exited ? status.code : -1;
    rec.signal = status.signal;
    rec.state = status.exited ? "exited" : "killed";
    collect_results(st, slot);  // results it left in its ring count
    slot.alive = false;
    note_claims_of(st, slot);
    // A worker the engine ended may have claimed a task from the shared queue meanwhile: that
    // task did not fail, it goes back to the queue (its chunk that timed out was dealt with).
    if (slot.doomed && st.board.valid() && !st.stopping) {
        for (auto it = slot.inflight.rbegin(); it != slot.inflight.rend(); ++it)
            st.queue.push_front(*it);
        slot.inflight.clear();
    }
    close_fd(slot.pidfd);
    close_fd(slot.task_fd);
    slot.results.close();
    st.ctx->observer->on_worker({st.ctx->run_id, slot.index, slot.pid, rec.state, rec.exit_code,
                                 rec.signal, now, rec.host});
    const bool expected = slot.doomed || (st.joining && status.exited && status.code == 0);
    if (expected && slot.inflight.empty()) return;
    // A worker the engine ended itself (the run was stopping) did not die: say it was stopped.
    const bool stopped =
        slot.doomed && (status.exited || status.signal == SIGTERM || status.signal == SIGKILL);
    const std::string who = "worker " + std::to_string(slot.index) + " (pid " +
                            std::to_string(slot.pid) + ") " +
                            (stopped ? "was stopped by the engine (" + describe_exit(status) + ")"
                                     : describe_exit(status));
    const std::string code = stopped                    ? "worker_stopped"
                             : status.signal == SIGKILL ? "worker_killed"
                                                        : "worker_died";
    if (slot.inflight.empty()) {
        if (!st.joining && !st.stopping) {
            add_error(st, RunError{.code = code,
                                   .message = who + " while idle",
                                   .worker = slot.index,
                                   .pid = slot.pid,
                                   .signal = status.signal});
            if (st.ctx->config.on_failure == OnFailure::Stop) begin_stop(st, now);
        }
        return;
    }
    const std::size_t at = running_position(st, slot);
    const uint64_t running = slot.inflight[at];
    release_inflight(st, slot,
                     RunError{.code = code,
                              .message = who + " while running chunk " + std::to_string(running),
                              .worker = slot.index,
                              .pid = slot.pid,
                              .signal = status.signal,
                              .chunk = static_cast<int64_t>(running)},
                     at);
}

void end_worker(WorkerSlot& slot, int64_t now) {
    if (!slot.alive || slot.doomed) return;
    slot.doomed = true;
    kill(slot.signal_pid ? slot.signal_pid : slot.pid, SIGTERM);
    slot.kill_at_ns = now + kKillGraceNs;
}

void begin_stop(PoolState& st, int64_t now) {
    if (st.stopping) return;
    st.stopping = true;
    st.queue.clear();
    close_queue(st);
    for (auto& q : st.own) q.clear();
    for (auto& slot : st.slots) {
        close_fd(slot.task_fd);
        end_worker(slot, now);
    }
}

// An allocation failed in the engine (a task frame, a result): the run ends like any failed
// run, its finished results kept, instead of the engine aborting with its workers orphaned.
void out_of_memory(PoolState& st) {
    const int64_t now = monotonic_ns();
    for (auto& s : st.slots) {
        Bytes().swap(s.outbuf);  // the likeliest large buffers
        s.out_off = 0;
    }
    begin_stop(st, now);
    try {
        add_error(
            st,
            RunError{.code = "out_of_memory",
                     .message =
                         "the engine ran out of memory (an allocation failed); finished results "
                         "are kept; reduce --chunksize, --size or the workload's size"});
    } catch (const std::bad_alloc&) {
    }
}

}  // namespace poolscope
