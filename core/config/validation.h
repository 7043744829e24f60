// Validation of a run's configuration before any process starts. Each refusal is one line that
// names the field, the value given and what is allowed, so a user can act on it.
#pragma once

#include <optional>
#include <string>

#include "core/config/option_schema.h"
#include "core/config/run_config.h"
#include "core/platform/machine_info.h"
#include "core/workloads/workload.h"

namespace poolscope {

// The largest worker count allowed on this machine: max(64, 8 × usable cores), at most 1024.
int max_workers(const MachineInfo& m);

// Field-level checks that need no workload (ranges, names, contradictions).
std::optional<std::string> validate_config(const RunConfig& cfg, const MachineInfo& m);

// Checks that need the configured workload: a chunk must fit in a frame, and the run must fit
// in memory (prepared input plus the frames in flight).
std::optional<std::string> validate_with_workload(const RunConfig& cfg, const Workload& wl,
                                                  const MachineInfo& m);

// Bytes the engine and its workers are estimated to need for this run.
uint64_t estimate_run_memory(const RunConfig& cfg, const Workload& wl);

}  // namespace poolscope
