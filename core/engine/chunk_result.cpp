#include "core/engine/chunk_result.h"

#include "core/engine/output_hashing.h"
#include "core/platform/clock.h"
#include "core/protocol/frame.h"

namespace poolscope {

std::optional<ChunkResult> check_chunk_result(
    ResultHeader fixed, PayloadReader& rest, const ChunkSpec& spec, uint64_t output_bytes,
    std::optional<std::span<const std::byte>> outputs_elsewhere) {
    if (fixed.first != spec.first || fixed.count != spec.count) return std::nullopt;
    const bool omitted = fixed.outputs_omitted != 0;
    std::span<const std::byte> outputs;
    if (outputs_elsewhere)
        outputs = *outputs_elsewhere;
    else if (!omitted)
        outputs = rest.bytes(spec.count * output_bytes);
    if (rest.failed() || !read_result_failures(rest, fixed)) return std::nullopt;
    ChunkResult out;
    if (omitted) {
        // Outputs left out (result too large): every item failed, for the one reason given.
        if (fixed.failures.size() != 1) return std::nullopt;
        out.failed = spec.count;
    } else {
        if (outputs.size() < spec.count * output_bytes) return std::nullopt;
        const auto hashed =
            hash_chunk_outputs(spec.first, spec.count, outputs, output_bytes, fixed.failures);
        if (!hashed) return std::nullopt;
        out.checksum = hashed->checksum;
        out.items = hashed->items;
        out.failed = fixed.failures.size();
    }
    out.header = std::move(fixed);
    return out;
}

void stamp_chunk(ChunkRecord& c, const ChunkResult& r, int worker, int64_t now,
                 std::size_t payload_bytes, bool timed) {
    const ResultHeader& h = r.header;
    c.worker = worker;
    c.recv_start_ns = h.recv_start_ns;
    c.recv_end_ns = h.recv_end_ns;
    c.compute_start_ns = h.compute_start_ns;
    c.compute_end_ns = h.compute_end_ns;
    c.ser_end_ns = h.ser_end_ns;
    c.received_ns = now;
    c.bytes_out = kFrameHeaderSize + payload_bytes;
    c.failed_items = r.failed;
    c.ok = true;
    if (timed) c.engine_deser_ns = monotonic_ns() - now;
}

void report_item_failures(ErrorSink& sink, const ChunkResult& r, uint64_t chunk, int worker,
                          pid_t pid) {
    const ResultHeader& h = r.header;
    for (const auto& f : h.failures) {
        const std::string what = h.outputs_omitted ? "chunk " + std::to_string(chunk) + " (all " +
                                                         std::to_string(h.count) + " items)"
                                                   : "item " + std::to_string(f.item);
        sink.item_failed(RunError{.code = "item_failed",
                                  .message = what + ": " + f.message,
                                  .worker = worker,
                                  .pid = pid,
                                  .chunk = static_cast<int64_t>(chunk),
                                  .item = static_cast<int64_t>(f.item)});
    }
}

RunError protocol_error(const std::string& who, const std::string& why, int worker, pid_t pid,
                        int64_t chunk) {
    return RunError{.code = "protocol",
                    .message = who + ": protocol error: " + why,
                    .worker = worker,
                    .pid = pid,
                    .chunk = chunk};
}

}  // namespace poolscope
