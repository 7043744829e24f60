// JSON form of a run's configuration and of the machine it ran on, by the CLI's names
// (docs/events.md lists every field). Found by nlohmann's ADL: json j = config; j.get<RunConfig>().
#pragma once

#include <nlohmann/json.hpp>

#include "core/config/run_config.h"
#include "core/platform/machine_info.h"

namespace poolscope {

// chunksize is a number or "auto"; params is an object of strings; inject a list of strings.
void to_json(nlohmann::json& j, const RunConfig& c);
void from_json(const nlohmann::json& j, RunConfig& c);

void to_json(nlohmann::json& j, const MachineInfo& m);
void from_json(const nlohmann::json& j, MachineInfo& m);

// MachineInfo has no operator== (its loadavg is a C array); this compares every field.
bool same_machine(const MachineInfo& a, const MachineInfo& b);

}  // namespace poolscope
