// poolscope-cli: the headless face of PoolScope (run, list, replay, export; `worker` is the
// hidden entry point of spawn-started workers).
#include <cstdio>
#include <string>
#include <vector>

#include "app/cli/checked_output.h"
#include "app/cli/commands.h"

namespace {

constexpr const char* kUsage = R"(usage: poolscope-cli COMMAND [options]

commands:
  run       run a workload serially or through a pool (poolscope-cli run --help)
  list      workloads and their parameters with defaults and ranges
  replay    re-print the summary of a saved event stream
  export    convert a saved event stream to a Perfetto trace or CSV

  --help     this text
  --version  the version
)";

}  // namespace

int main(int argc, char** argv) {
    using namespace poolscope::cli;
    std::vector<std::string> args(argv + 1, argv + argc);
    // Spawned workers get exactly the descriptors they need; everyone else must not reuse 0-2.
    if (args.empty() || args[0] != "worker") guard_standard_descriptors();
    if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
        std::fputs(kUsage, args.empty() ? stderr : stdout);
        return args.empty() ? 2 : 0;
    }
    if (args[0] == "--version") {
        std::printf("poolscope-cli %s\n", POOLSCOPE_VERSION);
        return 0;
    }
    const std::string cmd = args[0];
    args.erase(args.begin());
    if (cmd == "run") return run_command(args);
    if (cmd == "list") return list_command(args);
    if (cmd == "replay") return replay_command(args);
    if (cmd == "export") return export_command(args);
    if (cmd == "worker") return worker_command(args);
    std::fprintf(stderr, "poolscope-cli: unknown command '%s' (run, list, replay, export)\n",
                 cmd.c_str());
    return 2;
}
