#include "app/cli/option_table.h"

#include <cstdio>
#include <cstdlib>

#include "core/analysis/sweep_axes.h"
#include "core/config/sweep_axis_schema.h"

namespace poolscope::cli {

namespace {

const std::vector<std::string> kModes{"auto", "always", "never"};

OptionSpec spec_of(const OptionInfo& o) {
    OptionSpec spec{o.section, o.name, o.metavar, {}, o.help, o.short_name};
    if (o.kind == OptionKind::Choice || o.kind == OptionKind::Integer) spec.values = o.values;
    spec.file = o.kind == OptionKind::Path;
    spec.info = &o;
    return spec;
}

std::vector<OptionSpec> options_of(unsigned command) {
    std::vector<OptionSpec> out;
    for (const OptionInfo& o : option_schema())
        if (o.commands & command) out.push_back(spec_of(o));
    return out;
}

// An axis of the sweep axis schema as a line of sweep's options.
OptionSpec axis_spec(const OptionInfo& a) {
    OptionSpec spec = spec_of(a);
    spec.values.clear();  // a list, not one of the values
    return spec;
}

// sweep takes run's options (but --compare, which it always does), six of them as lists of
// values or ranges (its axes; --param also as KEY=LIST), and --seed and --csv.
std::vector<OptionSpec> sweep_options() {
    std::vector<OptionSpec> out = options_of(kSweepCommand);
    for (OptionSpec& o : out) {
        const OptionInfo* axis = find_sweep_axis(o.name);
        if (!axis) continue;
        if (is_sweep_axis_option(o.name)) {
            o.metavar = axis->metavar;
            o.help = "an axis, comma-separated values or ranges: " + axis->help + ";\n" + o.help;
        } else {
            o.metavar += "|" + axis->metavar;
            o.help += ";\n" + axis->metavar + ": an axis, " + axis->help;
        }
    }
    return out;
}

const char* const kSweepDescription =
    "Measures the serial baseline once (once per value of a swept --param), then every point of\n"
    "the axes' product as a series (--repeat, --warmup per point), in a seeded random order so "
    "that\ndrift does not fake a trend. Prints one row per point (median wall, min … max, "
    "speedup,\nefficiency, T, C), the Amdahl fit (2 or more worker counts within the cores) and "
    "the USL fit\n(3 or more) of speedup against workers, the chunksize the formula\nauto = "
    "ceil(n / (4W)) picks against the measured best, and a recommendation.";

const char* const kLessonNotes =
    "A run that needs the python backends where they cannot run (no /usr/bin/python3, no numpy, "
    "an\nOpenCV other than the engine's for blur) is skipped with the reason, and so are the\n"
    "expectations that name it; the others are checked as usual.\n\n"
    "exit status: 0 done (with --check: every expectation passed or was skipped), 1 an "
    "expectation\nfailed, 2 bad input, 3 with --check: none failed but some were disturbed, 130 "
    "interrupted";

std::vector<CommandSpec> make_commands() {
    const OptionSpec help{"", "--help", "", {}, "this text", "-h"};
    const OptionSpec version{"", "--version", "", {}, "the version"};
    OptionSpec file{"",
                    "--file",
                    "LESSONS.json",
                    {},
                    "another lessons file (default: the one shipped with PoolScope)"};
    file.file = true;
    OptionSpec trace{"",
                     "--trace",
                     "OUT",
                     {},
                     "a Chrome/Perfetto trace: a track per worker with a slice per chunk, "
                     "memory\nand per-core CPU counters; open it in ui.perfetto.dev or "
                     "chrome://tracing"};
    OptionSpec csv{"",
                   "--csv",
                   "OUT",
                   {},
                   "a CSV with one row per finished run: configuration columns, then result\n"
                   "columns"};
    trace.file = csv.file = true;
    std::vector<CommandSpec> commands{
        {"run", "[options]", "run a workload serially or through a pool", run_option_table()},
        {"sweep", "[run options] AXES [--seed N]",
         "run every point of a grid of settings and fit how speedup scales", sweep_options()},
        {"list",
         "[--json]",
         "workloads and their parameters with defaults and ranges",
         {{"",
           "--json",
           "",
           {},
           "the whole input schema as JSON: every workload's parameters with their\nkind "
           "(integer, real, choice, path, text), default and bounds, every command's\noptions "
           "with their allowed values, and sweep's axes"},
          help,
          version}},
        {"replay",
         "FILE",
         "re-print the summary of a saved event stream",
         {help, version},
         false,
         true},
        {"export",
         "FILE [--trace OUT] [--csv OUT]",
         "convert a saved event stream to a Perfetto trace or CSV",
         {trace, csv, help, version},
         false,
         true},
        {"lessons",
         "[--file LESSONS.json]",
         "the ready lessons, one line each",
         {file, help, version}},
        {"lesson",
         "N [--check] [--json] [--file LESSONS.json] [options]",
         "run lesson N headless; --check says PASS or FAIL per expectation",
         {{"",
           "--check",
           "",
           {},
           "evaluate the lesson's expectations: PASS, FAIL or DISTURBED (an expectation\nthat "
           "did not hold while other programs used more than 10 % of the CPU)"},
          {"",
           "--json",
           "",
           {},
           "one JSON document: the runs' results and, with --check, the outcome"},
          file,
          {"", "--progress", "WHEN", kModes,
           "a progress line on stderr: auto (when it is a terminal, default), always,\nnever"},
          {"", "--quiet", "", {}, "nothing on stderr but errors (no progress line)", "-q"},
          {"", "--color", "WHEN", kModes,
           "colour PASS, FAIL, the verdicts and errors: auto (a terminal without\nNO_COLOR, "
           "default), always, never"},
          help,
          version}},
        {"worker", "", "the spawn start method's entry point", {}, true},
        {"completion", "bash", "print the bash completion script", {}, true},
        {"manpage", "", "print the man page (roff)", {}, true},
    };
    const auto describe = [&](const std::string& name, std::string description, std::string notes) {
        for (CommandSpec& c : commands)
            if (c.name == name) c.description = std::move(description), c.notes = std::move(notes);
    };
    describe("run", "Runs a workload serially or through a pool and reports where the time went.",
             "exit status: 0 done, 1 run failed or an output could not be written, 2 bad "
             "input,\n130 interrupted (partial results printed)\nenvironment: NO_COLOR (non-empty) "
             "turns colour off unless --color always");
    describe("sweep", kSweepDescription,
             "Every other option is run's (poolscope-cli run --help); --compare is implied. At "
             "most " +
                 std::to_string(kMaxSweepPoints) +
                 "\npoints. --json prints one SWEEP document (docs/events.md); --events FILE|- "
                 "carries every run.\nexit status: 0 done, 1 a run failed or an output was lost, "
                 "2 bad input, 130 interrupted");
    describe("list", "Lists the workloads with each parameter's default, range and meaning.", "");
    describe("replay",
             "Re-prints the summary of a saved event stream (written by poolscope-cli run "
             "--events FILE):\na table per configuration, and serial vs parallel with speedup, "
             "T, C and the verdict when the\nstream holds both. FILE - reads stdin.",
             "A stream cut off mid-line (the engine was killed) shows the runs that finished, "
             "then the\nerror.\n\nexit codes: 0 done, 1 unreadable file, no finished run or a "
             "stream cut off mid-line,\n2 not a valid event stream");
    describe("export",
             "Converts a saved event stream (poolscope-cli run --events FILE) for other tools. "
             "FILE or OUT\n- means stdin or stdout (only one output can go to stdout).",
             "At least one of --trace and --csv is needed.\nA stream cut off mid-line is exported "
             "up to the cut, then the error is reported (exit 1).\nexit codes: 0 done, 1 a file "
             "cannot be read or written or the stream was cut off mid-line,\n2 bad arguments or "
             "not a valid stream");
    describe("lessons",
             "Lists the ready lessons, one line each (run one with poolscope-cli lesson N).", "");
    describe("lesson",
             "Runs lesson N's runs (see poolscope-cli lessons) and prints each run's table.",
             kLessonNotes);
    return commands;
}

}  // namespace

const std::vector<OptionSpec>& run_option_table() {
    static const std::vector<OptionSpec> kTable = options_of(kRunCommand);
    return kTable;
}

const std::vector<CommandSpec>& command_table() {
    static const std::vector<CommandSpec> kTable = make_commands();
    return kTable;
}

const OptionSpec* CommandSpec::find(const std::string& option) const {
    for (const auto& o : options)
        if (o.name == option || (!o.short_name.empty() && o.short_name == option)) return &o;
    return nullptr;
}

const CommandSpec& command_spec(const std::string& name) {
    for (const auto& c : command_table())
        if (c.name == name) return c;
    std::fprintf(stderr, "poolscope-cli: internal error: no command %s in the table\n",
                 name.c_str());
    std::abort();
}

std::vector<OptionSpec> sweep_help_options() {
    std::vector<OptionSpec> out;
    for (const OptionInfo& a : sweep_axis_schema()) out.push_back(axis_spec(a));
    for (const OptionInfo* o : sweep_only_options()) out.push_back(spec_of(*o));
    return out;
}

const OptionSpec* find_run_option(const std::string& name) {
    for (const auto& o : run_option_table())
        if (o.name == name || (!o.short_name.empty() && o.short_name == name)) return &o;
    return nullptr;
}

}  // namespace poolscope::cli
