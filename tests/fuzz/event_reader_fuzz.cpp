// Fuzz target for event streams: the input is the text of a JSON Lines stream, read whole as
// `poolscope-cli replay` and `export` read a saved one, and line by line as a live reader does.
// The only exception allowed out of the reader is EventStreamError, naming a line that exists;
// whatever it accepts must then go through everything replay and export do with a stream
// (series, comparison, tables, CSV, Chrome trace) without throwing. A live reader goes on past
// a bad line, so what the parser holds must stay usable whatever lines came before.
#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "core/analysis/comparison.h"
#include "core/engine/run_series.h"
#include "core/events/event_reader.h"
#include "core/events/event_stream_parser.h"
#include "core/events/trace_export.h"
#include "core/report/csv_export.h"
#include "core/report/summary_table.h"
#include "core/text/json_units.h"
#include "fuzz/fuzz_target.h"

namespace poolscope::fuzz {
namespace {

std::string_view text_of(std::span<const uint8_t> input) {
    return {reinterpret_cast<const char*>(input.data()), input.size()};
}

void check_error(const EventStreamError& e, std::string_view text) {
    const auto lines = std::ranges::count(text, '\n') + 1;
    require(e.line() >= 1 && e.line() <= lines, "an error names a line the stream does not have");
    const std::string prefix = "line " + std::to_string(e.line()) + ": ";
    require(std::string_view(e.what()).starts_with(prefix), "an error message lacks its line");
}

// What replay and export do with an accepted stream.
void use_stream(const EventStream& s) {
    std::vector<RunResult> finished;
    for (const auto& run : s.runs) {
        require(s.find_run(run.run_id) == &run, "two runs share an id");
        if (run.result) finished.push_back(*run.result);
    }
    for (const auto& r : finished) (void)format_series(make_series({r}));
    if (finished.size() >= 2)
        (void)format_comparison(
            make_comparison(make_series({finished[0]}), make_series({finished[1]})));
    (void)runs_to_csv(finished);
    (void)safe_dump(chrome_trace(s));
}

// A live reader's listener: every change it is told of must already be in the stream, at the
// indices it names, and the chunk ranges it is told of must tile the run's chunks.
class CheckingListener : public StreamListener {
  public:
    explicit CheckingListener(const EventStreamParser& p) : parser_(p) {}

    void run_started(std::size_t run) override {
        require(run + 1 == runs().size(), "run_started names a run that is not the newest");
        told_.push_back(0);
    }
    void worker_changed(std::size_t run, const WorkerEvent& w) override {
        require(&w == &at(run).workers.back(), "worker_changed names another worker event");
    }
    void chunks_appended(std::size_t run, std::size_t first, std::size_t count) override {
        require(run < told_.size() && first == told_[run], "chunks_appended skips chunks");
        told_[run] += count;
        require(told_[run] == at(run).chunks.size(), "chunks_appended past the run's chunks");
    }
    void buckets_merged(std::size_t run, std::size_t count) override {
        require(count > 0 && !at(run).buckets.empty(), "buckets_merged with no buckets");
        const auto& b = at(run).buckets;
        for (std::size_t i = 1; i < b.size(); ++i)
            require(
                std::tie(b[i - 1].worker, b[i - 1].start_ns) < std::tie(b[i].worker, b[i].start_ns),
                "merged buckets out of order or repeated");
    }
    void progressed(std::size_t run, const ProgressEvent& p) override {
        require(&p == &at(run).progress.back(), "progressed names another progress event");
    }
    void sampled(std::size_t run, const Sample& s) override {
        require(&s == &at(run).samples.back(), "sampled names another sample");
    }
    void run_ended(std::size_t run) override {
        require(at(run).result.has_value(), "run_ended before the result is stored");
    }

  private:
    const std::vector<StreamRun>& runs() const { return parser_.stream().runs; }
    const StreamRun& at(std::size_t run) const {
        require(run < runs().size(), "a listener call names a run that does not exist");
        return runs()[run];
    }

    const EventStreamParser& parser_;
    std::vector<std::size_t> told_;  // per run, chunks told of so far
};

// Line by line, as the GUI reads the engine's stdout, going on after each refused line.
void parse_live(std::string_view text) {
    EventStreamParser parser;
    CheckingListener listener(parser);
    parser.set_listener(&listener);
    while (!text.empty()) {
        const auto nl = text.find('\n');
        const bool unterminated = nl == std::string_view::npos;
        try {
            parser.parse_line(text.substr(0, nl), unterminated);
        } catch (const EventStreamError& e) {
            require(e.line() == parser.lines(), "a live error names another line");
        }
        text.remove_prefix(unterminated ? text.size() : nl + 1);
    }
    use_stream(parser.stream());
}

}  // namespace

bool accepts(std::span<const uint8_t> input) {
    try {
        use_stream(read_event_stream_text(text_of(input)));
        return true;
    } catch (const EventStreamError&) {
        return false;
    }
}

}  // namespace poolscope::fuzz

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
    using namespace poolscope;
    const auto text = fuzz::text_of({data, size});
    std::optional<EventStream> whole;
    try {
        whole = read_event_stream_text(text);
    } catch (const EventStreamError& e) {
        fuzz::check_error(e, text);
    }
    if (whole) fuzz::use_stream(*whole);
    fuzz::parse_live(text);
    return 0;
}
