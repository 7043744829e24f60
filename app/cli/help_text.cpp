// Every command's `--help`, generated from the command table (app/cli/option_table.h): the usage
// line, the description, the options by section with their help lines, the notes. sweep lists
// its axes and its own options (the axis schema, core/config/sweep_axis_schema.h) and sends the
// reader to run's help for the rest.
#include <algorithm>

#include "app/cli/option_table.h"
#include "app/cli/run_options.h"

namespace poolscope::cli {

namespace {

// Where help lines start in run's and sweep's help; the small commands' are narrower.
constexpr std::size_t kHelpColumn = 27;

std::string head_of(const OptionSpec& o) {
    std::string head = "  ";
    if (!o.short_name.empty()) head += o.short_name + ", ";
    return head + o.name + (o.metavar.empty() ? "" : " " + o.metavar);
}

// What a section is called in the help ("axes" says what an axis is written as).
std::string heading(const std::string& section) {
    if (section == "axes")
        return "axes (a comma-separated list of values or ranges; one value is a fixed option)";
    return section;
}

// The options under their headings; spaced: a blank line before each heading but the first.
std::string option_lines(const std::vector<OptionSpec>& options, std::size_t column, bool spaced) {
    std::string out;
    std::string section = "\x01";
    for (const OptionSpec& o : options) {
        if (o.section != section && !o.section.empty())
            out += (spaced && section != "\x01" ? "\n" : "") + heading(o.section) + "\n";
        section = o.section;
        std::string head = head_of(o);
        head += head.size() + 2 <= column ? std::string(column - head.size(), ' ') : "  ";
        std::string help = o.help;
        for (std::size_t nl = help.find('\n'); nl != std::string::npos;
             nl = help.find('\n', nl + 1))
            help.insert(nl + 1, std::string(column, ' '));
        out += head + help + "\n";
    }
    return out;
}

// The small commands' help column: past their longest option, at most run's.
std::size_t column_for(const std::vector<OptionSpec>& options) {
    std::size_t widest = 0;
    for (const OptionSpec& o : options) widest = std::max(widest, head_of(o).size());
    return std::min(kHelpColumn, widest + 2);
}

}  // namespace

std::string command_help(const std::string& command) {
    const CommandSpec& c = command_spec(command);
    const bool wide = c.name == "run" || c.name == "sweep";
    const std::vector<OptionSpec> options = c.name == "sweep" ? sweep_help_options() : c.options;
    std::string out = "usage: poolscope-cli " + c.name + " " + c.synopsis + "\n\n";
    if (!c.description.empty()) out += c.description + "\n\n";
    // run's many sections stay packed; sweep's two are set apart.
    out += option_lines(options, wide ? kHelpColumn : column_for(options), c.name == "sweep");
    if (!c.notes.empty()) out += "\n" + c.notes + "\n";
    return out;
}

std::string run_help() {
    return command_help("run");
}

}  // namespace poolscope::cli
