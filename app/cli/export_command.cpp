// `poolscope-cli export FILE [--trace OUT] [--csv OUT]`: converts a saved event stream into a
// Chrome/Perfetto trace of the chunk timeline and/or a CSV with one row per finished run.
#include <cstdio>
#include <string>
#include <vector>

#include "app/cli/checked_output.h"
#include "app/cli/commands.h"
#include "app/cli/stream_input.h"
#include "core/events/trace_export.h"
#include "core/report/csv_export.h"
#include "core/text/json_units.h"

namespace poolscope::cli {
namespace {

constexpr const char* kHelp = R"(usage: poolscope-cli export FILE [--trace OUT] [--csv OUT]

Converts a saved event stream (poolscope-cli run --events FILE) for other tools.

  --trace OUT   Chrome Trace Event JSON: a track per worker with a slice per chunk, memory
                and per-core CPU counters; open it in ui.perfetto.dev or chrome://tracing
  --csv OUT     one row per finished run: configuration columns, then result columns
  FILE or OUT   - means stdin or stdout (only one output can go to stdout)

At least one of --trace and --csv is needed.
A stream cut off mid-line is exported up to the cut, then the error is reported (exit 1).
exit codes: 0 done, 1 a file cannot be read or written or the stream was cut off mid-line,
2 bad arguments or not a valid stream
)";

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

// Fills opt from args; an error message when they do not make a valid request.
std::string parse(const Args& args, ExportOptions& opt) {
    for (std::size_t i = 0; i < args.size(); ++i) {
        std::string arg = args[i];
        std::string value;
        const auto eq = arg.find('=');
        const bool option = arg.rfind("--", 0) == 0;
        if (option && eq != std::string::npos) {
            value = arg.substr(eq + 1);
            arg.resize(eq);
        } else if (option && i + 1 < args.size()) {
            value = args[++i];
        }
        if (arg == "--trace" || arg == "--csv") {
            if (value.empty() || value.rfind("--", 0) == 0) return arg + " needs a file name";
            (arg == "--trace" ? opt.trace : opt.csv) = value;
        } else if (option || (arg.size() > 1 && arg[0] == '-')) {
            return "unknown option '" + arg + "'";
        } else if (!opt.input.empty()) {
            return "one stream file at a time; got '" + opt.input + "' and '" + arg + "'";
        } else {
            opt.input = arg;
        }
    }
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
    if (!args.empty() && (args[0] == "--help" || args[0] == "-h")) {
        std::fputs(kHelp, stdout);
        return 0;
    }
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
