// poolscope-cli subcommands; each takes the arguments after its name and returns the exit code
// (0 done, 1 run failed, 2 bad input, 130 interrupted; `lesson --check`: 1 an expectation
// failed, 3 disturbed).
#pragma once

#include <string>
#include <vector>

namespace poolscope::cli {

using Args = std::vector<std::string>;

int run_command(const Args& args);
int sweep_command(const Args& args);  // run's options plus axes: every point, fits, advice
int list_command(const Args& args);
int replay_command(const Args& args);
int export_command(const Args& args);
int lessons_command(const Args& args);  // the lessons, one line each
int lesson_command(const Args& args);   // one lesson's runs, and with --check its expectations
int worker_command(const Args& args);   // hidden: the spawn start method's entry point

}  // namespace poolscope::cli
