// JSON form of telemetry: a run's memory and CPU figures, and the samples the event stream
// carries (docs/events.md, "sample"). Durations are seconds; memory is bytes.
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>

#include "core/telemetry/run_telemetry.h"
#include "core/telemetry/telemetry_figures.h"

namespace poolscope {

void to_json(nlohmann::json& j, const MemoryFigures& m);
void from_json(const nlohmann::json& j, MemoryFigures& m);

void to_json(nlohmann::json& j, const CpuFigures& c);
void from_json(const nlohmann::json& j, CpuFigures& c);

void to_json(nlohmann::json& j, const HostFigures& h);
void from_json(const nlohmann::json& j, HostFigures& h);

void to_json(nlohmann::json& j, const ProcessSample& p);
void from_json(const nlohmann::json& j, ProcessSample& p);

// A sample's time is written as "t", seconds since origin_ns (the stream's origin).
nlohmann::json sample_to_json(const Sample& s, int64_t origin_ns);
Sample sample_from_json(const nlohmann::json& j, int64_t origin_ns);

}  // namespace poolscope
