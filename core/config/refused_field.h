// The field a refusal names, as a machine-readable id: a form puts the message beside that
// control, a script tells which option to change. Every refusal of the parser, validate_config,
// validate_with_workload, a workload's configure() and the sweep's parser and points names its
// field in its first words, so the id is read from the message by one rule that tests hold
// every refusal to:
//   a sweep's point first, "at AXIS=VALUE …: REFUSAL"         → REFUSAL's field
//   "--param KEY: …", "… KEY needs …", "… KEY is …" (a sweep's parameter axis) → "--param KEY"
//   "parameter KEY …" or "--param: parameter KEY …"        → "--param KEY"
//   "workload W has no parameter …"                          → "--param"
//   "… --OPTION must be …" (the option a user has to change) → "--OPTION"
//   "… use a smaller --OPTION" (the advice)                   → "--OPTION"
//   otherwise the first "--OPTION" in the message             → "--OPTION"
//   nothing of the kind (a calibration that failed)           → ""
#pragma once

#include <string>
#include <string_view>

namespace poolscope {

std::string refused_field(std::string_view message);

}  // namespace poolscope
