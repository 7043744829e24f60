// What the GUI tests ask of the process table: is a pid still there, and which processes are
// children of a pid (workers of an engine), read from /proc.
#pragma once

#include <sys/types.h>

#include <QList>

namespace poolscope::test {

bool processExists(pid_t pid);  // a zombie counts as gone
QList<pid_t> childrenOf(pid_t parent);
// Processes whose command line's first word ends with `name` (e.g. "poolscope-cli").
QList<pid_t> processesNamed(const char* name);

}  // namespace poolscope::test
