// Test support: the CLI run through /bin/sh, for what only a shell sets up simply — redirections
// to /dev/full or a closed descriptor, `ulimit -v`/`-u`, stdin from a device or a directory.
// The script sees the CLI's path as "$CLI"; it runs in its own process group, killed whole at
// the deadline, so nothing it started survives the test.
#pragma once

#include <string>

#include "support/process_hygiene.h"

namespace poolscope::test {

CliResult run_shell(const std::string& script, double timeout_s = 20);

// Single quotes around text for a shell script.
std::string shell_quote(const std::string& text);

}  // namespace poolscope::test
