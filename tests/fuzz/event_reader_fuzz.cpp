// Fuzz target for saved event streams: the input is the text of a JSON Lines stream, read as
// `poolscope-cli replay` and `export` read it. The only exception allowed out of the reader is
// EventStreamError, naming a line that exists; a stream it accepts must then go through
// everything replay and export do with it (series, comparison, tables, CSV, Chrome trace)
// without throwing.
#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "core/engine/run_series.h"
#include "core/events/event_reader.h"
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
        (void)format_comparison(make_comparison(make_series({finished[0]}),
                                                make_series({finished[1]})));
    (void)runs_to_csv(finished);
    (void)safe_dump(chrome_trace(s));
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
    EventStream stream;
    try {
        stream = read_event_stream_text(text);
    } catch (const EventStreamError& e) {
        fuzz::check_error(e, text);
        return 0;
    }
    fuzz::use_stream(stream);
    return 0;
}
