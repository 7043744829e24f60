// poolscope-cli: the headless face of PoolScope (run, sweep, list, replay, export, lessons, lesson;
// `worker` is the hidden entry point of spawn-started workers).
#include <cstdio>
#include <new>
#include <optional>
#include <string>
#include <system_error>
#include <vector>

#include "app/cli/checked_output.h"
#include "app/cli/commands.h"
#include "app/cli/option_table.h"

namespace {

constexpr const char* kUsage = R"(usage: poolscope-cli COMMAND [options]

commands:
  run       run a workload serially or through a pool (poolscope-cli run --help)
  sweep     run every point of axes such as --workers 1..8 --chunksize 1..4096*4 against
            serial; fits and a recommendation (poolscope-cli sweep --help)
  list      workloads and their parameters with defaults and ranges
  replay    re-print the summary of a saved event stream
  export    convert a saved event stream to a Perfetto trace or CSV
  lessons   the ready lessons, one line each
  lesson    run lesson N headless; --check says PASS or FAIL per expectation

  --help     this text (COMMAND --help: the command's options)
  --version  the version
)";

int dispatch(const std::string& cmd, const std::vector<std::string>& args) {
    using namespace poolscope::cli;
    if (cmd == "run") return run_command(args);
    if (cmd == "sweep") return sweep_command(args);
    if (cmd == "list") return list_command(args);
    if (cmd == "replay") return replay_command(args);
    if (cmd == "export") return export_command(args);
    if (cmd == "lessons") return lessons_command(args);
    if (cmd == "lesson") return lesson_command(args);
    if (cmd == "worker") return worker_command(args);
    // Hidden: the build generates the completion script and the man page with these.
    if (cmd == "completion" && args.size() == 1 && args[0] == "bash")
        return write_stream(stdout, bash_completion_script()) ? 1 : 0;
    if (cmd == "manpage" && args.empty()) return write_stream(stdout, man_page()) ? 1 : 0;
    std::fprintf(
        stderr,
        "poolscope-cli: unknown command '%s' (run, sweep, list, replay, export, lessons, lesson)\n",
        cmd.c_str());
    return 2;
}

bool has_arg(const std::vector<std::string>& args, const char* a, const char* b = nullptr) {
    for (const auto& x : args)
        if (x == a || (b && x == b)) return true;
    return false;
}

// GNU conventions for every command: --help and --version anywhere among its arguments print
// to stdout and exit 0 (the command's own help when it has one).
std::optional<int> help_or_version(const std::string& cmd, const std::vector<std::string>& args) {
    if (cmd == "worker" || cmd == "completion" || cmd == "manpage") return std::nullopt;
    if (has_arg(args, "--help", "-h")) {
        if (cmd == "run" || cmd == "replay" || cmd == "export" || cmd == "lesson" ||
            cmd == "list" || cmd == "lessons")
            return poolscope::cli::write_stream(stdout, poolscope::cli::command_help(cmd)) ? 1 : 0;
        return std::nullopt;
    }
    if (has_arg(args, "--version")) {
        std::printf("poolscope-cli %s\n", POOLSCOPE_VERSION);
        return 0;
    }
    return std::nullopt;
}

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
    try {
        if (const auto code = help_or_version(cmd, args)) return *code;
        return dispatch(cmd, args);
    } catch (const std::bad_alloc&) {
        // Whatever the engine could not catch closer to where it happened: an error, not an
        // abort (the runners end a run that runs out of memory themselves, keeping its results).
        std::fprintf(stderr, "poolscope-cli %s: error: out of memory (an allocation failed)\n",
                     cmd.c_str());
    } catch (const std::system_error& e) {
        std::fprintf(stderr, "poolscope-cli %s: error: %s\n", cmd.c_str(), e.what());
    }
    return 1;
}
