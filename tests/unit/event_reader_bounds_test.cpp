// EventReader on hostile input: a line past the length bound is refused as soon as the bound is
// passed (not after reading the whole line), deep nesting and too many values are refused before
// parsing, negative, too-large and mismatched numbers are refused with their line, and a last
// line cut off mid-way keeps what came before it.
#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "core/events/event_reader.h"
#include "core/events/event_stream_parser.h"
#include "support/stream_file.h"
#include "support/synthetic_run.h"

namespace poolscope {
namespace {

using test_support::kLateOriginNs;
constexpr int64_t kMs = 1'000'000;

// hello, run_start, one chunks line, run_end.
std::string finished_stream() {
    test_support::StreamFile file;
    const RunResult r = test_support::synthetic_result("b", kLateOriginNs + kMs, 4, 2);
    file.writer().on_run_start("b", r.config, r.machine, r.start_ns);
    for (const auto& c : r.chunk_records) file.writer().on_chunk("b", c);
    file.writer().on_tick(r.end_ns);
    file.writer().on_run_end(r);
    return file.text();
}

// Replaces the first value of column `name` in the chunks line.
std::string with_first_value(std::string text, const std::string& name, const std::string& value) {
    const auto chunks = text.find("\"type\":\"chunks\"");
    const auto at = text.find("\"" + name + "\":[", chunks);
    EXPECT_NE(at, std::string::npos) << name;
    const auto from = at + name.size() + 4;
    const auto to = text.find_first_of(",]", from);
    return text.replace(from, to - from, value);
}

std::string refusal(const std::string& text) {
    try {
        (void)read_event_stream_text(text);
    } catch (const EventStreamError& e) {
        return e.what();
    }
    return "accepted";
}

int line_of(const std::string& text, const std::string& what) {
    const auto at = text.find(what);
    int line = 1;
    for (std::size_t i = 0; i < at; ++i) line += text[i] == '\n';
    return line;
}

// A stream buffer that counts what was taken from it: how far the reader read.
class CountingSource : public std::streambuf {
  public:
    CountingSource(std::string head, char fill, std::size_t fill_bytes)
        : head_(std::move(head)), fill_(fill), left_(fill_bytes) {}
    std::size_t taken() const { return taken_; }

  protected:
    int_type underflow() override {
        if (!head_.empty()) {
            block_ = std::move(head_);
            head_.clear();
        } else if (left_ > 0) {
            block_.assign(std::min<std::size_t>(left_, 1 << 16), fill_);
            left_ -= block_.size();
        } else {
            return traits_type::eof();
        }
        taken_ += block_.size();
        setg(block_.data(), block_.data(), block_.data() + block_.size());
        return traits_type::to_int_type(block_[0]);
    }

  private:
    std::string head_;
    char fill_;
    std::size_t left_;
    std::string block_;
    std::size_t taken_ = 0;
};

}  // namespace

TEST(EventReaderBounds, ALongLineIsRefusedOnceTheBoundIsPassed) {
    const std::string text = finished_stream();
    const std::string hello = text.substr(0, text.find('\n') + 1);
    CountingSource source(hello, '[', std::size_t{50} << 20);  // 50 MB of '[', no newline
    std::istream in(&source);
    try {
        (void)read_event_stream(in);
        FAIL() << "a 50 MB line was accepted";
    } catch (const EventStreamError& e) {
        EXPECT_EQ(e.line(), 2);
        EXPECT_NE(std::string(e.what()).find("longer than an event line may be (4 MiB)"),
                  std::string::npos)
            << e.what();
    }
    EXPECT_LT(source.taken(), EventStreamParser::kMaxLineBytes + (std::size_t{1} << 20))
        << "the reader went on reading past the bound";
}

TEST(EventReaderBounds, TheParserRefusesLongDeepAndCrowdedLines) {
    const std::string text = finished_stream();
    const std::string hello = text.substr(0, text.find('\n'));
    auto parse_second = [&](const std::string& line) -> std::string {
        EventStreamParser parser;
        parser.parse_line(hello);
        try {
            parser.parse_line(line);
        } catch (const EventStreamError& e) {
            EXPECT_EQ(e.line(), 2);
            EXPECT_TRUE(parser.has_hello()) << "the stream so far must stay valid";
            return e.what();
        }
        return "accepted";
    };
    EXPECT_NE(parse_second(std::string(EventStreamParser::kMaxLineBytes + 1, ' '))
                  .find("longer than an event line may be"),
              std::string::npos);
    EXPECT_NE(parse_second(std::string(100, '[')).find("nested deeper than 32 levels at column 33"),
              std::string::npos);
    std::string crowded = "[0";
    for (std::size_t i = 0; i < EventStreamParser::kMaxValues; ++i) crowded += ",0";
    EXPECT_NE(parse_second(crowded + "]").find("more than 262144 values"), std::string::npos);
    // Brackets inside a string are text, not nesting.
    EXPECT_EQ(
        parse_second("{\"type\":\"unknown\",\"t\":0,\"x\":\"" + std::string(100, '[') + "\"}"),
        "accepted");
}

TEST(EventReaderBounds, NegativeTooLargeAndMismatchedNumbersAreRefusedWithTheirLine) {
    const std::string text = finished_stream();
    const int chunks_line = line_of(text, "\"type\":\"chunks\"");
    const std::string prefix = "line " + std::to_string(chunks_line) + ": ";
    auto expect_refused = [&](const std::string& name, const std::string& value,
                              const std::string& why) {
        const std::string what = refusal(with_first_value(text, name, value));
        EXPECT_EQ(what.rfind(prefix, 0), 0u) << name << "=" << value << ": " << what;
        EXPECT_NE(what.find(why), std::string::npos) << name << "=" << value << ": " << what;
    };
    expect_refused("count", "-5", "is negative (-5)");
    expect_refused("bytes_in", "-1", "is negative (-1)");
    expect_refused("worker", "4294967296", "is too large (4294967296)");
    expect_refused("worker", "-3", "is out of range (-3)");
    expect_refused("count", "18446744073709551611", "lies past the 1000000000 items");
    expect_refused("failed_items", "1000", "more than the chunk's count");
    expect_refused("engine_ser_s", "-0.5", "is negative");
    expect_refused("dispatch", "1e300", "out of range");
}

TEST(EventReaderBounds, AStreamCutOffMidLineKeepsWhatCame) {
    const std::string text = finished_stream();
    const std::string cut = text + "{\"type\":\"run_start\",\"t\":0.5,\"run\":\"c\",\"conf";
    const EventStream s = read_event_stream_text(cut);
    ASSERT_EQ(s.runs.size(), 1u);
    EXPECT_TRUE(s.runs[0].result.has_value());
    const int last = line_of(cut, "\"run\":\"c\"");
    EXPECT_EQ(s.cut_off.rfind("line " + std::to_string(last) + ": ", 0), 0u) << s.cut_off;
    EXPECT_NE(s.cut_off.find("cut off"), std::string::npos) << s.cut_off;
    EXPECT_TRUE(read_event_stream_text(text).cut_off.empty());
}

}  // namespace poolscope
