// chunks and sample lines are read without a JSON tree when they are in the writer's plain shape
// (chunk_batch.h, sample_line.h). The reader must not be able to tell: over recorded streams,
// the fuzz corpus and its regressions, and variants of each hot line's every kind of value, a
// parser that reads hot lines and one that reads every line as a tree give the same error for
// every line (or none) and the same stream at the end.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "core/events/chunk_batch.h"
#include "core/events/event_reader.h"
#include "core/events/event_stream_parser.h"
#include "core/events/sample_line.h"
#include "core/report/telemetry_json.h"
#include "support/stream_file.h"
#include "support/synthetic_run.h"

namespace poolscope {
namespace {

namespace fs = std::filesystem;
using test_support::kLateOriginNs;
constexpr int64_t kMs = 1'000'000;

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
}

// The line's error, or "" when it was read.
std::string outcome(EventStreamParser& parser, const std::string& line) {
    try {
        parser.parse_line(line);
        return {};
    } catch (const EventStreamError& e) {
        return e.what();
    }
}

void expect_same_runs(const StreamRun& a, const StreamRun& b) {
    EXPECT_EQ(a.run_id, b.run_id);
    EXPECT_EQ(a.chunks, b.chunks);
    EXPECT_EQ(a.samples, b.samples);
    EXPECT_EQ(a.buckets, b.buckets);
    EXPECT_EQ(a.workers.size(), b.workers.size());
    EXPECT_EQ(a.progress.size(), b.progress.size());
    EXPECT_EQ(a.errors.size(), b.errors.size());
    EXPECT_EQ(a.result.has_value(), b.result.has_value());
    EXPECT_EQ(a.chunks_streamed, b.chunks_streamed);
}

// Every line through both parsers: the same errors, and the same stream at the end.
void expect_same_reading(const std::string& text, const std::string& what) {
    SCOPED_TRACE(what);
    EventStreamParser hot(true), tree(false);
    int line_number = 0;
    for (const std::string& line : lines_of(text)) {
        ++line_number;
        EXPECT_EQ(outcome(hot, line), outcome(tree, line)) << "line " << line_number;
    }
    const EventStream& a = hot.stream();
    const EventStream& b = tree.stream();
    EXPECT_EQ(a.hello, b.hello);
    ASSERT_EQ(a.runs.size(), b.runs.size());
    for (std::size_t i = 0; i < a.runs.size(); ++i) expect_same_runs(a.runs[i], b.runs[i]);
    EXPECT_EQ(a.errors.size(), b.errors.size());
    EXPECT_EQ(a.warnings.size(), b.warnings.size());
    EXPECT_EQ(a.series.size(), b.series.size());
    EXPECT_EQ(a.comparisons.size(), b.comparisons.size());
}

std::string file_text(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

Sample sample_at(int64_t t_ns, bool with_host) {
    Sample s;
    s.t_ns = t_ns;
    s.core_util = {0.25, 1.0};
    s.core_steal = {0.0, 0.015625};
    s.machine_util = 0.625;
    s.rss_sum_bytes = 3 << 20;
    s.pss_sum_bytes = 2 << 20;
    s.uss_sum_bytes = 1 << 20;
    ProcessSample engine;
    engine.pid = 4321;
    engine.role = "engine";
    engine.rss_bytes = 1 << 20;
    engine.pss_bytes = 1 << 19;
    engine.uss_bytes = 1 << 18;
    engine.pss_age_ns = -1;  // written as -1e-09: a reading's rounding
    engine.cpu_ns = 123456789;
    engine.cpu_util = 0.5;
    engine.last_cpu = 1;
    engine.state = 'S';
    ProcessSample worker = engine;
    worker.pid = 4322;
    worker.role = "worker";
    worker.worker = 0;
    worker.pss_age_ns = 0;
    worker.cpu_util = 1.0;
    worker.state = 'R';
    worker.gone = true;
    s.processes = {engine, worker};
    if (with_host) s.host = "node-2";
    return s;
}

// hello, run_start, chunks, two samples (one from another host), run_end: the writer's lines.
std::string written_stream() {
    test_support::StreamFile file;
    const RunResult r = test_support::synthetic_result("b", kLateOriginNs + kMs, 9, 3);
    file.writer().on_run_start("b", r.config, r.machine, r.start_ns);
    for (const auto& c : r.chunk_records) file.writer().on_chunk("b", c);
    file.writer().on_sample("b", sample_at(r.start_ns + kMs, false));
    file.writer().on_sample("b", sample_at(r.start_ns + 2 * kMs, true));
    file.writer().on_tick(r.end_ns);
    file.writer().on_run_end(r);
    return file.text();
}

std::string line_of_type(const std::string& text, const std::string& type) {
    for (const std::string& line : lines_of(text))
        if (line.starts_with("{\"type\":\"" + type + "\"")) return line;
    ADD_FAILURE() << "no " << type << " line";
    return {};
}

// The stream with its first line of `type` replaced by `line`.
std::string with_line(const std::string& text, const std::string& type, const std::string& line) {
    std::string out = text;
    const std::string old = line_of_type(text, type);
    return out.replace(out.find(old), old.size(), line);
}

// `line` with the first value of column `name` replaced by `value`.
std::string with_first(std::string line, const std::string& name, const std::string& value) {
    const auto at = line.find("\"" + name + "\":[");
    EXPECT_NE(at, std::string::npos) << name;
    if (at == std::string::npos) return line;
    const auto from = at + name.size() + 4;
    const auto to = line.find_first_of(",]", from);
    return line.replace(from, to - from, value);
}

// `line` with the first `from` after `after` replaced by `to`.
std::string edited(std::string line, const std::string& after, const std::string& from,
                   const std::string& to) {
    const auto anchor = line.find(after);
    const auto at = anchor == std::string::npos ? anchor : line.find(from, anchor);
    EXPECT_NE(at, std::string::npos) << after << " … " << from;
    if (at == std::string::npos) return line;
    return line.replace(at, from.size(), to);
}

TEST(EventHotLines, WriterLinesAreReadWithoutATreeAsTheTreeReadsThem) {
    const std::string text = written_stream();
    const EventStream stream = read_event_stream_text(text);
    const int64_t o = stream.hello.origin_ns;
    int chunk_lines = 0, sample_lines = 0;
    for (const std::string& line : lines_of(text)) {
        const auto tree = nlohmann::json::parse(line);
        if (tree["type"] == "chunks") {
            ++chunk_lines;
            const auto fast = chunks_from_text(line, o);
            ASSERT_TRUE(fast.has_value()) << line;
            EXPECT_EQ(fast->run_id, "b");
            EXPECT_EQ(fast->chunks, chunks_from_event(tree, o));
        } else if (tree["type"] == "sample") {
            ++sample_lines;
            const auto fast = sample_from_text(line, o);
            ASSERT_TRUE(fast.has_value()) << line;
            EXPECT_EQ(fast->sample, sample_from_json(tree, o));
        }
    }
    EXPECT_EQ(chunk_lines, 1);
    EXPECT_EQ(sample_lines, 2);
    ASSERT_EQ(stream.runs.size(), 1u);
    EXPECT_EQ(stream.runs[0].chunks.size(), 9u);
    ASSERT_EQ(stream.runs[0].samples.size(), 2u);
    EXPECT_EQ(stream.runs[0].samples[1].host, "node-2");
    EXPECT_EQ(stream.runs[0].samples[0].processes[0].pss_age_ns, -1);
}

TEST(EventHotLines, RecordedStreamsAndFuzzInputsReadTheSame) {
    const fs::path tests = fs::path(POOLSCOPE_FIXTURES_DIR).parent_path();
    int files = 0;
    for (const fs::path& dir :
         {tests / "gui" / "fixtures", tests / "fuzz" / "corpus" / "event_reader",
          tests / "fuzz" / "regressions" / "event_reader"}) {
        for (const auto& entry : fs::directory_iterator(dir)) {
            if (entry.path().extension() != ".jsonl") continue;
            ++files;
            expect_same_reading(file_text(entry.path()), entry.path().filename().string());
        }
    }
    EXPECT_GE(files, 20);
}

TEST(EventHotLines, EveryKindOfChunksValueReadsTheSame) {
    const std::string text = written_stream();
    const std::string line = line_of_type(text, "chunks");
    std::vector<std::string> variants = {
        line + " ",
        line + "x",
        line.substr(0, line.size() - 1),
        edited(line, "\"n\":", "9", "10"),
        edited(line, "\"n\":", "\"n\":9", "\"n\":9,\"n\":9"),
        edited(line, "\"n\":", "\"n\":9", "\"n\":9,\"extra\":1"),
        edited(line, "\"t\":", "\"t\":", "\"t\":\"soon\",\"x\":"),
        edited(line, "\"run\":", "\"b\"", "\"\\u0062\""),
        edited(line, "\"run\":", "\"b\"", "\"zz\""),
        edited(line, "\"id\":[", ",", " , "),
    };
    for (const char* value : {"5.0", "-5", "1e2", "18446744073709551615", "18446744073709551616",
                              "99999999999999999999999", "true", "null", "\"5\"", "05", "-0"})
        variants.push_back(with_first(line, "count", value));
    for (const char* value : {"null", "1e300", "1e8", "-0", "0", "1E-3", "1e-400", "5e-324",
                              "0.1e1", "1.", ".5", "-", "2", "-3", "0.123456789012345678"})
        variants.push_back(with_first(line, "dispatch", value));
    for (const char* value : {"-1e-9", "0", "1", "-0.0", "null"})
        variants.push_back(with_first(line, "engine_ser_s", value));
    for (const char* value : {"65535", "65536", "-1", "2.0", "1e0"})
        variants.push_back(with_first(line, "worker", value));
    for (const char* value : {"1", "tru", "false", "null"})
        variants.push_back(with_first(line, "ok", value));
    variants.push_back(with_first(line, "failed_items", "100000"));
    variants.push_back(with_first(line, "received", "null"));
    int index = 0;
    for (const std::string& variant : variants)
        expect_same_reading(with_line(text, "chunks", variant),
                            "chunks variant " + std::to_string(index++) + ": " + variant);
}

TEST(EventHotLines, EveryKindOfSampleValueReadsTheSame) {
    const std::string text = written_stream();
    const std::string line = line_of_type(text, "sample");
    std::vector<std::string> variants = {
        line + "\t",
        line + "}",
        edited(line, "\"t\":", "\"t\":", "\"t\":1e12,\"x\":"),
        edited(line, "\"run\":", "\"b\"", "\"zz\""),
        edited(line, "\"machine_util\":", "0.625", "true"),
        edited(line, "\"core_util\":", "[0.25,1.0]", "[]"),
        edited(line, "\"core_util\":", "[0.25", "[0.25,true"),
        edited(line, "\"core_util\":", "0.25", "\"x\""),
        edited(line, "\"rss_sum_bytes\":", "3145728", "-1"),
        edited(line, "\"processes\":", "[{", "[{\"minor_faults\":3,"),
        edited(line, "\"processes\":", "[{", "[{\"pid\":1,"),
        edited(line, "\"processes\":", "[{", "[7,{"),
        edited(line, "\"pss_age_s\":", "-1e-09", "1e12"),
        edited(line, "\"pss_age_s\":", "-1e-09", "-1"),
        edited(line, "\"cpu_s\":", "0.123456789", "-1"),
        edited(line, "\"state\":", "\"S\"", "\"SS\""),
        edited(line, "\"state\":", "\"S\"", "\"\""),
        edited(line, "\"state\":", "\"S\"", "\"\\u0053\""),
        edited(line, "\"pid\":", "4321", "2147483648"),
        edited(line, "\"worker\":", "-1", "-2147483649"),
        edited(line, "\"last_cpu\":", "1", "1.0"),
        edited(line, "\"gone\":", "false", "0"),
        edited(line, "\"role\":", "\"engine\"", "\"eng\xc3\xa9ne\""),
        edited(line, "\"uss_sum_bytes\":", "1048576", "1048576,\"host\":\"n1\""),
        edited(line, "\"uss_sum_bytes\":", "1048576", "1048576,\"host\":7"),
    };
    int index = 0;
    for (const std::string& variant : variants)
        expect_same_reading(with_line(text, "sample", variant),
                            "sample variant " + std::to_string(index++) + ": " + variant);
}

}  // namespace
}  // namespace poolscope
