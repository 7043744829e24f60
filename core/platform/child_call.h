// Runs a short function in a forked child and returns what it printed, so the engine can
// measure things (e.g. calibrate a loop) without running workload code in its own process.
#pragma once

#include <functional>
#include <optional>
#include <string>

namespace poolscope {

// nullopt when the child fails, dies or exceeds timeout_ms (it is then killed and reaped).
std::optional<std::string> run_in_child(const std::function<std::string()>& fn, int timeout_ms);

}  // namespace poolscope
