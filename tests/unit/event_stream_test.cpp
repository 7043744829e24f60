// The event stream end to end: what EventStreamWriter writes, EventReader reads back into the
// same structs; batching keeps the line count low; past the cap chunks become buckets and the
// stream says so; a reader that does not read never blocks the run, and what was dropped is
// counted and reported. (Reading malformed streams: event_reader_test.cpp.)
#include <fcntl.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <chrono>
#include <sstream>
#include <thread>

#include "core/config/config_json.h"
#include "core/events/event_reader.h"
#include "core/events/event_schema.h"
#include "core/events/event_stream_writer.h"
#include "support/stream_file.h"
#include "support/synthetic_run.h"

namespace poolscope {
namespace {

using test_support::kLateOriginNs;
constexpr int64_t kMs = 1'000'000;

int count_lines_of_type(const std::string& stream, const std::string& type) {
    int n = 0;
    std::istringstream in(stream);
    for (std::string line; std::getline(in, line);) {
        if (line.rfind("{\"type\":\"" + type + "\"", 0) == 0) ++n;
    }
    return n;
}

void expect_same_worker_event(const WorkerEvent& a, const WorkerEvent& b) {
    EXPECT_EQ(a.run_id, b.run_id);
    EXPECT_EQ(a.worker, b.worker);
    EXPECT_EQ(a.pid, b.pid);
    EXPECT_EQ(a.state, b.state);
    EXPECT_EQ(a.exit_code, b.exit_code);
    EXPECT_EQ(a.signal, b.signal);
    EXPECT_EQ(a.t_ns, b.t_ns);
}

TEST(EventStream, ARunReadsBackIntoTheSameStructs) {
    test_support::StreamFile file;
    EventStreamWriter& w = file.writer();
    const RunResult r = test_support::synthetic_result("7", kLateOriginNs + 3 * kMs, 6, 2);
    const std::vector<WorkerEvent> workers = {
        {"7", 0, 5000, "started", -1, 0, r.start_ns + 10'000},
        {"7", 1, 5001, "ready", -1, 0, r.start_ns + 500'001},
        {"7", 1, 5001, "exited", 0, 0, r.start_ns + 90'000'001}};
    const std::vector<Sample> samples = {
        test_support::synthetic_sample(r.start_ns + 100 * kMs + 17, 3, 2),
        test_support::synthetic_sample(r.start_ns + 200 * kMs + 29, 3, 2)};
    w.on_run_start("7", r.config, r.machine, r.start_ns);
    for (const auto& e : workers) w.on_worker(e);
    for (const auto& c : r.chunk_records) w.on_chunk("7", c);
    w.on_progress({"7", 60, 60, 6, 6, r.start_ns + 95 * kMs});
    for (const auto& s : samples) w.on_sample("7", s);
    w.on_error("7", r.errors[0], r.start_ns + 40 * kMs + 3);
    w.on_error("", {"bad_input", "outside any run", -1, 0, 0, -1, -1}, r.end_ns + 1);
    w.on_run_end(r);

    const EventStream s = read_event_stream_text(file.text());
    EXPECT_EQ(s.hello.schema, events::kSchemaVersion);
    EXPECT_EQ(s.hello.version, POOLSCOPE_VERSION);
    EXPECT_EQ(s.hello.cores, 4);
    EXPECT_EQ(s.hello.kernel, "6.1.0-test");
    EXPECT_EQ(s.hello.origin_ns, kLateOriginNs);
    ASSERT_EQ(s.runs.size(), 1u);
    const StreamRun& run = s.runs[0];
    EXPECT_EQ(run.config, r.config);
    EXPECT_TRUE(same_machine(run.machine, r.machine));
    EXPECT_EQ(run.label, describe(r.config));
    EXPECT_EQ(run.start_t_ns, r.start_ns);
    ASSERT_EQ(run.workers.size(), workers.size());
    for (std::size_t i = 0; i < workers.size(); ++i) {
        expect_same_worker_event(run.workers[i], workers[i]);
    }
    EXPECT_EQ(run.chunks, r.chunk_records);
    EXPECT_EQ(run.samples, samples);
    ASSERT_EQ(run.errors.size(), 1u);
    EXPECT_EQ(run.errors[0].error, r.errors[0]);
    EXPECT_EQ(run.errors[0].t_ns, r.start_ns + 40 * kMs + 3);
    ASSERT_EQ(s.errors.size(), 1u);
    EXPECT_EQ(s.errors[0].error.code, "bad_input");
    ASSERT_EQ(run.progress.size(), 1u);
    EXPECT_EQ(run.progress[0].items_done, 60u);
    ASSERT_TRUE(run.result.has_value());
    RunResult expected = r;
    expected.chunk_records.clear();  // streamed as chunks events, not inside run_end
    test_support::expect_same_result(*run.result, expected);
    EXPECT_FALSE(run.aggregated);
    EXPECT_EQ(run.chunks_streamed, 6u);
    EXPECT_EQ(run.dropped, DropCounts{});
    EXPECT_TRUE(s.warnings.empty());
}

TEST(EventStream, EveryLineStartsWithItsTypeAndTime) {
    test_support::StreamFile file;
    const RunResult r = test_support::synthetic_result("a", kLateOriginNs + kMs, 3, 1);
    file.writer().on_run_start("a", r.config, r.machine, r.start_ns);
    file.writer().on_run_end(r);
    std::istringstream in(file.text());
    int lines = 0;
    for (std::string line; std::getline(in, line); ++lines) {
        const auto j = nlohmann::json::parse(line);
        EXPECT_EQ(line.rfind("{\"type\":", 0), 0u) << line;
        EXPECT_TRUE(j.at("t").is_number()) << line;
        if (j.at("type") != "hello") {
            EXPECT_EQ(j.at("run"), "a") << line;
        }
    }
    EXPECT_EQ(lines, 3);  // hello, run_start, run_end (3 chunks were never reported)
}

TEST(EventStream, ManyChunksWithinOneFlushPeriodMakeFewLines) {
    test_support::StreamFile file;
    EventStreamWriter& w = file.writer();
    const RunResult r = test_support::synthetic_result("b", kLateOriginNs + 1000 * kMs, 0, 2);
    w.on_run_start("b", r.config, r.machine, r.start_ns);
    // 1000 chunks over 10 ms, the engine ticking after each one, progress after each one.
    for (int i = 0; i < 1000; ++i) {
        const int64_t now = r.start_ns + i * 10'000;
        w.on_chunk("b", test_support::synthetic_chunk(static_cast<uint64_t>(i), i % 2, now));
        w.on_progress({"b", static_cast<uint64_t>(i + 1) * 10, 10000, static_cast<uint64_t>(i + 1),
                       1000, now});
        w.on_tick(now);
    }
    EXPECT_GT(w.ms_until_tick(r.start_ns + 10 * kMs), 0);
    EXPECT_LE(w.ms_until_tick(r.start_ns + 10 * kMs), 50);
    w.on_run_end(r);
    EXPECT_EQ(w.ms_until_tick(r.end_ns), -1);  // nothing batched, nothing queued
    const std::string text = file.text();
    EXPECT_LE(count_lines_of_type(text, "chunks"), 2);
    EXPECT_LE(count_lines_of_type(text, "progress"), 2);
    const EventStream s = read_event_stream_text(text);
    ASSERT_EQ(s.runs.size(), 1u);
    EXPECT_EQ(s.runs[0].chunks.size(), 1000u);
    EXPECT_EQ(s.runs[0].progress.back().items_done, 10000u);
}

TEST(EventStream, PastTheCapChunksAreAggregatedAndTheStreamSaysSo) {
    test_support::StreamFile file({.chunk_detail_cap = 100, .bucket_ms = 100});
    EventStreamWriter& w = file.writer();
    const RunResult r = test_support::synthetic_result("c", kLateOriginNs + 1000 * kMs, 0, 4);
    w.on_run_start("c", r.config, r.machine, r.start_ns);
    for (int i = 0; i < 1000; ++i) {  // one chunk per ms over 4 workers, 10 items each
        const int64_t now = r.start_ns + i * kMs;
        w.on_chunk("c", test_support::synthetic_chunk(static_cast<uint64_t>(i), i % 4, now));
        w.on_tick(now);
    }
    w.on_run_end(r);
    const std::string text = file.text();
    EXPECT_EQ(count_lines_of_type(text, "aggregated"), 1);
    const EventStream s = read_event_stream_text(text);
    const StreamRun& run = s.runs.at(0);
    EXPECT_TRUE(run.aggregated);
    EXPECT_EQ(run.aggregated_after, 100u);
    EXPECT_EQ(run.chunks.size(), 100u);
    EXPECT_EQ(run.chunks_streamed, 100u);
    EXPECT_EQ(run.chunks_aggregated, 900u);
    uint64_t chunks = 0, items = 0;
    std::set<int> workers;
    for (const auto& b : run.buckets) {
        chunks += b.chunks;
        items += b.items;
        workers.insert(b.worker);
        EXPECT_EQ(b.width_ns, 100 * kMs);
        EXPECT_EQ((b.start_ns - kLateOriginNs) % (100 * kMs), 0);  // aligned on the origin
        EXPECT_GT(b.busy_s, 0.0);
    }
    EXPECT_EQ(chunks, 900u);
    EXPECT_EQ(items, 9000u);
    EXPECT_EQ(workers, (std::set<int>{0, 1, 2, 3}));
    // Merged per worker and bucket: 900 ms of chunks make about 10 buckets per worker.
    EXPECT_LE(run.buckets.size(), 4u * 11u);
    const auto end = nlohmann::json::parse(text.substr(text.rfind("{\"type\":\"run_end\"")));
    EXPECT_EQ(end.at("chunk_detail"), "aggregated");
}

// Output the reader has not taken yet is retried 1 ms after the last tick, not only at the
// next flush 50 ms later: the engine asks for a tick in time, and a reader that catches up gets
// the lines at once.
TEST(EventStream, QueuedOutputAsksForATickOneMillisecondLater) {
    int fds[2];
    ASSERT_EQ(pipe2(fds, O_CLOEXEC), 0);
    fcntl(fds[1], F_SETPIPE_SZ, 4096);
    EventStreamWriter w(fds[1], kLateOriginNs, test_support::synthetic_machine());
    const RunResult r = test_support::synthetic_result("q", kLateOriginNs + kMs, 0, 2);
    w.on_run_start("q", r.config, r.machine, r.start_ns);
    for (int i = 0; i < 2000; ++i)
        w.on_chunk("q", test_support::synthetic_chunk(static_cast<uint64_t>(i), i % 2,
                                                      r.start_ns + i * 1000));
    const int64_t flushed = r.start_ns + 60 * kMs;  // past the 50 ms flush period
    w.on_tick(flushed);  // the batch is written; most of it waits behind the full pipe
    EXPECT_EQ(w.ms_until_tick(flushed), 1);
    EXPECT_EQ(w.ms_until_tick(flushed + kMs / 2), 1);
    EXPECT_EQ(w.ms_until_tick(flushed + kMs), 0);
    EXPECT_EQ(w.ms_until_tick(flushed + 2 * kMs), 0);

    std::string received;
    std::thread reader([&] {
        char buf[65536];
        for (ssize_t n; (n = read(fds[0], buf, sizeof buf)) > 0;) received.append(buf, n);
    });
    // The reader catches up; the retries move the rest out without a new flush.
    int64_t now = flushed;
    for (int i = 0; i < 5000 && w.ms_until_tick(now) >= 0; ++i) {
        now += kMs;
        w.on_tick(now);
        std::this_thread::sleep_for(std::chrono::microseconds(200));
    }
    EXPECT_EQ(w.ms_until_tick(now), -1) << "output still queued";
    EXPECT_EQ(w.dropped().events, 0u);
    EXPECT_TRUE(w.finish());
    close(fds[1]);
    reader.join();
    close(fds[0]);
    EXPECT_EQ(read_event_stream_text(received).runs.at(0).chunks.size(), 2000u);
}

// A pipe nobody reads: the run's calls must return at once, drops are counted and told.
TEST(EventStream, ASlowReaderNeverBlocksTheRunAndDropsAreReported) {
    int fds[2];
    ASSERT_EQ(pipe2(fds, O_CLOEXEC), 0);
    fcntl(fds[1], F_SETPIPE_SZ, 4096);
    EventStreamOptions options;
    options.buffer_bytes = 256 * 1024;
    EventStreamWriter w(fds[1], kLateOriginNs, test_support::synthetic_machine(), options);
    const RunResult r = test_support::synthetic_result("slow", kLateOriginNs + kMs, 0, 4);
    w.on_run_start("slow", r.config, r.machine, r.start_ns);

    const auto started = std::chrono::steady_clock::now();
    for (int i = 0; i < 100'000; ++i) {
        const int64_t now = r.start_ns + i * 10'000;  // 100k chunks over 1 s
        w.on_chunk("slow", test_support::synthetic_chunk(static_cast<uint64_t>(i), i % 4, now));
        if (i % 100 == 0) w.on_tick(now);
        if (i % 10'000 == 0) w.on_sample("slow", test_support::synthetic_sample(now, 8, 4));
    }
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    EXPECT_LT(seconds, 5.0) << "the writer blocked on a full pipe";
    EXPECT_GT(w.dropped().events, 0u);
    EXPECT_GT(w.dropped().chunks, 0u);
    w.on_run_end(r);  // never dropped, even now

    std::string received;
    std::thread reader([&] {
        char buf[65536];
        for (ssize_t n; (n = read(fds[0], buf, sizeof buf)) > 0;) received.append(buf, n);
    });
    EXPECT_TRUE(w.finish());
    close(fds[1]);
    reader.join();
    close(fds[0]);

    const EventStream s = read_event_stream_text(received);
    const StreamRun& run = s.runs.at(0);
    ASSERT_TRUE(run.result.has_value());
    EXPECT_EQ(run.dropped, w.dropped());
    EXPECT_EQ(run.chunks_streamed + run.chunks_aggregated + run.dropped.chunks, 100'000u);
    uint64_t warned = 0;
    for (const auto& warning : s.warnings) {
        EXPECT_EQ(warning.code, "events_dropped");
        warned += warning.dropped.events;
    }
    EXPECT_EQ(warned, run.dropped.events);  // every drop was told in a warning
}

}  // namespace
}  // namespace poolscope
