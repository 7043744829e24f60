#include "core/python/python_relay.h"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "core/config/chunk_plan.h"
#include "core/engine/output_hashing.h"

namespace poolscope {

namespace {

constexpr uint64_t kOutMagic = 0x3130545550535950ULL;  // "PYSPUT01", as the driver writes it
constexpr std::size_t kHeaderBytes = 32;

uint64_t word_at(const std::byte* p) {
    uint64_t v;
    std::memcpy(&v, p, 8);
    return v;
}

}  // namespace

PythonRelay::PythonRelay(const RunContext& ctx, RunResult& result) : ctx_(ctx), r_(result) {
    const RunConfig& c = ctx.config;
    planned_ = planned_chunk_count(c.size, effective_chunksize(c), c.dispatch, c.workers);
    max_chunk_ = c.dispatch == Dispatch::Static
                     ? (c.size + static_cast<uint64_t>(c.workers) - 1) / c.workers
                     : effective_chunksize(c);
    handed_over_.assign(planned_, false);
}

void PythonRelay::protocol_error(const std::string& message) {
    if (broken_) return;
    broken_ = true;
    RunError e{.code = "protocol", .message = "Python driver: " + message};
    r_.errors.push_back(e);
    ctx_.observer->on_error(ctx_.run_id, e, 0);
}

bool PythonRelay::read_events(int fd) {
    char buf[65536];
    for (;;) {
        const ssize_t n = read(fd, buf, sizeof buf);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return true;  // EAGAIN: all read for now
        if (n == 0) return false;
        line_.append(buf, static_cast<std::size_t>(n));
        std::size_t start = 0;
        for (std::size_t nl; (nl = line_.find('\n', start)) != std::string::npos; start = nl + 1) {
            try {
                parser_.parse_line(std::string_view(line_).substr(start, nl - start));
            } catch (const EventStreamError& e) {
                protocol_error(e.what());
                return false;
            }
            relay_new();
            if (broken_) return false;
        }
        line_.erase(0, start);
        if (line_.size() > EventStreamParser::kMaxLineBytes) {
            protocol_error("a line longer than 4 MiB");
            return false;
        }
    }
}

// Everything the parser gained since the last line, passed on under the engine's run id.
void PythonRelay::relay_new() {
    const EventStream& s = parser_.stream();
    if (s.runs.empty()) return;
    if (s.runs.size() > 1 || s.runs[0].run_id != ctx_.run_id)
        return protocol_error("a run other than run " + ctx_.run_id);
    const StreamRun& run = s.runs[0];
    const int workers = ctx_.config.workers;
    for (; seen_workers_ < run.workers.size(); ++seen_workers_) {
        const WorkerEvent& w = run.workers[seen_workers_];
        if (w.worker < 0 || w.worker >= workers)
            return protocol_error("worker index " + std::to_string(w.worker) + " out of range");
        if (w.state == "started") started_.push_back(w);
        worker_events_.push_back(w);
        ctx_.observer->on_worker(w);
    }
    for (; seen_chunks_ < run.chunks.size(); ++seen_chunks_) {
        const ChunkRecord& c = run.chunks[seen_chunks_];
        if (c.id >= planned_ || c.count > max_chunk_ || c.worker < 0 || c.worker >= workers)
            return protocol_error("chunk " + std::to_string(c.id) + " is not in the plan");
        ctx_.observer->on_chunk(ctx_.run_id, c);
    }
    for (; seen_progress_ < run.progress.size(); ++seen_progress_)
        ctx_.observer->on_progress(run.progress[seen_progress_]);
    for (; seen_errors_ < run.errors.size(); ++seen_errors_) {
        ++driver_errors_;
        r_.errors.push_back(run.errors[seen_errors_].error);
        ctx_.observer->on_error(ctx_.run_id, run.errors[seen_errors_].error,
                                run.errors[seen_errors_].t_ns);
    }
    if (run.result && !driver_result_) driver_result_ = run.result;
}

std::span<const ChunkRecord> PythonRelay::chunks() const {
    const EventStream& s = parser_.stream();
    if (s.runs.empty()) return {};
    // The parser may hold one more (the chunk that broke the protocol); it is not relayed.
    return {s.runs[0].chunks.data(), std::min(seen_chunks_, s.runs[0].chunks.size())};
}

bool PythonRelay::read_outputs(int fd) {
    for (;;) {
        if (out_at_ > 0 && out_at_ * 2 >= out_buf_.size()) {
            out_buf_.erase(out_buf_.begin(), out_buf_.begin() + static_cast<long>(out_at_));
            out_at_ = 0;
        }
        const std::size_t old = out_buf_.size();
        out_buf_.resize(old + (1 << 20));
        const ssize_t n = read(fd, out_buf_.data() + old, 1 << 20);
        out_buf_.resize(old + static_cast<std::size_t>(n > 0 ? n : 0));
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return true;
        if (n == 0) return false;
        if (!take_outputs()) return false;
    }
}

// Hashes every whole chunk in the buffer: header (magic, chunk id, first item, count), then
// count × output_bytes bytes.
bool PythonRelay::take_outputs() {
    const uint64_t outb = ctx_.workload->output_bytes();
    while (out_buf_.size() - out_at_ >= kHeaderBytes) {
        const std::byte* h = out_buf_.data() + out_at_;
        const uint64_t id = word_at(h + 8), first = word_at(h + 16), count = word_at(h + 24);
        if (word_at(h) != kOutMagic || id >= planned_ || count > max_chunk_ ||
            first > ctx_.config.size || count > ctx_.config.size - first || handed_over_[id]) {
            protocol_error("malformed outputs of chunk " + std::to_string(id));
            return false;
        }
        const uint64_t need = kHeaderBytes + count * outb;
        if (out_buf_.size() - out_at_ < need) return true;
        const auto hashed = hash_chunk_outputs(
            first, count, std::span<const std::byte>(h + kHeaderBytes, count * outb), outb, {});
        handed_over_[id] = true;
        r_.checksum += hashed->checksum;
        r_.checksum_items += hashed->items;
        out_at_ += need;
    }
    return true;
}

}  // namespace poolscope
