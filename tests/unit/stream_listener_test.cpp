// The parser's push interface: a live reader is told what each line changed, in stream order,
// after the change is stored; buckets are merged in place as the whole stream's table would merge
// them; take() leaves no index pointing into the stream it moved out.
#include <gtest/gtest.h>

#include <algorithm>
#include <iterator>

#include <nlohmann/json.hpp>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "core/events/chunk_buckets.h"
#include "core/events/event_stream_parser.h"
#include "core/text/json_units.h"
#include "support/stream_file.h"
#include "support/synthetic_run.h"

namespace poolscope {
namespace {

using test_support::kLateOriginNs;
constexpr int64_t kMs = 1'000'000;

// Writes down every call as one word, and checks that what it was told is already stored.
class Recorder : public StreamListener {
  public:
    explicit Recorder(const EventStreamParser& parser) : parser_(parser) {}
    std::vector<std::string> calls;
    std::size_t chunks_told = 0;

    void hello(const StreamHello&) override { calls.push_back("hello"); }
    void run_started(std::size_t run) override {
        calls.push_back("run_started");
        EXPECT_LT(run, parser_.stream().runs.size());
    }
    void worker_changed(std::size_t run, const WorkerEvent& w) override {
        calls.push_back("worker");
        EXPECT_EQ(&w, &parser_.stream().runs[run].workers.back());
    }
    void chunks_appended(std::size_t run, std::size_t first, std::size_t count) override {
        calls.push_back("chunks");
        EXPECT_EQ(first, chunks_told);
        chunks_told += count;
        EXPECT_EQ(parser_.stream().runs[run].chunks.size(), chunks_told);
    }
    void aggregated(std::size_t run) override {
        calls.push_back("aggregated");
        EXPECT_TRUE(parser_.stream().runs[run].aggregated);
    }
    void buckets_merged(std::size_t run, std::size_t count) override {
        calls.push_back("buckets");
        EXPECT_GT(count, 0u);
        EXPECT_FALSE(parser_.stream().runs[run].buckets.empty());
    }
    void progressed(std::size_t, const ProgressEvent&) override { calls.push_back("progress"); }
    void sampled(std::size_t, const Sample&) override { calls.push_back("sample"); }
    void warned(const StreamWarning&) override { calls.push_back("warning"); }
    void failed(std::optional<std::size_t> run, const StreamError&) override {
        calls.push_back(run ? "run_error" : "stream_error");
    }
    void run_ended(std::size_t run) override {
        calls.push_back("run_ended");
        EXPECT_TRUE(parser_.stream().runs[run].result.has_value());
    }

  private:
    const EventStreamParser& parser_;
};

std::vector<std::string> lines_of(const std::string& text) {
    std::istringstream in(text);
    std::vector<std::string> out;
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
}

// Every count in `calls` of word.
std::size_t count(const std::vector<std::string>& calls, const std::string& word) {
    return static_cast<std::size_t>(std::count(calls.begin(), calls.end(), word));
}

TEST(StreamListener, IsToldEveryChangeInStreamOrderAfterItIsStored) {
    EventStreamOptions options;
    options.chunk_detail_cap = 3;  // three chunks in full, then buckets
    test_support::StreamFile file(options);
    const RunResult r = test_support::synthetic_result("live", kLateOriginNs + kMs, 12, 2);
    auto& w = file.writer();
    w.on_run_start("live", r.config, r.machine, r.start_ns);
    w.on_worker({"live", 0, 4242, "started", 0, 0, r.start_ns + kMs});
    for (const auto& c : r.chunk_records) w.on_chunk("live", c);
    w.on_progress({"live", 120, 120, 12, 12, r.end_ns - kMs});
    w.on_sample("live", test_support::synthetic_sample(r.end_ns - kMs, 2, 2));
    RunError err;
    err.code = "item_error";
    err.message = "item 7 failed";
    w.on_error("live", err, r.end_ns - kMs);
    w.on_run_end(r);
    RunError outside;  // an error of the stream as a whole: no run
    outside.code = "engine";
    outside.message = "the engine's own error";
    w.on_error("", outside, r.end_ns);
    const auto lines = lines_of(file.text());

    EventStreamParser parser;
    Recorder recorder(parser);
    parser.set_listener(&recorder);
    for (const auto& line : lines) parser.parse_line(line);

    const auto& calls = recorder.calls;
    ASSERT_FALSE(calls.empty());
    EXPECT_EQ(calls.front(), "hello");
    EXPECT_EQ(calls[1], "run_started");
    EXPECT_EQ(count(calls, "worker"), 1u);
    EXPECT_EQ(recorder.chunks_told, 3u);
    EXPECT_EQ(count(calls, "aggregated"), 1u);
    EXPECT_GE(count(calls, "buckets"), 1u);
    EXPECT_EQ(count(calls, "progress"), 1u);
    EXPECT_EQ(count(calls, "sample"), 1u);
    EXPECT_EQ(count(calls, "run_error"), 1u);
    EXPECT_EQ(count(calls, "run_ended"), 1u);
    EXPECT_EQ(calls.back(), "stream_error");
    // Told in the order the lines came: nothing of the run after its end.
    const auto end = std::find(calls.begin(), calls.end(), "run_ended");
    EXPECT_EQ(std::next(end), std::prev(calls.end()));
    // The merged buckets hold every chunk past the cap.
    uint64_t in_buckets = 0;
    for (const auto& b : parser.stream().runs[0].buckets) in_buckets += b.chunks;
    EXPECT_EQ(in_buckets, 9u);
}

TEST(StreamListener, BucketsMergeInPlaceAsTheWholeTableMergesThem) {
    // Buckets sent in several lines, some again with more chunks, in a scrambled order.
    std::mt19937 rng(7);
    std::vector<ChunkBucket> sent;
    std::vector<double> start_s;
    for (int i = 0; i < 300; ++i) {
        ChunkBucket b;
        b.worker = static_cast<int>(rng() % 4);
        start_s.push_back(0.1 * static_cast<double>(rng() % 40));
        b.start_ns = kLateOriginNs + seconds_to_ns(start_s.back());  // as the reader reads it
        b.width_ns = 100 * kMs;
        b.chunks = 1 + rng() % 5;
        b.items = b.chunks * 3;
        b.failed_items = rng() % 2;
        b.busy_s = 0.25 * static_cast<double>(b.chunks);
        sent.push_back(b);
    }
    ChunkBucketTable whole(kLateOriginNs, 100 * kMs);
    for (const auto& b : sent) whole.merge(b);

    const RunResult r = test_support::synthetic_result("b", kLateOriginNs + kMs);
    test_support::StreamFile file;
    file.writer().on_run_start("b", r.config, r.machine, r.start_ns);
    const auto head = lines_of(file.text());
    EventStreamParser parser;
    parser.parse_line(head.at(0));
    parser.parse_line(head.at(1));
    constexpr std::size_t kPerLine = 37;
    for (std::size_t at = 0; at < sent.size(); at += kPerLine) {
        nlohmann::json e{{"type", "chunk_buckets"}, {"t", 1.0}, {"run", "b"}, {"bucket_s", 0.1}};
        const std::size_t end = std::min(sent.size(), at + kPerLine);
        e["n"] = end - at;
        for (std::size_t i = at; i < end; ++i) {
            e["worker"].push_back(sent[i].worker);
            e["start"].push_back(start_s[i]);
            e["chunks"].push_back(sent[i].chunks);
            e["items"].push_back(sent[i].items);
            e["failed_items"].push_back(sent[i].failed_items);
            e["busy_s"].push_back(sent[i].busy_s);
        }
        parser.parse_line(e.dump());
    }
    const auto& merged = parser.stream().runs[0].buckets;
    const auto expected = whole.snapshot();
    ASSERT_EQ(merged.size(), expected.size());
    for (std::size_t i = 0; i < merged.size(); ++i) {
        EXPECT_EQ(merged[i].worker, expected[i].worker) << i;
        EXPECT_EQ(merged[i].start_ns, expected[i].start_ns) << i;
        EXPECT_EQ(merged[i].chunks, expected[i].chunks) << i;
        EXPECT_EQ(merged[i].items, expected[i].items) << i;
        EXPECT_EQ(merged[i].failed_items, expected[i].failed_items) << i;
        EXPECT_DOUBLE_EQ(merged[i].busy_s, expected[i].busy_s) << i;
    }
}

TEST(StreamListener, TakeLeavesNoIndexIntoTheTakenStream) {
    test_support::StreamFile file;
    const RunResult r = test_support::synthetic_result("old", kLateOriginNs + kMs, 4, 2);
    file.writer().on_run_start("old", r.config, r.machine, r.start_ns);
    for (const auto& c : r.chunk_records) file.writer().on_chunk("old", c);
    file.writer().on_run_end(r);
    const auto lines = lines_of(file.text());
    ASSERT_EQ(lines.size(), 4u);  // hello, run_start, chunks, run_end

    EventStreamParser parser;
    parser.parse_line(lines[0]);
    parser.parse_line(lines[1]);
    const EventStream taken = parser.take();
    ASSERT_EQ(taken.runs.size(), 1u);
    EXPECT_FALSE(parser.has_hello());
    EXPECT_TRUE(parser.stream().runs.empty());
    // A later line of the old run: refused (the stream must start again with hello), never an
    // index into the moved-out runs.
    EXPECT_THROW(parser.parse_line(lines[2]), EventStreamError);
    parser.parse_line(lines[0]);
    EXPECT_THROW(parser.parse_line(lines[2]), EventStreamError);  // "old" has no run_start here
    parser.parse_line(lines[1]);
    parser.parse_line(lines[2]);
    parser.parse_line(lines[3]);
    ASSERT_EQ(parser.stream().runs.size(), 1u);
    EXPECT_EQ(parser.stream().runs[0].chunks, r.chunk_records);
}

}  // namespace
}  // namespace poolscope
