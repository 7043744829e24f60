// ParamDomain: the values a workload parameter accepts, read from its ParamSpec (the range text
// `poolscope-cli list` prints and the `real` flag), so that a form can offer only what the
// workload's configure() will take, and say why in the workload's own words when it will not.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/workloads/workload.h"

namespace poolscope {

struct ParamDomain {
    enum class Kind {
        Integer,  // a whole number in lo … hi (param_u64)
        Real,     // a number in real_lo … real_hi (param_double)
        Choice,   // one of `choices` ("checksum|keep|write")
        Path,     // a folder ("folder", "writable folder"); empty = none
        Text,     // anything else: free text, checked only by the workload
    };
    Kind kind = Kind::Text;
    // Integer bounds stay whole numbers: 2^64-1 is past what a double holds exactly.
    uint64_t lo = 0;
    uint64_t hi = 0;
    double real_lo = 0;
    double real_hi = 0;
    std::vector<std::string> choices;
    bool writable = false;  // Path: the workload writes into it

    // Whether `value` (as typed after --param KEY=) lies inside. A Path or Text domain accepts
    // any text: whether a folder exists is the workload's check, made when the engine runs.
    bool contains(const std::string& value) const;
};

// The domain of one parameter. A range that cannot be read ("1 … lots") gives Kind::Text, so
// the value still reaches the workload, which refuses it with its own message.
ParamDomain param_domain(const ParamSpec& spec);

// The refusal configure() would give for `spec`'s value in `params` (the default when absent)
// on range grounds alone, in the same words (param_u64/param_double's; blur's for a choice);
// nullopt when inside. Checks between parameters and on the file system are the workload's.
std::optional<std::string> check_param_range(const ParamSpec& spec, const ParamMap& params);

}  // namespace poolscope
