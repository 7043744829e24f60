#include "core/events/event_stream_writer.h"

#include <algorithm>
#include <span>

#include "core/events/chunk_batch.h"
#include "core/events/event_line.h"
#include "core/events/event_schema.h"
#include "core/report/result_json.h"
#include "core/text/json_units.h"

namespace poolscope {
namespace {

namespace key = events::key;
namespace type = events::type;
using nlohmann::json;

constexpr int64_t kNsPerMs = 1'000'000;

json drop_counts_json(const DropCounts& d) {
    return json{{key::kChunks, d.chunks},
                {key::kSamples, d.samples},
                {key::kProgress, d.progress},
                {key::kEvents, d.events}};
}

std::string drops_message(const DropCounts& d) {
    return "the reader fell behind: " + std::to_string(d.events) + " events dropped (" +
           std::to_string(d.chunks) + " chunks, " + std::to_string(d.samples) + " samples, " +
           std::to_string(d.progress) + " progress updates)";
}

}  // namespace

EventStreamWriter::EventStreamWriter(int fd, int64_t origin_ns, const MachineInfo& machine,
                                     EventStreamOptions options)
    : out_(fd, options.buffer_bytes),
      origin_ns_(origin_ns),
      options_(options),
      last_flush_ns_(origin_ns),
      last_now_ns_(origin_ns) {
    options_.chunks_per_line = std::max<std::size_t>(options_.chunks_per_line, 1);
    write_hello(machine);
}

EventStreamWriter::~EventStreamWriter() = default;

double EventStreamWriter::seconds_since_origin(int64_t t_ns) const {
    return ns_to_seconds(t_ns - origin_ns_);
}

EventStreamWriter::RunState& EventStreamWriter::run(const std::string& run_id) {
    if (cached_run_ && run_id == cached_run_id_) return *cached_run_;
    const int64_t width_ns = int64_t{std::max(options_.bucket_ms, 1)} * kNsPerMs;
    const auto [it, fresh] = runs_.try_emplace(run_id, origin_ns_, width_ns);
    // Room for a flush period's worth of chunks at once, instead of growing on the loop.
    if (fresh) it->second.pending.reserve(std::min<uint64_t>(options_.chunk_detail_cap, 1024));
    cached_run_ = &it->second;
    cached_run_id_ = run_id;
    return *cached_run_;
}

void EventStreamWriter::erase_run(const std::string& run_id) {
    runs_.erase(run_id);
    cached_run_ = nullptr;
}

void EventStreamWriter::write_hello(const MachineInfo& machine) {
    const json body{{key::kSchema, events::kSchemaVersion}, {key::kTool, events::kToolName},
                    {key::kVersion, POOLSCOPE_VERSION},     {key::kCores, machine.usable_cores},
                    {key::kKernel, machine.kernel},         {key::kOriginNs, origin_ns_}};
    write_essential(event_line(type::kHello, 0.0, "", body));
}

void EventStreamWriter::write_essential(const std::string& line) {
    out_.append(line, false);
    out_.drain();
}

bool EventStreamWriter::offer(const std::string& line, RunState* state, uint64_t DropCounts::*what,
                              uint64_t amount) {
    if (out_.append(line, true)) return true;
    for (DropCounts* d : {&total_dropped_, &unreported_, state ? &state->dropped : nullptr}) {
        if (d == nullptr) continue;
        d->*what += amount;
        d->events += 1;
    }
    return false;
}

void EventStreamWriter::on_run_start(const std::string& run_id, const RunConfig& config,
                                     const MachineInfo& machine, int64_t t_ns) {
    last_now_ns_ = std::max(last_now_ns_, t_ns);
    erase_run(run_id);
    run(run_id);
    const json body{
        {key::kConfig, config}, {key::kMachine, machine}, {key::kLabel, describe(config)}};
    write_essential(event_line(type::kRunStart, seconds_since_origin(t_ns), run_id, body));
}

void EventStreamWriter::on_worker(const WorkerEvent& e) {
    last_now_ns_ = std::max(last_now_ns_, e.t_ns);
    json body{{key::kWorker, e.worker},
              {key::kPid, e.pid},
              {key::kState, e.state},
              {key::kExitCode, e.exit_code},
              {key::kSignal, e.signal}};
    if (!e.host.empty()) body[key::kHost] = e.host;
    write_essential(event_line(type::kWorker, seconds_since_origin(e.t_ns), e.run_id, body));
}

void EventStreamWriter::on_chunk(const std::string& run_id, const ChunkRecord& c) {
    // Memory only: nothing is formatted or written until the next flush.
    RunState& state = run(run_id);
    state.chunks_seen += 1;
    if (state.chunks_seen <= options_.chunk_detail_cap) {
        state.pending.push_back(c);
        return;
    }
    if (!state.aggregated) {
        start_aggregating(run_id, state, c.received_ns != 0 ? c.received_ns : last_now_ns_);
    }
    state.buckets.add(c);
}

void EventStreamWriter::start_aggregating(const std::string& run_id, RunState& state,
                                          int64_t now_ns) {
    flush_chunks(run_id, state, now_ns);
    state.aggregated = true;
    const json body{{key::kAfterChunks, options_.chunk_detail_cap},
                    {key::kBucketS, ns_to_seconds(state.buckets.width_ns())}};
    write_essential(event_line(type::kAggregated, seconds_since_origin(now_ns), run_id, body));
}

void EventStreamWriter::on_progress(const ProgressEvent& p) {
    last_now_ns_ = std::max(last_now_ns_, p.t_ns);
    run(p.run_id).progress = p;  // coalesced: only the latest goes out at the next flush
}

void EventStreamWriter::on_sample(const std::string& run_id, const Sample& s) {
    last_now_ns_ = std::max(last_now_ns_, s.t_ns);
    json body = sample_to_json(s, origin_ns_);
    body.erase(key::kT);
    const std::string line = event_line(type::kSample, seconds_since_origin(s.t_ns), run_id, body);
    offer(line, &run(run_id), &DropCounts::samples, 1);
}

void EventStreamWriter::on_error(const std::string& run_id, const RunError& e, int64_t t_ns) {
    last_now_ns_ = std::max(last_now_ns_, t_ns);
    write_essential(event_line(type::kError, seconds_since_origin(t_ns), run_id, json(e)));
}

void EventStreamWriter::on_run_end(const RunResult& r) {
    const int64_t t_ns = r.end_ns != 0 ? r.end_ns : last_now_ns_;
    last_now_ns_ = std::max(last_now_ns_, t_ns);
    RunState& state = run(r.run_id);
    flush_run(r.run_id, state, t_ns);
    const json body{
        {key::kResult, result_to_json(r)},
        {key::kEventsDropped, state.dropped.events},
        {key::kDropped, drop_counts_json(state.dropped)},
        {key::kChunkDetail, state.aggregated ? events::kDetailAggregated : events::kDetailFull},
        {key::kChunksStreamed, state.chunks_streamed},
        {key::kChunksAggregated, state.chunks_aggregated},
    };
    write_essential(event_line(type::kRunEnd, seconds_since_origin(t_ns), r.run_id, body));
    erase_run(r.run_id);
    warn_if_caught_up(t_ns);
}

namespace {

json run_ids(const RunSeries& s) {
    json ids = json::array();
    for (const auto& r : s.runs) ids.push_back(r.run_id);
    return ids;
}

int64_t series_end_ns(const RunSeries& s) {
    int64_t end = 0;
    for (const auto& r : s.runs) end = std::max(end, r.end_ns);
    return end;
}

}  // namespace

void EventStreamWriter::on_series_end(const RunSeries& s) {
    const int64_t t_ns = std::max(last_now_ns_, series_end_ns(s));
    last_now_ns_ = t_ns;
    const json body{
        {key::kRuns, run_ids(s)},
        {key::kRepresentative, s.representative().run_id},
        {key::kWallS, s.wall_s},
        {key::kStartupS, s.startup_s},
        {key::kTeardownS, s.teardown_s},
        {key::kComputeS, s.compute_s},
        {key::kPartial, s.representative().partial},
    };
    write_essential(event_line(type::kSeriesEnd, seconds_since_origin(t_ns), "", body));
}

void EventStreamWriter::on_comparison(const Comparison& c) {
    const int64_t t_ns =
        std::max({last_now_ns_, series_end_ns(c.serial), series_end_ns(c.parallel)});
    last_now_ns_ = t_ns;
    const json body{
        {key::kSerial, run_ids(c.serial)},
        {key::kParallel, run_ids(c.parallel)},
        {key::kSpeedup, c.speedup},
        {key::kEfficiency, c.efficiency},
        {key::kTaskS, c.T},
        {key::kOverheadS, c.C},
        {key::kChecksumsMatch, c.checksums_match},
        {key::kVerdict, c.verdict},
    };
    write_essential(event_line(type::kComparison, seconds_since_origin(t_ns), "", body));
}

void EventStreamWriter::flush_chunks(const std::string& run_id, RunState& state, int64_t now_ns) {
    const std::span<const ChunkRecord> all(state.pending);
    for (std::size_t at = 0; at < all.size(); at += options_.chunks_per_line) {
        const auto slice = all.subspan(at, std::min(options_.chunks_per_line, all.size() - at));
        const std::string line = chunks_event_line(run_id, now_ns, slice, origin_ns_);
        if (offer(line, &state, &DropCounts::chunks, slice.size())) {
            state.chunks_streamed += slice.size();
        }
    }
    state.pending.clear();
}

void EventStreamWriter::flush_buckets(const std::string& run_id, RunState& state, int64_t now_ns) {
    if (state.buckets.empty()) return;
    const int64_t width_ns = state.buckets.width_ns();
    const std::vector<ChunkBucket> buckets = state.buckets.take();
    uint64_t chunks = 0;
    for (const auto& b : buckets) chunks += b.chunks;
    const std::string line = buckets_event_line(run_id, now_ns, buckets, width_ns, origin_ns_);
    if (offer(line, &state, &DropCounts::chunks, chunks)) state.chunks_aggregated += chunks;
}

void EventStreamWriter::flush_run(const std::string& run_id, RunState& state, int64_t now_ns) {
    flush_chunks(run_id, state, now_ns);
    flush_buckets(run_id, state, now_ns);
    if (!state.progress) return;
    const ProgressEvent& p = *state.progress;
    const json body{{key::kItemsDone, p.items_done},
                    {key::kItemsTotal, p.items_total},
                    {key::kChunksDone, p.chunks_done},
                    {key::kChunksTotal, p.chunks_total}};
    offer(event_line(type::kProgress, seconds_since_origin(p.t_ns), run_id, body), &state,
          &DropCounts::progress, 1);
    state.progress.reset();
}

void EventStreamWriter::flush_all(int64_t now_ns) {
    for (auto& [run_id, state] : runs_) flush_run(run_id, state, now_ns);
    last_flush_ns_ = now_ns;
}

bool EventStreamWriter::has_batched() const {
    return std::any_of(runs_.begin(), runs_.end(), [](const auto& entry) {
        const RunState& s = entry.second;
        return !s.pending.empty() || !s.buckets.empty() || s.progress.has_value();
    });
}

void EventStreamWriter::on_tick(int64_t now_ns) {
    last_now_ns_ = std::max(last_now_ns_, now_ns);
    last_tick_ns_ = now_ns;
    if (has_batched() && now_ns - last_flush_ns_ >= options_.flush_ms * kNsPerMs) {
        flush_all(now_ns);
    }
    out_.drain();
    warn_if_caught_up(now_ns);
}

int EventStreamWriter::ms_until_tick(int64_t now_ns) const {
    int ms = -1;
    if (has_batched()) {
        const int64_t due_ns = last_flush_ns_ + options_.flush_ms * kNsPerMs - now_ns;
        ms = due_ns <= 0 ? 0 : static_cast<int>((due_ns + kNsPerMs - 1) / kNsPerMs);
    }
    if (out_.broken()) return ms;
    // Output still queued: come back soon to retry the write (the output is not in the
    // engine's poll set, so a tick is its only chance to move on). Drops still to report:
    // at the next flush period.
    int retry = -1;
    if (out_.pending_bytes() > 0) {
        const int64_t due_ns = last_tick_ns_ + int64_t{kRetryWriteMs} * kNsPerMs - now_ns;
        retry = due_ns <= 0 ? 0 : static_cast<int>((due_ns + kNsPerMs - 1) / kNsPerMs);
    } else if (unreported_.any()) {
        retry = options_.flush_ms;
    }
    if (retry >= 0) ms = ms < 0 ? retry : std::min(ms, retry);
    return ms;
}

void EventStreamWriter::warn_if_caught_up(int64_t now_ns) {
    // "Caught up": the reader has taken most of what was queued, so the warning will be seen
    // soon and is not itself stuck behind a full buffer. At most one a second: a reader that
    // keeps falling behind gets a running account, not a warning per batch.
    if (!unreported_.any() || out_.pending_bytes() > options_.buffer_bytes / 2) return;
    if (last_warning_ns_ != 0 && now_ns - last_warning_ns_ < 1000 * kNsPerMs) return;
    write_warning(now_ns);
}

void EventStreamWriter::write_warning(int64_t now_ns) {
    const json body{{key::kCode, events::kWarningEventsDropped},
                    {key::kMessage, drops_message(unreported_)},
                    {key::kDropped, drop_counts_json(unreported_)}};
    write_essential(event_line(type::kWarning, seconds_since_origin(now_ns), "", body));
    unreported_ = {};
    last_warning_ns_ = now_ns;
}

bool EventStreamWriter::finish(int finish_timeout_ms) {
    flush_all(last_now_ns_);
    // The warning goes out even though the reader never caught up: drops are never silent.
    if (unreported_.any()) write_warning(last_now_ns_);
    return out_.finish(finish_timeout_ms);
}

}  // namespace poolscope
