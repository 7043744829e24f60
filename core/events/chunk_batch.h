// The column-wise "chunks" and "chunk_buckets" events: one array per field instead of one
// object per chunk, which keeps a batch of thousands of chunks compact and cheap to write.
// Writing goes straight to text (no JSON tree) because it runs on the engine's loop; reading
// back lives here too, so the two sides cannot drift apart.
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/engine/run_result.h"
#include "core/events/chunk_buckets.h"

namespace poolscope {

// One "chunks" event (without the trailing newline). Stamps become seconds since origin_ns.
std::string chunks_event_line(const std::string& run_id, int64_t t_ns,
                              std::span<const ChunkRecord> chunks, int64_t origin_ns);

// One "chunk_buckets" event (without the trailing newline).
std::string buckets_event_line(const std::string& run_id, int64_t t_ns,
                               std::span<const ChunkBucket> buckets, int64_t width_ns,
                               int64_t origin_ns);

// The records or buckets of a parsed event; throws JsonFieldError when a column is missing,
// has the wrong type or a length other than "n".
std::vector<ChunkRecord> chunks_from_event(const nlohmann::json& event, int64_t origin_ns);
std::vector<ChunkBucket> buckets_from_event(const nlohmann::json& event, int64_t origin_ns);

// A whole "chunks" line read straight from its text (JsonScan): the run it names and its
// records, the same as chunks_from_event gives for the parsed line. Nothing when the line is not
// in the writer's plain shape or a value is refused: the tree parser then reads it (and words
// the error).
struct ChunksLine {
    std::string run_id;
    std::vector<ChunkRecord> chunks;
};
std::optional<ChunksLine> chunks_from_text(std::string_view line, int64_t origin_ns);

}  // namespace poolscope
