// `poolscope-cli run --help`, generated from the option table (app/cli/option_table.h).
#include "app/cli/option_table.h"
#include "app/cli/run_options.h"

namespace poolscope::cli {

namespace {

constexpr std::size_t kHelpColumn = 27;

}  // namespace

std::string run_help() {
    std::string out =
        "usage: poolscope-cli run [options]\n\n"
        "Runs a workload serially or through a pool and reports where the time went.\n\n";
    std::string section = "\x01";
    for (const OptionSpec& o : run_option_table()) {
        if (o.section != section) out += o.section + "\n";
        section = o.section;
        std::string head = "  ";
        if (!o.short_name.empty()) head += o.short_name + ", ";
        head += o.name + (o.metavar.empty() ? "" : " " + o.metavar);
        head += head.size() + 2 <= kHelpColumn ? std::string(kHelpColumn - head.size(), ' ') : "  ";
        std::string help = o.help;
        for (std::size_t nl = help.find('\n'); nl != std::string::npos;
             nl = help.find('\n', nl + 1))
            help.insert(nl + 1, std::string(kHelpColumn, ' '));
        out += head + help + "\n";
    }
    return out +
           "\nexit status: 0 done, 1 run failed or an output could not be written, 2 bad input,\n"
           "130 interrupted (partial results printed)\n"
           "environment: NO_COLOR (non-empty) turns colour off unless --color always\n";
}

}  // namespace poolscope::cli
