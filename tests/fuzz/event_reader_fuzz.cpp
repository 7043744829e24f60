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
#include <vector>

#include "core/engine/run_series.h"
#include "core/events/event_reader.h"
#include "core/events/event_stream_parser.h"
#include "core/report/csv_export.h"
#include "core/report/json_units.h"
#include "core/report/summary_table.h"
#include "core/report/trace_export.h"
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

// Line by line, as the GUI reads the engine's stdout, going on after each refused line.
void parse_live(std::string_view text) {
    EventStreamParser parser;
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
