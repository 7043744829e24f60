#include "app/cli/option_table.h"

#include <cstdio>

#include "core/analysis/sweep_axes.h"

namespace poolscope::cli {

namespace {

std::string joined(const std::vector<std::string>& v, const std::string& sep) {
    std::string out;
    for (std::size_t i = 0; i < v.size(); ++i) out += (i ? sep : "") + v[i];
    return out;
}

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

// sweep takes run's options (but --compare, which it always does), six of them as lists of
// values or ranges (its axes), and --seed and --csv.
std::vector<OptionSpec> sweep_options() {
    std::vector<OptionSpec> out = options_of(kSweepCommand);
    for (OptionSpec& o : out)
        if (is_sweep_axis_option(o.name)) {
            o.metavar = "LIST";
            o.help =
                "an axis: values or ranges, comma-separated (1,2,4 or 1..16 or "
                "1..64*2);\n" +
                o.help;
        }
    return out;
}

std::vector<CommandSpec> make_commands() {
    const OptionSpec help{"", "--help", "", {}, "this text", "-h"};
    const OptionSpec version{"", "--version", "", {}, "the version"};
    OptionSpec file{"",
                    "--file",
                    "LESSONS.json",
                    {},
                    "another lessons file (default: the one shipped with PoolScope)"};
    file.file = true;
    OptionSpec trace{"", "--trace", "OUT", {}, "write a Chrome/Perfetto trace"};
    OptionSpec csv{"", "--csv", "OUT", {}, "write a CSV with one row per run"};
    trace.file = csv.file = true;
    return {
        {"run", "[options]", "run a workload serially or through a pool", run_option_table()},
        {"sweep", "[run options] AXES [--seed N]",
         "run every point of a grid of settings and fit how speedup scales", sweep_options()},
        {"list",
         "[--json]",
         "workloads and their parameters with defaults and ranges",
         {help,
          version,
          {"",
           "--json",
           "",
           {},
           "the whole input schema (workloads, every command's options) as JSON"}}},
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
         "N [options]",
         "run lesson N headless; --check says PASS or FAIL per expectation",
         {{"", "--check", "", {}, "evaluate the lesson's expectations: PASS, FAIL or DISTURBED"},
          {"", "--json", "", {}, "one JSON document: the runs' results and the outcome"},
          file,
          {"", "--progress", "WHEN", kModes, "a progress line on stderr: auto, always, never"},
          {"", "--quiet", "", {}, "nothing on stderr but errors", "-q"},
          {"", "--color", "WHEN", kModes, "colour PASS, FAIL, verdicts and errors"},
          help,
          version}},
        {"worker", "", "the spawn start method's entry point", {}, true},
        {"completion", "bash", "print the bash completion script", {}, true},
        {"manpage", "", "print the man page (roff)", {}, true},
    };
}

// Words a shell case pattern can hold as they are (option names, values).
std::string case_pattern(const std::vector<std::string>& names) {
    return joined(names, "|");
}

std::string completion_for(const CommandSpec& c) {
    std::string out = "        " + c.name + ")\n            case \"$prev\" in\n";
    std::vector<std::string> all, free_values, files;
    for (const auto& o : c.options) {
        all.push_back(o.name);
        if (o.metavar.empty()) continue;
        if (!o.values.empty())
            out += "                " + o.name + ") mapfile -t COMPREPLY < <(compgen -W \"" +
                   joined(o.values, " ") + "\" -- \"$cur\"); return 0 ;;\n";
        else if (o.file)
            files.push_back(o.name);
        else
            free_values.push_back(o.name);
    }
    if (!files.empty())
        out += "                " + case_pattern(files) +
               ") compopt -o filenames 2>/dev/null; mapfile -t COMPREPLY < <(compgen -f -- "
               "\"$cur\"); return 0 ;;\n";
    if (!free_values.empty())
        out += "                " + case_pattern(free_values) + ") return 0 ;;\n";
    out += "            esac\n";
    if (c.takes_file)
        out +=
            "            if [[ $cur != -* ]]; then compopt -o filenames 2>/dev/null; mapfile -t "
            "COMPREPLY < <(compgen -f -- "
            "\"$cur\"); "
            "return 0; fi\n";
    out += "            mapfile -t COMPREPLY < <(compgen -W \"" + joined(all, " ") +
           "\" -- \"$cur\") ;;\n";
    return out;
}

// roff text: backslashes doubled, '-' as \-, a leading '.' or '\'' escaped.
std::string roff(const std::string& s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char ch = s[i];
        const auto byte = static_cast<unsigned char>(ch);
        if (byte >= 0xC0) {  // a UTF-8 sequence as \[uXXXX], which groff reads without preconv
            const int len = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2;
            unsigned cp = byte & (0x3Fu >> (len - 1));
            for (int k = 1; k < len && i + 1 < s.size(); ++k)
                cp = (cp << 6) | (static_cast<unsigned char>(s[++i]) & 0x3Fu);
            char buf[16];
            std::snprintf(buf, sizeof buf, "\\[u%04X]", cp);
            out += buf;
        } else if (ch == '\\')
            out += "\\e";
        else if (ch == '-')
            out += "\\-";
        else
            out += ch;
    }
    std::string safe;
    std::size_t pos = 0;
    while (pos <= out.size()) {
        std::size_t end = out.find('\n', pos);
        if (end == std::string::npos) end = out.size();
        std::string line = out.substr(pos, end - pos);
        if (!line.empty() && (line[0] == '.' || line[0] == '\'')) line = "\\&" + line;
        safe += line;
        if (end < out.size()) safe += ' ';  // help lines are one paragraph in the man page
        pos = end + 1;
    }
    return safe;
}

std::string man_options(const std::vector<OptionSpec>& options) {
    std::string out, section = "\x01";
    for (const auto& o : options) {
        if (o.section != section && !o.section.empty()) out += ".SS " + o.section + "\n";
        section = o.section;
        out += ".TP\n";
        if (!o.short_name.empty()) out += "\\fB" + roff(o.short_name) + "\\fR, ";
        out += "\\fB" + roff(o.name) + "\\fR";
        if (!o.metavar.empty()) out += " \\fI" + roff(o.metavar) + "\\fR";
        out += "\n" + roff(o.help) + "\n";
    }
    return out;
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

const OptionSpec* find_run_option(const std::string& name) {
    for (const auto& o : run_option_table())
        if (o.name == name || (!o.short_name.empty() && o.short_name == name)) return &o;
    return nullptr;
}

std::string bash_completion_script() {
    std::vector<std::string> commands;
    for (const auto& c : command_table())
        if (!c.hidden) commands.push_back(c.name);
    std::string out =
        "# bash completion for poolscope-cli (generated by `poolscope-cli completion bash`)\n"
        "_poolscope_cli() {\n"
        "    local cur prev cmd\n"
        "    COMPREPLY=()\n"
        "    cur=${COMP_WORDS[COMP_CWORD]}\n"
        "    prev=\n"
        "    ((COMP_CWORD > 0)) && prev=${COMP_WORDS[COMP_CWORD - 1]}\n"
        "    # --name=value: bash splits at the '='\n"
        "    if [[ $cur == = ]]; then\n"
        "        cur=\n"
        "    elif [[ $prev == = ]] && ((COMP_CWORD > 1)); then\n"
        "        prev=${COMP_WORDS[COMP_CWORD - 2]}\n"
        "    fi\n"
        "    if ((COMP_CWORD <= 1)); then\n"
        "        mapfile -t COMPREPLY < <(compgen -W \"" +
        joined(commands, " ") +
        " --help --version\" -- \"$cur\")\n"
        "        return 0\n"
        "    fi\n"
        "    cmd=${COMP_WORDS[1]}\n"
        "    case $cmd in\n";
    for (const auto& c : command_table())
        if (!c.hidden) out += completion_for(c);
    out +=
        "    esac\n"
        "    return 0\n"
        "}\n"
        "complete -F _poolscope_cli poolscope-cli\n";
    return out;
}

std::string man_page() {
    std::string out = ".\\\" Generated by `poolscope-cli manpage` from the CLI's option table.\n";
    out += ".TH POOLSCOPE\\-CLI 1 \"\" \"poolscope-cli " POOLSCOPE_VERSION "\" \"User Commands\"\n";
    out += ".SH NAME\npoolscope\\-cli \\- why is my process pool slower? Measure it\n";
    out += ".SH SYNOPSIS\n";
    for (const auto& c : command_table())
        if (!c.hidden)
            out += ".B poolscope\\-cli " + c.name + "\n" +
                   (c.synopsis.empty() ? "" : roff(c.synopsis) + "\n") + ".br\n";
    out +=
        ".SH DESCRIPTION\n"
        "poolscope\\-cli runs the same workload serially and through a pool of processes or "
        "threads and reports where the time went: process start\\-up, serialization, transfer, "
        "compute, teardown and idle worker\\-seconds, with memory and CPU figures.\n"
        "On a terminal, a one\\-line progress display is drawn on stderr and the verdict, "
        "failures and errors are coloured.\n";
    out += ".SH COMMANDS\n";
    for (const auto& c : command_table())
        if (!c.hidden) out += ".TP\n.B " + roff(c.name) + "\n" + roff(c.summary) + "\n";
    for (const auto& c : command_table()) {
        if (c.hidden || c.options.empty()) continue;
        out += ".SH \"" + roff(c.name) + " OPTIONS\"\n";
        out += man_options(c.options);
    }
    out +=
        ".SH \"EXIT STATUS\"\n"
        ".TP\n.B 0\ndone\n"
        ".TP\n.B 1\na run failed or an output could not be written (lesson \\-\\-check: an "
        "expectation failed)\n"
        ".TP\n.B 2\nbad input, refused before any process started\n"
        ".TP\n.B 3\nlesson \\-\\-check: none failed, but some were disturbed\n"
        ".TP\n.B 130\ninterrupted (partial results printed)\n"
        ".SH ENVIRONMENT\n"
        ".TP\n.B NO_COLOR\nwhen set to a non\\-empty value, no colour (unless \\-\\-color "
        "always)\n"
        ".SH \"SEE ALSO\"\n"
        "The command\\-line reference, docs/cli.md, and the event stream, docs/events.md.\n";
    return out;
}

}  // namespace poolscope::cli
