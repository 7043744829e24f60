// The table of poolscope-cli's commands and their options: every command's `--help`
// (help_text.cpp), the bash completion script (`poolscope-cli completion bash`) and the man page
// (`poolscope-cli manpage`) are all generated from it, `run`'s parser refuses any option it does
// not list, and the small commands' parser reads it (command_options.h). run's and sweep's
// options come from the core's option schema (core/config/option_schema.h), sweep's axes from
// the sweep axis schema (core/config/sweep_axis_schema.h); the other commands' few options are
// listed here.
#pragma once

#include <string>
#include <vector>

#include "core/config/option_schema.h"

namespace poolscope::cli {

struct OptionSpec {
    std::string section;               // the heading it is listed under in --help
    std::string name;                  // "--workload"
    std::string metavar;               // "NAME"; empty for a flag
    std::vector<std::string> values;   // the allowed values, for completion (empty: free)
    std::string help;                  // one or more lines
    std::string short_name = {};       // "-h"
    bool file = false;                 // its value is a file name (completion offers files)
    const OptionInfo* info = nullptr;  // run's and sweep's options: the schema's entry
};

struct CommandSpec {
    std::string name;
    std::string synopsis;  // what follows the command name in its usage line
    std::string summary;
    std::vector<OptionSpec> options;
    bool hidden = false;           // not listed (worker, completion, manpage)
    bool takes_file = false;       // its operand is a file (completion offers files)
    std::string description = {};  // --help: the paragraph after the usage line
    std::string notes = {};        // --help: what follows the options (exit status, ...)

    // The option named name ("--file" or a short name "-q"), or nullptr.
    const OptionSpec* find(const std::string& name) const;
};

const std::vector<OptionSpec>& run_option_table();
const std::vector<CommandSpec>& command_table();
// The command named name; it must be in the table (a programming error otherwise).
const CommandSpec& command_spec(const std::string& name);
// The option of run named name ("--size" or a short name), or nullptr.
const OptionSpec* find_run_option(const std::string& name);
// sweep's axes and its own options (--seed, --csv), as `sweep --help` lists them; every other
// option of sweep is run's.
std::vector<OptionSpec> sweep_help_options();

// `COMMAND --help`, generated from the table: the usage line, the description, the options by
// section (sweep: its axes and own options), the notes.
std::string command_help(const std::string& command);

// The bash completion script and the man page (roff) generated from the table.
std::string bash_completion_script();
std::string man_page();

}  // namespace poolscope::cli
