// `poolscope-cli export FILE [--trace OUT] [--csv OUT]`: converts a saved event stream into a
// Chrome/Perfetto trace of the chunk timeline and/or a CSV with one row per finished run.
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "app/cli/checked_output.h"
#include "app/cli/command_options.h"
#include "app/cli/commands.h"
#include "app/cli/stream_input.h"
#include "core/events/trace_export.h"
#include "core/report/csv_export.h"
#include "core/text/json_units.h"

namespace poolscope::cli {
namespace {

struct ExportOptions {
    std::string input;
    std::string trace;
    std::string csv;
};

int usage_error(const std::string& message) {
    std::fprintf(stderr, "poolscope-cli export: error: %s (see poolscope-cli export --help)\n",
                 message.c_str());
    return 2;
}

// Fills opt from args (read by the command table's options); an error message when they do not
// make a valid request.
std::string parse(const Args& args, ExportOptions& opt) {
    const auto e = walk_options(
        command_spec("export"), args,
        [&](const OptionSpec& o, const std::string& value) -> std::optional<std::string> {
            if (o.name == "--trace") opt.trace = value;
            if (o.name == "--csv") opt.csv = value;
            return std::nullopt;  // --help, --version: main answers them
        },
        [&](const std::string& word) -> std::optional<std::string> {
            if (!opt.input.empty())
                return "one stream file at a time; got '" + opt.input + "' and '" + word + "'";
            opt.input = word;
            return std::nullopt;
        });
    if (e) return *e;
    if (opt.input.empty()) return "missing the stream file";
    if (opt.trace.empty() && opt.csv.empty()) return "nothing to do: give --trace and/or --csv";
    if (opt.trace == "-" && opt.csv == "-") return "--trace and --csv cannot both write stdout";
    return {};
}

bool write_output(const char* what, const std::string& where, const std::string& text) {
    const auto error = where == "-" ? write_stream(stdout, text) : write_file(where, text);
    if (!error) return true;
    report_write_error("export",
                       std::string(what) + (where == "-" ? " to stdout" : " to '" + where + "'"),
                       *error);
    return false;
}

std::vector<RunResult> finished_runs(const EventStream& stream) {
    std::vector<RunResult> runs;
    for (const auto& run : stream.runs) {
        if (run.result) runs.push_back(*run.result);
    }
    return runs;
}

}  // namespace

int export_command(const Args& args) {
    ExportOptions opt;
    if (const std::string error = parse(args, opt); !error.empty()) return usage_error(error);
    int code = 0;
    const auto stream = load_stream(opt.input, "export", code);
    if (!stream) return code;
    bool ok = true;
    if (!opt.trace.empty())
        ok &= write_output("the trace", opt.trace, safe_dump(chrome_trace(*stream)) + "\n");
    if (!opt.csv.empty())
        ok &= write_output("the CSV", opt.csv, runs_to_csv(finished_runs(*stream)));
    if (report_cut_off(*stream, opt.input, "export")) ok = false;
    return ok ? 0 : 1;
}

}  // namespace poolscope::cli
