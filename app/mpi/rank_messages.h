// The MPI messages between the dispatcher (rank 0) and the worker ranks of poolscope-mpi-rank.
// Tasks travel as the engine's task payloads and results as whole result frames (the core's
// protocol, core/protocol/messages.h), so the dispatcher relays bytes without decoding items.
#pragma once

#include <cstdint>
#include <string>

namespace poolscope::mpi {

enum Tag : int {
    kTagHello = 1,   // worker -> 0: pid (i64), ready stamp (i64), host name
    kTagPing = 2,    // 0 -> worker: empty; answered by kTagPong
    kTagPong = 3,    // worker -> 0: the worker's CLOCK_MONOTONIC (i64)
    kTagTask = 4,    // 0 -> worker: one task payload
    kTagResult = 5,  // worker -> 0: one result frame (or a fatal frame)
    kTagStop = 6,    // 0 -> worker: no more tasks; finalize and exit
    kTagRanks = 7,   // 0 -> worker: the Ranks payload (every rank's host and pid)
    kTagSample = 8,  // worker -> 0: a HostSample frame (one rank per other host samples it)
};

// Ping-pong rounds per worker rank when estimating its clock offset at start.
inline constexpr int kClockRounds = 16;

std::string host_name();

}  // namespace poolscope::mpi
