// A telemetry sample taken on another host of an MPI job (by one rank there), as it travels to
// the engine: a HostSample frame (docs/protocol.md) with the sampling rank and the Sample. The
// dispatcher moves its stamp onto the engine's clock on the way (shift_host_sample).
#pragma once

#include <cstdint>
#include <optional>
#include <span>

#include "core/protocol/frame.h"
#include "core/telemetry/run_telemetry.h"

namespace poolscope {

struct HostSample {
    int64_t rank = 0;  // the rank that sampled (its host is in the dispatcher's table)
    Sample sample;
};

void append_host_sample(Bytes& out, const HostSample& s);
std::optional<HostSample> read_host_sample(std::span<const std::byte> payload);

// Subtracts offset_ns from the sample's stamp in a whole HostSample frame and reseals it.
void shift_host_sample(Bytes& frame, int64_t offset_ns);

}  // namespace poolscope
