// The hosts of an MPI run (--hosts): a list "a:4,b:4" or an OpenMPI-style hostfile ("a slots=4"
// per line, # comments). Parsing only; whether a name is this machine is the engine's question
// (core/engine/mpi_launch.h).
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace poolscope {

struct MpiHost {
    std::string name;
    int slots = 0;  // 0: not given (the launcher spreads the ranks evenly)

    bool operator==(const MpiHost&) const = default;
};

inline constexpr int kMaxMpiSlots = 4096;

// The hosts `spec` names: empty = this machine alone ("localhost"); an existing file is read as
// a hostfile; anything else is a comma-separated list of NAME[:SLOTS]. The reason on error.
std::optional<std::string> parse_mpi_hosts(const std::string& spec, std::vector<MpiHost>& out);

}  // namespace poolscope
