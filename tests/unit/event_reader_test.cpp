// EventReader on streams that are not as the writer leaves them: malformed lines (named by
// number), unknown events, newer schemas, streams cut off before run_end, missing files; and
// the line-at-a-time parser a live reader uses.
#include <gtest/gtest.h>

#include <sstream>

#include "core/events/event_reader.h"
#include "core/events/event_stream_parser.h"
#include "support/stream_file.h"
#include "support/synthetic_run.h"

namespace poolscope {
namespace {

using test_support::kLateOriginNs;
constexpr int64_t kMs = 1'000'000;

TEST(EventReader, AMalformedLineNamesItsNumber) {
    test_support::StreamFile file;
    const RunResult r = test_support::synthetic_result("m", kLateOriginNs + kMs, 2, 1);
    file.writer().on_run_start("m", r.config, r.machine, r.start_ns);
    std::string text = file.text();
    try {
        (void)read_event_stream_text(text + "{\"type\":\"progress\",\"t\":1,\"run\n");
        FAIL() << "a broken line was accepted";
    } catch (const EventStreamError& e) {
        EXPECT_EQ(e.line(), 3);
        EXPECT_NE(std::string(e.what()).find("line 3"), std::string::npos) << e.what();
    }
    try {
        (void)read_event_stream_text(text +
                                     "{\"type\":\"chunks\",\"t\":1,\"run\":\"m\",\"n\":2}\n");
        FAIL() << "a chunks event without columns was accepted";
    } catch (const EventStreamError& e) {
        EXPECT_EQ(e.line(), 3);
        EXPECT_NE(std::string(e.what()).find("worker"), std::string::npos) << e.what();
    }
    EXPECT_THROW(read_event_stream_text(text + "{\"type\":\"worker\",\"t\":1,\"run\":\"x\"}\n"),
                 EventStreamError);
}

TEST(EventReader, UnknownEventsAreSkippedAndNewerSchemasRefused) {
    test_support::StreamFile file;
    const std::string text = file.text();
    const EventStream s = read_event_stream_text(text + "{\"type\":\"from_the_future\",\"t\":2}\n");
    EXPECT_TRUE(s.runs.empty());
    std::string newer = text;
    newer.replace(newer.find("\"schema\":1"), 10, "\"schema\":99");
    EXPECT_THROW(read_event_stream_text(newer), EventStreamError);
    EXPECT_THROW(read_event_stream_text(""), EventStreamError);
    EXPECT_THROW(read_event_stream_text("{\"type\":\"run_start\",\"t\":0}\n"), EventStreamError);
}

TEST(EventReader, ACutOffStreamKeepsItsRunsWithoutAResult) {
    test_support::StreamFile file;
    const RunResult r = test_support::synthetic_result("cut", kLateOriginNs + kMs, 4, 2);
    file.writer().on_run_start("cut", r.config, r.machine, r.start_ns);
    for (const auto& c : r.chunk_records) file.writer().on_chunk("cut", c);
    const EventStream s = read_event_stream_text(file.text());
    ASSERT_EQ(s.runs.size(), 1u);
    EXPECT_FALSE(s.runs[0].result.has_value());
    EXPECT_EQ(s.runs[0].chunks, r.chunk_records);  // finish() wrote the batched chunks
}

TEST(EventReader, ALiveReaderSeesTheRunGrowLineByLine) {
    test_support::StreamFile file;
    const RunResult r = test_support::synthetic_result("live", kLateOriginNs + kMs, 4, 2);
    file.writer().on_run_start("live", r.config, r.machine, r.start_ns);
    for (const auto& c : r.chunk_records) file.writer().on_chunk("live", c);
    file.writer().on_run_end(r);
    std::istringstream in(file.text());
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    ASSERT_EQ(lines.size(), 4u);  // hello, run_start, chunks, run_end

    EventStreamParser parser;
    parser.parse_line(lines[0]);
    EXPECT_TRUE(parser.has_hello());
    parser.parse_line(lines[1]);
    ASSERT_EQ(parser.stream().runs.size(), 1u);
    EXPECT_TRUE(parser.stream().runs[0].chunks.empty());
    EXPECT_THROW(parser.parse_line("{\"type\":"), EventStreamError);  // line 3: broken
    parser.parse_line(lines[2]);
    EXPECT_EQ(parser.stream().runs[0].chunks, r.chunk_records);
    EXPECT_FALSE(parser.stream().runs[0].result.has_value());
    try {
        parser.parse_line("{\"type\":\"run_end\",\"t\":1,\"run\":\"live\",\"result\":{}}");
        FAIL() << "a run_end without its fields was accepted";
    } catch (const EventStreamError& e) {
        EXPECT_EQ(e.line(), 5);
    }
    EXPECT_FALSE(parser.stream().runs[0].result.has_value());  // the bad run_end left no trace
    parser.parse_line(lines[3]);
    ASSERT_TRUE(parser.stream().runs[0].result.has_value());
    EXPECT_EQ(parser.stream().runs[0].result->checksum, r.checksum);
    EXPECT_EQ(parser.lines(), 6);
}

TEST(EventReader, AMissingFileIsUnreadable) {
    try {
        (void)read_event_stream_file("/nonexistent/poolscope/run.jsonl");
        FAIL();
    } catch (const EventStreamError& e) {
        EXPECT_TRUE(e.unreadable());
    }
}

}  // namespace
}  // namespace poolscope
