// `poolscope-cli replay FILE`: re-prints the summary tables of a saved event stream, as the run
// that wrote it printed them: the runs of one configuration form a series (warm-up runs left
// out), and a serial series with a parallel one of the same workload, size and parameters form
// a comparison.
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "app/cli/checked_output.h"
#include "app/cli/command_options.h"
#include "app/cli/commands.h"
#include "app/cli/stream_input.h"
#include "core/analysis/comparison.h"
#include "core/engine/run_series.h"
#include "core/report/summary_table.h"

namespace poolscope::cli {
namespace {

// Consecutive finished runs with one configuration; the engine streams a configuration's
// `warmup` uncounted runs first, then its `repeat` counted ones.
std::vector<RunSeries> series_of(const EventStream& stream) {
    std::vector<RunSeries> out;
    std::vector<RunResult> group;
    auto close_group = [&] {
        const std::size_t warmup = group.empty() ? 0 : group.front().config.warmup;
        if (group.size() > warmup) {
            out.push_back(make_series({group.begin() + static_cast<long>(warmup), group.end()}));
        }
        group.clear();
    };
    for (const auto& run : stream.runs) {
        if (!run.result) continue;
        const RunConfig& c = run.result->config;
        const bool same = !group.empty() && group.front().config == c &&
                          group.size() < static_cast<std::size_t>(c.warmup + c.repeat);
        if (!same) close_group();
        group.push_back(*run.result);
    }
    close_group();
    return out;
}

bool same_work(const RunConfig& a, const RunConfig& b) {
    return a.workload == b.workload && a.size == b.size && a.params == b.params;
}

void report_stream_notes(const EventStream& stream) {
    for (const auto& run : stream.runs) {
        if (!run.result) {
            std::fprintf(stderr, "note: run %s (%s) has no run_end: the stream was cut off\n",
                         run.run_id.c_str(), run.label.c_str());
        }
    }
    for (const auto& e : stream.errors) {
        std::fprintf(stderr, "error: %s: %s\n", e.error.code.c_str(), e.error.message.c_str());
    }
    for (const auto& w : stream.warnings) std::fprintf(stderr, "warning: %s\n", w.message.c_str());
}

// Index of a series that pairs with series[i] (one serial, one not, same work), or i.
std::size_t partner_of(const std::vector<RunSeries>& series, const std::vector<bool>& used,
                       std::size_t i) {
    const RunConfig& c = series[i].representative().config;
    for (std::size_t k = 0; k < series.size(); ++k) {
        const RunConfig& o = series[k].representative().config;
        const bool one_serial = (c.backend == Backend::Serial) != (o.backend == Backend::Serial);
        if (k != i && !used[k] && one_serial && same_work(c, o)) return k;
    }
    return i;
}

std::string tables_of(const std::vector<RunSeries>& series) {
    std::string out;
    std::vector<bool> used(series.size(), false);
    for (std::size_t i = 0; i < series.size(); ++i) {
        if (used[i]) continue;
        const std::size_t k = partner_of(series, used, i);
        used[i] = used[k] = true;
        if (k == i) {
            out += format_series(series[i]);
            continue;
        }
        const bool i_serial = series[i].representative().config.backend == Backend::Serial;
        out +=
            format_comparison(make_comparison(series[i_serial ? i : k], series[i_serial ? k : i]));
    }
    return out;
}

}  // namespace

int replay_command(const Args& args) {
    // The command table's options (--help, --version) are main's to answer; any other is refused.
    std::vector<std::string> files;
    const auto refused = walk_options(
        command_spec("replay"), args,
        [](const OptionSpec&, const std::string&) { return std::optional<std::string>(); },
        [&](const std::string& word) {
            files.push_back(word);
            return std::optional<std::string>();
        });
    if (refused) {
        std::fprintf(stderr, "poolscope-cli replay: error: %s\n", refused->c_str());
        return 2;
    }
    if (files.size() != 1) {
        std::fprintf(stderr,
                     "poolscope-cli replay: error: expected one stream file; got %zu "
                     "argument(s) (see poolscope-cli replay --help)\n",
                     files.size());
        return 2;
    }
    int code = 0;
    const auto stream = load_stream(files[0], "replay", code);
    if (!stream) return code;
    report_stream_notes(*stream);
    std::vector<RunSeries> series = series_of(*stream);
    if (series.empty()) {
        std::fprintf(stderr, "poolscope-cli replay: %s holds no finished run\n", files[0].c_str());
        report_cut_off(*stream, files[0], "replay");
        return 1;
    }
    if (const auto error = write_stream(stdout, tables_of(series))) {
        report_write_error("replay", "the tables to stdout", *error);
        return 1;
    }
    return report_cut_off(*stream, files[0], "replay") ? 1 : 0;
}

}  // namespace poolscope::cli
