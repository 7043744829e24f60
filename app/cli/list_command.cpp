#include <cstdio>
#include <optional>

#include "app/cli/checked_output.h"
#include "app/cli/command_options.h"
#include "app/cli/commands.h"
#include "app/cli/list_schema.h"
#include "core/workloads/workload_registry.h"

namespace poolscope::cli {

int list_command(const Args& args) {
    bool json = false;
    const auto refused = walk_options(
        command_spec("list"), args,
        [&](const OptionSpec& o, const std::string&) {
            json = json || o.name == "--json";  // --help, --version: main answers them
            return std::optional<std::string>();
        },
        [](const std::string& word) {
            return std::optional<std::string>("unexpected argument '" + word +
                                              "' (see poolscope-cli list --help)");
        });
    if (refused) {
        std::fprintf(stderr, "poolscope-cli list: error: %s\n", refused->c_str());
        return 2;
    }
    if (json) {
        if (const auto e = write_stream(stdout, option_schema_json())) {
            report_write_error("list", "standard output", *e);
            return 1;
        }
        return 0;
    }
    std::printf("workloads (use --workload NAME --param KEY=VALUE):\n");
    for (const auto& w : list_workloads()) {
        std::printf("\n  %-10s %s\n", w.name.c_str(), w.summary.c_str());
        if (w.params.empty()) std::printf("             (no parameters)\n");
        for (const auto& p : w.params)
            std::printf("             %-14s default %-10s range %-22s %s\n", p.key.c_str(),
                        p.default_value.empty() ? "(none)" : p.default_value.c_str(),
                        p.range.c_str(), p.help.c_str());
        std::printf("             --backend python: results bit-identical to the native engine\n");
    }
    return 0;
}

}  // namespace poolscope::cli
