// Building one line of the event stream: "type" first, then "t" and "run", then the event's own
// fields, so a person reading the stream sees what each line is at a glance.
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>

#include "core/text/json_units.h"

namespace poolscope {

// {"type":"<type>","t":<seconds>[,"run":"<run_id>"]   (open: fields follow, then '}').
// The run key is left out when run_id is empty (an event outside any run).
std::string event_head(const char* type, double t_s, const std::string& run_id);

// The whole line: the head followed by body's fields. body must be an object.
std::string event_line(const char* type, double t_s, const std::string& run_id,
                       const nlohmann::json& body);

}  // namespace poolscope
