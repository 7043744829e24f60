// The one accounting step for a chunk's result frame, whoever sent it (a pool worker, an MPI
// rank through the dispatcher, the threads host): check it answers the chunk that was sent,
// hash every finished item's output, stamp the chunk's record and report its failed items in
// the same words. And the one wording of a child's stream that does not decode.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <optional>
#include <span>
#include <string>

#include "core/config/chunk_plan.h"
#include "core/engine/run_errors.h"
#include "core/engine/run_result.h"
#include "core/protocol/messages.h"

namespace poolscope {

struct ChunkResult {
    ResultHeader header;
    uint64_t failed = 0;    // items that failed (all of them when the outputs were left out)
    uint64_t checksum = 0;  // of the finished items' outputs
    uint64_t items = 0;     // finished items the checksum covers
};

// Checks a result frame against `spec`, its fixed part already read (the caller needs the chunk
// id first) and `rest` just past it: same first item and count, every output there, failures
// inside the chunk, outputs left out only with the one reason why. `outputs_elsewhere`: where
// the outputs wait when they do not travel in the frame (shared memory). nullopt for a frame
// that does not answer the chunk (a protocol error).
std::optional<ChunkResult> check_chunk_result(
    ResultHeader fixed, PayloadReader& rest, const ChunkSpec& spec, uint64_t output_bytes,
    std::optional<std::span<const std::byte>> outputs_elsewhere = std::nullopt);

// The chunk's record once its result arrived at `now` (payload_bytes: the frame's payload).
// The engine's time on it is measured from `now` unless the caller times a batch of results
// itself (timed = false: it spreads the batch's time over them).
void stamp_chunk(ChunkRecord& c, const ChunkResult& r, int worker, int64_t now,
                 std::size_t payload_bytes, bool timed = true);

// Each failed item of the chunk, to the sink (which lists the first kMaxReportedItemErrors).
void report_item_failures(ErrorSink& sink, const ChunkResult& r, uint64_t chunk, int worker,
                          pid_t pid);

// A child's stream that ended inside a frame or did not decode: "WHO: protocol error: WHY".
RunError protocol_error(const std::string& who, const std::string& why, int worker, pid_t pid,
                        int64_t chunk = -1);

}  // namespace poolscope
