// The whole input schema as one JSON document, for scripts and forms: every workload with its
// parameters (typed domains read from the same ParamSpec the engine checks against) and every
// command's options from the one option table that drives parsing, --help and completion.
// `poolscope-cli list --json` prints it.
#pragma once

#include <string>

namespace poolscope::cli {

inline constexpr int kOptionSchemaVersion = 1;

std::string option_schema_json();

}  // namespace poolscope::cli
