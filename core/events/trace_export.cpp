#include "core/events/trace_export.h"

#include <algorithm>
#include <set>
#include <string>

#include "core/events/event_schema.h"

namespace poolscope {
namespace {

using nlohmann::json;

constexpr int kEngineTid = 0;
constexpr double kMiB = 1024.0 * 1024.0;

// Worker w's track; the engine has track 0.
int worker_tid(int worker) {
    return worker + 1;
}

// Trace time: microseconds since the stream's origin.
// b − a in nanoseconds, as a double, without signed overflow: a saved stream can hold any
// numbers, not only stamps of this machine's clock.
double ns_diff(int64_t a, int64_t b) {
    int64_t d;
    if (!__builtin_sub_overflow(b, a, &d)) return static_cast<double>(d);
    return static_cast<double>(b) - static_cast<double>(a);
}

class TraceClock {
  public:
    explicit TraceClock(int64_t origin_ns) : origin_ns_(origin_ns) {}
    double us(int64_t stamp_ns) const { return ns_diff(origin_ns_, stamp_ns) / 1e3; }
    // A duration straight from the nanoseconds, not as a difference of two rounded times.
    static double span_us(int64_t from_ns, int64_t to_ns) { return ns_diff(from_ns, to_ns) / 1e3; }

  private:
    int64_t origin_ns_;
};

json metadata(const char* name, int pid, int tid, json args) {
    return json{{"ph", "M"}, {"name", name}, {"pid", pid}, {"tid", tid}, {"args", std::move(args)}};
}

std::set<int> workers_of(const StreamRun& run) {
    std::set<int> workers;
    for (const auto& w : run.workers) workers.insert(w.worker);
    for (const auto& c : run.chunks) workers.insert(c.worker);
    for (const auto& b : run.buckets) workers.insert(b.worker);
    if (run.result) {
        for (const auto& w : run.result->worker_records) workers.insert(w.index);
    }
    workers.erase(-1);
    return workers;
}

void add_tracks(json& events, const StreamRun& run, int pid) {
    events.push_back(metadata("process_name", pid, 0, {{"name", run.run_id + ": " + run.label}}));
    events.push_back(metadata("process_sort_index", pid, 0, {{"sort_index", pid}}));
    events.push_back(metadata("thread_name", pid, kEngineTid, {{"name", "engine"}}));
    for (int w : workers_of(run)) {
        std::string name = "worker " + std::to_string(w);
        const auto it = std::find_if(run.workers.rbegin(), run.workers.rend(),
                                     [w](const WorkerEvent& e) { return e.worker == w; });
        if (it != run.workers.rend() && it->pid != 0)
            name += " (pid " + std::to_string(it->pid) + ")";
        events.push_back(metadata("thread_name", pid, worker_tid(w), {{"name", name}}));
        events.push_back(
            metadata("thread_sort_index", pid, worker_tid(w), {{"sort_index", w + 1}}));
    }
}

// The worker's time on a chunk: from receiving the task to having encoded the result, falling
// back to the stamps that exist.
void add_chunk(json& events, const ChunkRecord& c, int pid, const TraceClock& clock) {
    const int64_t begin = c.recv_start_ns != 0 ? c.recv_start_ns : c.compute_start_ns;
    const int64_t end = c.ser_end_ns != 0 ? c.ser_end_ns : c.compute_end_ns;
    if (begin == 0 || end < begin) return;
    const auto span_s = [](int64_t a, int64_t b) {
        return a != 0 && b >= a ? ns_diff(a, b) / 1e9 : 0.0;
    };
    json args{{"id", c.id},
              {"first", c.first},
              {"count", c.count},
              {"receive_s", span_s(c.recv_start_ns, c.compute_start_ns)},
              {"compute_s", span_s(c.compute_start_ns, c.compute_end_ns)},
              {"serialize_s", span_s(c.compute_end_ns, c.ser_end_ns)},
              {"bytes_in", c.bytes_in},
              {"bytes_out", c.bytes_out},
              {"failed_items", c.failed_items},
              {"ok", c.ok}};
    events.push_back(json{{"ph", "X"},
                          {"name", "chunk " + std::to_string(c.id)},
                          {"cat", "chunk"},
                          {"pid", pid},
                          {"tid", worker_tid(c.worker)},
                          {"ts", clock.us(begin)},
                          {"dur", TraceClock::span_us(begin, end)},
                          {"args", std::move(args)}});
}

// A bucket is drawn at its start, as long as the busy time it holds (at most its width): the
// slice shows how busy the worker was then, not where each chunk lay.
void add_bucket(json& events, const ChunkBucket& b, int pid, const TraceClock& clock) {
    const double dur_us = std::min(b.busy_s * 1e6, static_cast<double>(b.width_ns) / 1e3);
    events.push_back(json{{"ph", "X"},
                          {"name", std::to_string(b.chunks) + " chunks"},
                          {"cat", "chunk_bucket"},
                          {"pid", pid},
                          {"tid", worker_tid(b.worker)},
                          {"ts", clock.us(b.start_ns)},
                          {"dur", dur_us},
                          {"args",
                           {{"aggregated", true},
                            {"chunks", b.chunks},
                            {"items", b.items},
                            {"failed_items", b.failed_items},
                            {"busy_s", b.busy_s}}}});
}

// An MPI run samples every host: each host's counters are their own track ("memory (MiB) ·
// host-b"), so one host's sums never stand in for another's between their samples.
void add_counters(json& events, const Sample& s, int pid, const TraceClock& clock) {
    const double ts = clock.us(s.t_ns);
    const std::string of_host = s.host.empty() ? "" : " · " + s.host;
    events.push_back(json{{"ph", "C"},
                          {"name", "memory (MiB)" + of_host},
                          {"pid", pid},
                          {"ts", ts},
                          {"args",
                           {{"PSS sum", static_cast<double>(s.pss_sum_bytes) / kMiB},
                            {"RSS sum", static_cast<double>(s.rss_sum_bytes) / kMiB}}}});
    if (s.core_util.empty()) return;
    json cores = json::object();
    for (std::size_t i = 0; i < s.core_util.size(); ++i) {
        cores["cpu" + std::to_string(i)] = s.core_util[i] * 100.0;
    }
    events.push_back(json{{"ph", "C"},
                          {"name", "CPU %" + of_host},
                          {"pid", pid},
                          {"ts", ts},
                          {"args", std::move(cores)}});
}

void add_engine_track(json& events, const StreamRun& run, int pid, const TraceClock& clock) {
    if (run.result && run.result->end_ns >= run.result->start_ns && run.result->start_ns != 0) {
        const RunResult& r = *run.result;
        events.push_back(json{{"ph", "X"},
                              {"name", "run " + run.label},
                              {"cat", "run"},
                              {"pid", pid},
                              {"tid", kEngineTid},
                              {"ts", clock.us(r.start_ns)},
                              {"dur", TraceClock::span_us(r.start_ns, r.end_ns)},
                              {"args", {{"wall_s", r.wall_s}, {"partial", r.partial}}}});
    }
    for (const auto& e : run.errors) {
        events.push_back(
            json{{"ph", "i"},
                 {"s", "t"},
                 {"name", "error: " + e.error.code},
                 {"cat", "error"},
                 {"pid", pid},
                 {"tid", e.error.worker >= 0 ? worker_tid(e.error.worker) : kEngineTid},
                 {"ts", clock.us(e.t_ns)},
                 {"args", {{"message", e.error.message}, {"chunk", e.error.chunk}}}});
    }
}

}  // namespace

json chrome_trace(const EventStream& stream) {
    const TraceClock clock(stream.hello.origin_ns);
    json events = json::array();
    for (std::size_t i = 0; i < stream.runs.size(); ++i) {
        const StreamRun& run = stream.runs[i];
        const int pid = static_cast<int>(i) + 1;
        add_tracks(events, run, pid);
        add_engine_track(events, run, pid, clock);
        for (const auto& c : run.chunks) add_chunk(events, c, pid, clock);
        for (const auto& b : run.buckets) add_bucket(events, b, pid, clock);
        for (const auto& s : run.samples) add_counters(events, s, pid, clock);
    }
    return json{{"traceEvents", std::move(events)},
                {"displayTimeUnit", "ms"},
                {"otherData",
                 {{"tool", stream.hello.tool},
                  {"version", stream.hello.version},
                  {"schema", stream.hello.schema},
                  {"kernel", stream.hello.kernel}}}};
}

}  // namespace poolscope
