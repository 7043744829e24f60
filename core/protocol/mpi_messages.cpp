#include "core/protocol/mpi_messages.h"

#include <algorithm>

namespace poolscope {

namespace {
constexpr uint32_t kMaxHostName = 256;
constexpr uint32_t kMaxRanks = 1 << 16;
}  // namespace

void append_ranks(Bytes& out, const std::vector<RankInfo>& ranks) {
    const auto at = begin_frame(out, FrameType::Ranks);
    put_u32(out, static_cast<uint32_t>(ranks.size()));
    for (const auto& r : ranks) {
        put_i64(out, r.rank);
        put_i64(out, r.pid);
        put_i64(out, r.clock_offset_ns);
        put_i64(out, r.clock_uncertainty_ns);
        const auto n = std::min<std::size_t>(r.host.size(), kMaxHostName);
        put_u32(out, static_cast<uint32_t>(n));
        put_bytes(out, std::as_bytes(std::span(r.host.data(), n)));
    }
    end_frame(out, at);
}

std::optional<std::vector<RankInfo>> read_ranks(std::span<const std::byte> payload) {
    PayloadReader r(payload);
    const uint32_t n = r.u32();
    if (r.failed() || n > kMaxRanks) return std::nullopt;
    std::vector<RankInfo> ranks;
    for (uint32_t i = 0; i < n; ++i) {
        RankInfo k;
        k.rank = r.i64();
        k.pid = r.i64();
        k.clock_offset_ns = r.i64();
        k.clock_uncertainty_ns = r.i64();
        const uint32_t len = r.u32();
        if (r.failed() || len > kMaxHostName) return std::nullopt;
        const auto name = r.bytes(len);
        if (r.failed()) return std::nullopt;
        k.host.assign(reinterpret_cast<const char*>(name.data()), name.size());
        ranks.push_back(std::move(k));
    }
    if (r.remaining() != 0) return std::nullopt;
    return ranks;
}

}  // namespace poolscope
