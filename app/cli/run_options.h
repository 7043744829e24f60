// Parsing `poolscope-cli run` arguments into a RunConfig plus output options. The grammar is
// the one of docs/cli.md (a public contract: the GUI and the lessons use it too).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/cli/progress_line.h"
#include "app/cli/terminal_style.h"
#include "core/config/run_config.h"

namespace poolscope::cli {

struct RunOptions {
    RunConfig config;
    bool compare = false;
    // --compare native,python: the parallel backends to set beside the serial baseline, in
    // order (native = processes); empty = the configured backend alone.
    std::vector<Backend> compare_backends;
    std::string python;  // --python PATH: the python backends' interpreter (empty = default)
    bool json = false;
    bool help = false;
    bool control_stdin = false;
    bool chunk_records = false;            // --json includes per-chunk records
    std::optional<std::string> events;     // file path or "-"
    std::optional<uint64_t> chunk_detail;  // --chunk-detail: chunks per run in full detail
    bool version = false;
    bool quiet = false;                          // only errors on stderr
    ProgressMode progress = ProgressMode::Auto;  // the progress line on a terminal's stderr
    ColorMode color = ColorMode::Auto;
};

// Parses args (after "run"); on bad input returns false and sets error to one line naming the
// option, the value and what is allowed.
bool parse_run_options(const std::vector<std::string>& args, RunOptions& out, std::string& error);

// One argument as the parsers read it: "--size=10" is the option "--size" with value "10";
// anything else is its own name with no value attached.
struct OptionWord {
    std::string name;
    std::optional<std::string> value;
};
OptionWord split_option_word(const std::string& arg);

std::string run_help();

}  // namespace poolscope::cli
