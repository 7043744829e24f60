// What the MPI dispatcher (rank 0 of `poolscope-mpi-rank`) tells the engine on its control
// connection, beside the worker frames it relays (docs/protocol.md, "MPI backend").
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/protocol/frame.h"

namespace poolscope {

// One rank of the job. Rank 0 is the dispatcher; worker index = rank - 1.
struct RankInfo {
    int64_t rank = 0;
    int64_t pid = 0;
    std::string host;
    int64_t clock_offset_ns = 0;  // that rank's CLOCK_MONOTONIC minus the dispatcher's
    int64_t clock_uncertainty_ns = 0;

    bool operator==(const RankInfo&) const = default;
};

void append_ranks(Bytes& out, const std::vector<RankInfo>& ranks);
std::optional<std::vector<RankInfo>> read_ranks(std::span<const std::byte> payload);

}  // namespace poolscope
