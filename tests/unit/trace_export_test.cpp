// The Perfetto/Chrome trace of a stream: a track per worker, a slice per chunk (or bucket),
// memory and CPU counters, and a document that parses as JSON.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "core/events/trace_export.h"
#include "support/synthetic_run.h"

namespace poolscope {
namespace {

using nlohmann::json;
using test_support::kLateOriginNs;
constexpr int64_t kMs = 1'000'000;

EventStream stream_with_chunks(int chunks, int workers, int samples) {
    EventStream s;
    s.hello = {1, "poolscope", "0.1.0", 4, "6.1.0-test", kLateOriginNs};
    StreamRun run;
    RunResult r = test_support::synthetic_result("1", kLateOriginNs + 5 * kMs, chunks, workers);
    run.run_id = r.run_id;
    run.config = r.config;
    run.machine = r.machine;
    run.label = r.label;
    run.start_t_ns = r.start_ns;
    for (int w = 0; w < workers; ++w) {
        run.workers.push_back({"1", w, 5000 + w, "ready", -1, 0, r.start_ns + kMs});
    }
    run.chunks = r.chunk_records;
    for (int i = 0; i < samples; ++i) {
        run.samples.push_back(test_support::synthetic_sample(r.start_ns + i * 100 * kMs, 3, 2));
    }
    run.errors.push_back({r.errors[0], r.start_ns + 7 * kMs});
    r.chunk_records.clear();
    run.result = r;
    s.runs.push_back(run);
    return s;
}

std::vector<json> events_where(const json& trace, const std::string& ph, const std::string& name) {
    std::vector<json> out;
    for (const auto& e : trace.at("traceEvents")) {
        if (e.at("ph") == ph && (name.empty() || e.at("name") == name)) out.push_back(e);
    }
    return out;
}

TEST(TraceExport, IsValidJsonWithTheFieldsViewersNeed) {
    const json trace = json::parse(chrome_trace(stream_with_chunks(12, 3, 4)).dump());
    ASSERT_TRUE(trace.at("traceEvents").is_array());
    EXPECT_EQ(trace.at("displayTimeUnit"), "ms");
    for (const auto& e : trace.at("traceEvents")) {
        EXPECT_TRUE(e.contains("ph") && e.contains("pid") && e.contains("name")) << e;
        if (e.at("ph") != "M") {
            EXPECT_TRUE(e.at("ts").is_number()) << e;
        }
        if (e.at("ph") == "X") {
            EXPECT_GE(e.at("dur").get<double>(), 0.0) << e;
        }
    }
}

TEST(TraceExport, OneNamedTrackPerWorkerAndOneSlicePerChunk) {
    const EventStream s = stream_with_chunks(12, 3, 0);
    const json trace = chrome_trace(s);
    std::map<int, std::string> tracks;
    for (const auto& e : events_where(trace, "M", "thread_name")) {
        tracks[e.at("tid").get<int>()] = e.at("args").at("name").get<std::string>();
    }
    ASSERT_EQ(tracks.size(), 4u);  // engine + 3 workers
    EXPECT_EQ(tracks.at(0), "engine");
    EXPECT_EQ(tracks.at(1), "worker 0 (pid 5000)");
    EXPECT_EQ(tracks.at(3), "worker 2 (pid 5002)");

    std::vector<json> slices;
    for (const auto& e : events_where(trace, "X", "")) {
        if (e.at("cat") == "chunk") slices.push_back(e);
    }
    ASSERT_EQ(slices.size(), 12u);
    std::set<uint64_t> ids;
    for (const auto& e : slices) {
        const auto id = e.at("args").at("id").get<uint64_t>();
        ids.insert(id);
        const ChunkRecord& c = s.runs[0].chunks[id];
        EXPECT_EQ(e.at("tid"), c.worker + 1);
        // The worker's time on the chunk, in microseconds since the stream's origin.
        EXPECT_DOUBLE_EQ(e.at("ts").get<double>(), (c.recv_start_ns - kLateOriginNs) / 1e3);
        EXPECT_DOUBLE_EQ(e.at("dur").get<double>(), (c.ser_end_ns - c.recv_start_ns) / 1e3);
    }
    EXPECT_EQ(ids.size(), 12u);
    EXPECT_EQ(events_where(trace, "i", "error: worker_killed").size(), 1u);
}

TEST(TraceExport, MemoryAndCpuCountersFollowTheSamples) {
    const EventStream s = stream_with_chunks(2, 2, 4);
    const json trace = chrome_trace(s);
    const auto memory = events_where(trace, "C", "memory (MiB)");
    ASSERT_EQ(memory.size(), 4u);
    const Sample& first = s.runs[0].samples[0];
    EXPECT_DOUBLE_EQ(memory[0].at("args").at("PSS sum").get<double>(),
                     first.pss_sum_bytes / (1024.0 * 1024.0));
    EXPECT_DOUBLE_EQ(memory[0].at("args").at("RSS sum").get<double>(),
                     first.rss_sum_bytes / (1024.0 * 1024.0));
    const auto cpu = events_where(trace, "C", "CPU %");
    ASSERT_EQ(cpu.size(), 4u);
    EXPECT_EQ(cpu[0].at("args").size(), 3u);  // cpu0, cpu1, cpu2
    EXPECT_DOUBLE_EQ(cpu[0].at("args").at("cpu2").get<double>(), first.core_util[2] * 100);
}

TEST(TraceExport, AggregatedBucketsBecomeSlicesNoLongerThanTheirBucket) {
    EventStream s = stream_with_chunks(0, 2, 0);
    s.runs[0].aggregated = true;
    s.runs[0].buckets = {{0, kLateOriginNs + 100 * kMs, 100 * kMs, 40, 400, 0, 0.07},
                         {1, kLateOriginNs + 100 * kMs, 100 * kMs, 90, 900, 2, 0.35}};
    const json trace = chrome_trace(s);
    std::vector<json> slices;
    for (const auto& e : events_where(trace, "X", "")) {
        if (e.at("cat") == "chunk_bucket") slices.push_back(e);
    }
    ASSERT_EQ(slices.size(), 2u);
    EXPECT_EQ(slices[0].at("name"), "40 chunks");
    EXPECT_DOUBLE_EQ(slices[0].at("ts").get<double>(), 100'000.0);
    EXPECT_DOUBLE_EQ(slices[0].at("dur").get<double>(), 70'000.0);
    EXPECT_DOUBLE_EQ(slices[1].at("dur").get<double>(), 100'000.0);  // 0.35 s busy, 0.1 s bucket
    EXPECT_EQ(slices[1].at("args").at("items"), 900);
}

TEST(TraceExport, EachHostOfAnMpiRunHasItsOwnCounters) {
    EventStream s = stream_with_chunks(0, 2, 4);
    for (size_t i = 0; i < s.runs[0].samples.size(); ++i)
        s.runs[0].samples[i].host = i % 2 == 0 ? "host-a" : "host-b";
    s.runs[0].samples[3].pss_sum_bytes = 7 << 20;
    const json trace = chrome_trace(s);
    EXPECT_TRUE(events_where(trace, "C", "memory (MiB)").empty())
        << "hosts' sums mixed on one track";
    const auto a = events_where(trace, "C", "memory (MiB) · host-a");
    const auto b = events_where(trace, "C", "memory (MiB) · host-b");
    ASSERT_EQ(a.size(), 2u);
    ASSERT_EQ(b.size(), 2u);
    EXPECT_DOUBLE_EQ(b[1].at("args").at("PSS sum").get<double>(), 7.0);
    EXPECT_EQ(events_where(trace, "C", "CPU % · host-b").size(), 2u);
}

}  // namespace
}  // namespace poolscope
