#include "core/events/event_stream_parser.h"

#include <algorithm>
#include <map>
#include <tuple>

#include "core/events/chunk_batch.h"
#include "core/events/event_line_shape.h"
#include "core/events/event_schema.h"
#include "core/events/sample_line.h"
#include "core/report/result_json.h"
#include "core/text/json_units.h"

namespace poolscope {
namespace {

namespace key = events::key;
namespace type = events::type;
using nlohmann::json;

DropCounts drop_counts_from_json(const json& j) {
    DropCounts d;
    d.chunks = get_field<uint64_t>(j, key::kChunks);
    d.samples = get_field<uint64_t>(j, key::kSamples);
    d.progress = get_field<uint64_t>(j, key::kProgress);
    d.events = get_field<uint64_t>(j, key::kEvents);
    return d;
}

// nlohmann's message without its "[json.exception...] parse error at line 1, column N: " prefix
// (every event is one line, so its line number would mislead); the column is kept.
std::string json_error(const json::parse_error& e) {
    const std::string what = e.what();
    const auto column = what.find(", column ");
    const auto detail = column == std::string::npos ? column : what.find(": ", column);
    return "not valid JSON at column " + std::to_string(e.byte) + ": " +
           (detail == std::string::npos ? what : what.substr(detail + 2));
}

}  // namespace

// One handler per event type, each filling the growing EventStream.
struct EventStreamParser::Impl {
    void event(const json& e) {
        const auto kind = get_field<std::string>(e, key::kType);
        if (!hello_seen_) {
            if (kind != type::kHello) throw std::runtime_error("the stream must start with hello");
            hello(e);
            hello_seen_ = true;
            if (listener_) listener_->hello(out_.hello);
            return;
        }
        if (kind == type::kRunStart) return run_start(e);
        if (kind == type::kWorker) return worker(e);
        if (kind == type::kChunks) return chunks(e);
        if (kind == type::kAggregated) return aggregated(e);
        if (kind == type::kChunkBuckets) return buckets(e);
        if (kind == type::kProgress) return progress(e);
        if (kind == type::kSample) return sample(e);
        if (kind == type::kError) return error(e);
        if (kind == type::kWarning) return warning(e);
        if (kind == type::kRunEnd) return run_end(e);
        if (kind == type::kSeriesEnd) return series_end(e);
        if (kind == type::kComparison) return comparison(e);
        // A newer writer's event type: skipped, as the version policy promises.
    }

    int64_t time_of(const json& e) const {
        return out_.hello.origin_ns + seconds_to_ns(get_field<double>(e, key::kT));
    }

    std::size_t run_index(const json& e) const {
        return run_index(get_field<std::string>(e, key::kRun));
    }

    std::size_t run_index(const std::string& id) const {
        const auto it = index_.find(id);
        if (it == index_.end()) throw std::runtime_error("run '" + id + "' has no run_start");
        return it->second;
    }

    void hello(const json& e) {
        StreamHello& h = out_.hello;
        h.schema = get_field<int>(e, key::kSchema);
        if (h.schema > events::kSchemaVersion) {
            throw std::runtime_error("schema version " + std::to_string(h.schema) +
                                     " is newer than this reader's (" +
                                     std::to_string(events::kSchemaVersion) + ")");
        }
        h.tool = get_field<std::string>(e, key::kTool);
        h.version = get_field<std::string>(e, key::kVersion);
        h.cores = get_field<int>(e, key::kCores);
        h.kernel = get_field<std::string>(e, key::kKernel);
        h.origin_ns = get_field<int64_t>(e, key::kOriginNs);
        // CLOCK_MONOTONIC is never negative; the bound leaves room to add any stamp to it.
        if (h.origin_ns < 0 || h.origin_ns > (int64_t{1} << 62))
            throw std::runtime_error("origin_ns is out of range");
    }

    void run_start(const json& e) {
        StreamRun r;
        r.run_id = get_field<std::string>(e, key::kRun);
        if (index_.contains(r.run_id)) {
            throw std::runtime_error("run '" + r.run_id + "' started twice");
        }
        r.config = get_field<RunConfig>(e, key::kConfig);
        r.machine = get_field<MachineInfo>(e, key::kMachine);
        r.label = get_field<std::string>(e, key::kLabel);
        r.start_t_ns = time_of(e);
        index_.emplace(r.run_id, out_.runs.size());
        out_.runs.push_back(std::move(r));
        if (listener_) listener_->run_started(out_.runs.size() - 1);
    }

    void worker(const json& e) {
        const std::size_t index = run_index(e);
        StreamRun& r = out_.runs[index];
        WorkerEvent w;
        w.run_id = r.run_id;
        w.worker = get_field<int>(e, key::kWorker);
        w.pid = get_field<pid_t>(e, key::kPid);
        w.state = get_field<std::string>(e, key::kState);
        w.exit_code = get_field<int>(e, key::kExitCode);
        w.signal = get_field<int>(e, key::kSignal);
        if (e.contains(key::kHost)) w.host = get_field<std::string>(e, key::kHost);
        w.t_ns = time_of(e);
        r.workers.push_back(std::move(w));
        if (listener_) listener_->worker_changed(index, r.workers.back());
    }

    // A chunks or sample line read without a JSON tree (chunk_batch.h, sample_line.h): what
    // the tree would give, for the two lines that make up most of a live stream. False when the
    // line is neither or not in the writer's plain shape: the tree parser reads it then.
    bool hot_line(std::string_view text) {
        if (!hello_seen_) return false;
        if (text.starts_with(R"({"type":"chunks",)")) {
            auto line = chunks_from_text(text, out_.hello.origin_ns);
            if (!line) return false;
            append_chunks(run_index(line->run_id), std::move(line->chunks));
            return true;
        }
        if (text.starts_with(R"({"type":"sample",)")) {
            auto line = sample_from_text(text, out_.hello.origin_ns);
            if (!line) return false;
            append_sample(run_index(line->run_id), std::move(line->sample));
            return true;
        }
        return false;
    }

    void chunks(const json& e) {
        const std::size_t index = run_index(e);
        append_chunks(index, chunks_from_event(e, out_.hello.origin_ns));
    }

    void append_chunks(std::size_t index, std::vector<ChunkRecord> batch) {
        StreamRun& r = out_.runs[index];
        // A run has at most 10^9 items (docs/cli.md): a chunk past that is not one it ran.
        constexpr uint64_t kMaxItems = 1'000'000'000;
        for (const ChunkRecord& c : batch) {
            if (c.first > kMaxItems || c.count > kMaxItems - c.first) {
                throw std::runtime_error("chunk " + std::to_string(c.id) + " (first " +
                                         std::to_string(c.first) + ", count " +
                                         std::to_string(c.count) + ") lies past the " +
                                         std::to_string(kMaxItems) + " items a run can have");
            }
        }
        const std::size_t first = r.chunks.size();
        r.chunks.insert(r.chunks.end(), batch.begin(), batch.end());
        if (listener_ && !batch.empty()) listener_->chunks_appended(index, first, batch.size());
    }

    void aggregated(const json& e) {
        const std::size_t index = run_index(e);
        StreamRun& r = out_.runs[index];
        r.aggregated = true;
        r.aggregated_after = get_field<uint64_t>(e, key::kAfterChunks);
        if (listener_) listener_->aggregated(index);
    }

    // Merged into the run's buckets in place, kept in (worker, start) order: a bucket sent again
    // (the same worker and start) adds up, any other is inserted where it belongs. Buckets come
    // nearly in time order, so most land at or near the end of their worker's.
    void buckets(const json& e) {
        const std::size_t index = run_index(e);
        const auto batch = buckets_from_event(e, out_.hello.origin_ns);
        if (batch.empty()) return;
        auto& held = out_.runs[index].buckets;
        const auto order = [](const ChunkBucket& a, const ChunkBucket& b) {
            return std::tie(a.worker, a.start_ns) < std::tie(b.worker, b.start_ns);
        };
        for (const ChunkBucket& b : batch) {
            const auto at = std::lower_bound(held.begin(), held.end(), b, order);
            if (at != held.end() && at->worker == b.worker && at->start_ns == b.start_ns) {
                at->width_ns = b.width_ns;
                at->chunks += b.chunks;
                at->items += b.items;
                at->failed_items += b.failed_items;
                at->busy_s += b.busy_s;
            } else {
                held.insert(at, b);
            }
        }
        if (listener_) listener_->buckets_merged(index, batch.size());
    }

    void progress(const json& e) {
        const std::size_t index = run_index(e);
        StreamRun& r = out_.runs[index];
        ProgressEvent p;
        p.run_id = r.run_id;
        p.items_done = get_field<uint64_t>(e, key::kItemsDone);
        p.items_total = get_field<uint64_t>(e, key::kItemsTotal);
        p.chunks_done = get_field<uint64_t>(e, key::kChunksDone);
        p.chunks_total = get_field<uint64_t>(e, key::kChunksTotal);
        if (p.items_done > p.items_total || p.chunks_done > p.chunks_total)
            throw std::runtime_error("progress past its total");
        p.t_ns = time_of(e);
        r.progress.push_back(std::move(p));
        if (listener_) listener_->progressed(index, r.progress.back());
    }

    void sample(const json& e) {
        const std::size_t index = run_index(e);
        append_sample(index, sample_from_json(e, out_.hello.origin_ns));
    }

    void append_sample(std::size_t index, Sample sample) {
        auto& samples = out_.runs[index].samples;
        samples.push_back(std::move(sample));
        if (listener_) listener_->sampled(index, samples.back());
    }

    void error(const json& e) {
        StreamError err{e.get<RunError>(), time_of(e)};
        if (e.contains(key::kRun)) {
            const std::size_t index = run_index(e);
            auto& errors = out_.runs[index].errors;
            errors.push_back(std::move(err));
            if (listener_) listener_->failed(index, errors.back());
        } else {
            out_.errors.push_back(std::move(err));
            if (listener_) listener_->failed(std::nullopt, out_.errors.back());
        }
    }

    void warning(const json& e) {
        StreamWarning w;
        w.code = get_field<std::string>(e, key::kCode);
        w.message = get_field<std::string>(e, key::kMessage);
        w.dropped = get_nested(e, key::kDropped, drop_counts_from_json);
        w.t_ns = time_of(e);
        out_.warnings.push_back(std::move(w));
        if (listener_) listener_->warned(out_.warnings.back());
    }

    void run_end(const json& e) {
        const std::size_t index = run_index(e);
        StreamRun& r = out_.runs[index];
        // Everything is read before anything is stored: a bad run_end leaves the run as it was.
        auto result = get_nested(e, key::kResult, result_from_json);
        const DropCounts dropped = get_nested(e, key::kDropped, drop_counts_from_json);
        const auto streamed = get_field<uint64_t>(e, key::kChunksStreamed);
        const auto in_buckets = get_field<uint64_t>(e, key::kChunksAggregated);
        r.result = std::move(result);
        r.dropped = dropped;
        r.chunks_streamed = streamed;
        r.chunks_aggregated = in_buckets;
        if (listener_) listener_->run_ended(index);
    }

    // Run ids that must each have had a run_start.
    std::vector<std::string> run_ids(const json& e, const char* field) const {
        auto ids = get_field<std::vector<std::string>>(e, field);
        for (const auto& id : ids)
            if (!index_.contains(id))
                throw std::runtime_error(std::string(field) + ": run '" + id +
                                         "' has no run_start");
        return ids;
    }

    void series_end(const json& e) {
        StreamSeries s;
        s.runs = run_ids(e, key::kRuns);
        s.representative = get_field<std::string>(e, key::kRepresentative);
        s.wall_s = get_field<Stat>(e, key::kWallS);
        s.startup_s = get_field<Stat>(e, key::kStartupS);
        s.teardown_s = get_field<Stat>(e, key::kTeardownS);
        s.compute_s = get_field<Stat>(e, key::kComputeS);
        s.partial = get_field<bool>(e, key::kPartial);
        s.t_ns = time_of(e);
        out_.series.push_back(std::move(s));
        if (listener_) listener_->series_ended(out_.series.size() - 1);
    }

    void comparison(const json& e) {
        StreamComparison c;
        c.serial = run_ids(e, key::kSerial);
        c.parallel = run_ids(e, key::kParallel);
        c.speedup = get_field<double>(e, key::kSpeedup);
        c.efficiency = get_field<double>(e, key::kEfficiency);
        c.T = get_field<double>(e, key::kTaskS);
        c.C = get_field<double>(e, key::kOverheadS);
        c.checksums_match = get_field<bool>(e, key::kChecksumsMatch);
        c.verdict = get_field<std::string>(e, key::kVerdict);
        c.t_ns = time_of(e);
        out_.comparisons.push_back(std::move(c));
        if (listener_) listener_->compared(out_.comparisons.size() - 1);
    }

    bool hello_seen_ = false;
    bool hot_lines_ = true;
    EventStream out_;
    std::map<std::string, std::size_t> index_;
    StreamListener* listener_ = nullptr;
};

EventStreamParser::EventStreamParser(bool hot_lines) : impl_(std::make_unique<Impl>()) {
    impl_->hot_lines_ = hot_lines;
}
EventStreamParser::~EventStreamParser() = default;
EventStreamParser::EventStreamParser(EventStreamParser&&) noexcept = default;
EventStreamParser& EventStreamParser::operator=(EventStreamParser&&) noexcept = default;

void EventStreamParser::parse_line(std::string_view text, bool unterminated) {
    const int line = ++lines_;
    if (text.empty()) return;
    check_shape(text, line, unterminated);
    try {
        if (impl_->hot_lines_ && impl_->hot_line(text)) return;
    } catch (const std::exception& e) {
        throw EventStreamError(line, line_error(line, e.what(), unterminated));
    }
    json event;
    try {
        event = json::parse(text);
    } catch (const json::parse_error& e) {
        throw EventStreamError(line, line_error(line, json_error(e), unterminated));
    } catch (const json::exception& e) {  // e.g. a number too large for a double
        throw EventStreamError(line, line_error(line, e.what(), unterminated));
    }
    try {
        impl_->event(event);
    } catch (const std::exception& e) {
        throw EventStreamError(line, line_error(line, e.what(), unterminated));
    }
}

const EventStream& EventStreamParser::stream() const {
    return impl_->out_;
}

bool EventStreamParser::has_hello() const {
    return impl_->hello_seen_;
}

void EventStreamParser::release_samples() {
    for (auto& run : impl_->out_.runs) {
        run.samples_released += run.samples.size();
        std::vector<Sample>().swap(run.samples);
    }
}

void EventStreamParser::set_listener(StreamListener* listener) {
    impl_->listener_ = listener;
}

EventStream EventStreamParser::take() {
    EventStream out = std::move(impl_->out_);
    StreamListener* listener = impl_->listener_;
    const bool hot_lines = impl_->hot_lines_;
    impl_ = std::make_unique<Impl>();  // no index left pointing into the stream just taken
    impl_->listener_ = listener;
    impl_->hot_lines_ = hot_lines;
    return out;
}

}  // namespace poolscope
