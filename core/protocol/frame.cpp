#include "core/protocol/frame.h"

#include <algorithm>
#include <cstring>

namespace poolscope {

namespace {

constexpr uint64_t kMul = 0x9fb21c651e98df25ULL;

inline uint64_t load64(const std::byte* p) {
    uint64_t v;
    std::memcpy(&v, p, 8);
    return v;
}

inline uint64_t fold(uint64_t h) {
    h ^= h >> 29;
    h *= kMul;
    h ^= h >> 32;
    return h;
}

}  // namespace

// Four independent lanes so the multiplies overlap; the lengths and type seed them so a frame
// that only differs in its header does not collide.
FrameChecksum::FrameChecksum(FrameType type, uint64_t length)
    : lane_{0x243f6a8885a308d3ULL ^ static_cast<uint64_t>(type), 0x13198a2e03707344ULL ^ length,
            0xa4093822299f31d0ULL, 0x082efa98ec4e6c89ULL} {}

namespace {

// Whole 32-byte blocks from p (n a multiple of 32); the lanes live in registers meanwhile.
void sum_blocks(uint64_t (&lane)[4], const std::byte* p, std::size_t n) {
    uint64_t a = lane[0], b = lane[1], c = lane[2], d = lane[3];
    for (; n >= 32; n -= 32, p += 32) {
        a = (a ^ load64(p)) * kMul;
        b = (b ^ load64(p + 8)) * kMul;
        c = (c ^ load64(p + 16)) * kMul;
        d = (d ^ load64(p + 24)) * kMul;
    }
    lane[0] = a, lane[1] = b, lane[2] = c, lane[3] = d;
}

}  // namespace

void FrameChecksum::update(std::span<const std::byte> piece) {
    const std::byte* p = piece.data();
    std::size_t n = piece.size();
    if (n == 0) return;  // an empty span may carry a null pointer, which memcpy must not see
    fed_ += n;
    if (carried_ > 0) {
        const std::size_t take = std::min(n, sizeof carry_ - carried_);
        std::memcpy(carry_ + carried_, p, take);
        carried_ += take, p += take, n -= take;
        if (carried_ < sizeof carry_) return;
        sum_blocks(lane_, carry_, sizeof carry_);
        carried_ = 0;
    }
    const std::size_t whole = n & ~std::size_t{31};
    sum_blocks(lane_, p, whole);
    std::memcpy(carry_, p + whole, n - whole);
    carried_ = n - whole;
}

uint64_t FrameChecksum::finish() const {
    uint64_t tail[4] = {0, 0, 0, 0};
    std::memcpy(tail, carry_, carried_);
    const uint64_t a = (lane_[0] ^ tail[0]) * kMul, b = (lane_[1] ^ tail[1]) * kMul;
    const uint64_t c = (lane_[2] ^ tail[2]) * kMul, d = (lane_[3] ^ tail[3]) * kMul;
    return fold(a ^ fold(b ^ fold(c ^ fold(d))));
}

uint64_t frame_checksum(FrameType type, std::span<const std::byte> payload) {
    FrameChecksum sum(type, payload.size());
    sum.update(payload);
    return sum.finish();
}

std::size_t begin_frame(Bytes& out, FrameType type) {
    const std::size_t at = out.size();
    out.resize(at + kFrameHeaderSize);
    std::byte* h = out.data() + at;
    const uint32_t magic = kFrameMagic;
    const uint16_t version = kProtocolVersion;
    const uint16_t t = static_cast<uint16_t>(type);
    std::memcpy(h, &magic, 4);
    std::memcpy(h + 4, &version, 2);
    std::memcpy(h + 6, &t, 2);
    return at;
}

void end_frame(Bytes& out, std::size_t header_offset) {
    std::byte* h = out.data() + header_offset;
    uint16_t t;
    std::memcpy(&t, h + 6, 2);
    const uint64_t len = out.size() - header_offset - kFrameHeaderSize;
    const uint64_t sum = frame_checksum(static_cast<FrameType>(t),
                                        {out.data() + header_offset + kFrameHeaderSize, len});
    std::memcpy(h + 8, &len, 8);
    std::memcpy(h + 16, &sum, 8);
}

void end_frame_with(Bytes& out, std::size_t header_offset, std::span<const std::byte> tail) {
    std::byte* h = out.data() + header_offset;
    uint16_t t;
    std::memcpy(&t, h + 6, 2);
    const std::size_t head = out.size() - header_offset - kFrameHeaderSize;
    const uint64_t len = head + tail.size();
    FrameChecksum sum(static_cast<FrameType>(t), len);
    sum.update({h + kFrameHeaderSize, head});
    sum.update(tail);
    const uint64_t value = sum.finish();
    std::memcpy(h + 8, &len, 8);
    std::memcpy(h + 16, &value, 8);
}

void append_frame(Bytes& out, FrameType type, std::span<const std::byte> payload) {
    const std::size_t at = begin_frame(out, type);
    out.insert(out.end(), payload.begin(), payload.end());
    end_frame(out, at);
}

std::span<std::byte> FrameDecoder::write_space(std::size_t min_bytes) {
    // Compact first so the buffer does not grow without bound while frames stream through.
    if (begin_ > 0 && (begin_ == end_ || begin_ > buf_.size() / 2)) {
        std::memmove(buf_.data(), buf_.data() + begin_, end_ - begin_);
        end_ -= begin_;
        begin_ = 0;
    }
    std::size_t want = min_bytes;
    // When a large frame's header is in, make room for the whole rest in one go.
    if (end_ - begin_ >= kFrameHeaderSize && error_.empty()) {
        uint64_t len;
        std::memcpy(&len, buf_.data() + begin_ + 8, 8);
        if (len <= max_payload_) {
            const uint64_t whole = kFrameHeaderSize + len;
            if (whole > end_ - begin_) want = std::max<std::size_t>(want, whole - (end_ - begin_));
        }
    }
    if (buf_.size() - end_ < want) buf_.resize(end_ + want);
    return {buf_.data() + end_, buf_.size() - end_};
}

void FrameDecoder::commit(std::size_t n) {
    end_ += n;
    if (n > 0 && error_.empty()) check_arrived();
}

// A large frame's payload is summed as it comes in: the bytes just read are still in the
// cache, so this costs less than a pass over the whole payload once it is complete. A header
// that does not parse is left to next(), which reports it.
void FrameDecoder::check_arrived() {
    const std::size_t have = end_ - begin_;
    if (have < kFrameHeaderSize) return;
    FrameHeader hdr;
    if (!running_) {
        if (parse_frame_header({buf_.data() + begin_, kFrameHeaderSize}, max_payload_, hdr) ||
            hdr.length < kCheckAsReadBytes)
            return;
        running_.emplace(hdr.type, hdr.length);
    } else {
        std::memcpy(&hdr.length, buf_.data() + begin_ + 8, 8);
    }
    const uint64_t arrived = std::min<uint64_t>(have - kFrameHeaderSize, hdr.length);
    const uint64_t from = running_->fed();
    if (arrived > from)
        running_->update({buf_.data() + begin_ + kFrameHeaderSize + from, arrived - from});
}

void FrameDecoder::feed(std::span<const std::byte> data) {
    if (data.empty()) return;
    auto space = write_space(data.size());
    std::memcpy(space.data(), data.data(), data.size());
    commit(data.size());
}

FrameDecoder::Status FrameDecoder::fail(std::string why) {
    error_ = std::move(why);
    running_.reset();
    return Status::Error;
}

std::optional<std::string> parse_frame_header(std::span<const std::byte> raw, uint64_t max_payload,
                                              FrameHeader& out) {
    uint32_t magic;
    uint16_t version, type;
    std::memcpy(&magic, raw.data(), 4);
    std::memcpy(&version, raw.data() + 4, 2);
    std::memcpy(&type, raw.data() + 6, 2);
    std::memcpy(&out.length, raw.data() + 8, 8);
    std::memcpy(&out.checksum, raw.data() + 16, 8);
    if (magic != kFrameMagic) return "bad frame magic";
    if (version != kProtocolVersion)
        return "protocol version " + std::to_string(version) + ", expected " +
               std::to_string(kProtocolVersion);
    if (type < 1 || type > 8) return "unknown frame type " + std::to_string(type);
    if (out.length > max_payload)
        return "frame of " + std::to_string(out.length) + " bytes exceeds the limit of " +
               std::to_string(max_payload) + " bytes";
    out.type = static_cast<FrameType>(type);
    return std::nullopt;
}

FrameDecoder::Status FrameDecoder::next(Frame& out) {
    if (!error_.empty()) return Status::Error;
    const std::size_t have = end_ - begin_;
    if (have < kFrameHeaderSize) return Status::NeedMore;
    const std::byte* h = buf_.data() + begin_;
    FrameHeader hdr;
    if (auto why = parse_frame_header({h, kFrameHeaderSize}, max_payload_, hdr)) return fail(*why);
    if (have - kFrameHeaderSize < hdr.length) return Status::NeedMore;
    std::span<const std::byte> payload{h + kFrameHeaderSize, hdr.length};
    uint64_t sum;
    if (running_) {  // summed as it arrived (commit); only what came by feed() may be left
        if (running_->fed() < hdr.length) running_->update(payload.subspan(running_->fed()));
        sum = running_->finish();
        running_.reset();
    } else {
        sum = frame_checksum(hdr.type, payload);
    }
    if (sum != hdr.checksum) return fail("frame checksum mismatch");
    out.type = hdr.type;
    out.payload = payload;
    begin_ += kFrameHeaderSize + hdr.length;
    return Status::Ready;
}

void put_u32(Bytes& out, uint32_t v) {
    const auto at = out.size();
    out.resize(at + 4);
    std::memcpy(out.data() + at, &v, 4);
}

void put_u64(Bytes& out, uint64_t v) {
    const auto at = out.size();
    out.resize(at + 8);
    std::memcpy(out.data() + at, &v, 8);
}

void put_bytes(Bytes& out, std::span<const std::byte> data) {
    out.insert(out.end(), data.begin(), data.end());
}

uint32_t PayloadReader::u32() {
    if (failed_ || remaining() < 4) return failed_ = true, 0;
    uint32_t v;
    std::memcpy(&v, data_.data() + pos_, 4);
    pos_ += 4;
    return v;
}

uint64_t PayloadReader::u64() {
    if (failed_ || remaining() < 8) return failed_ = true, 0;
    uint64_t v;
    std::memcpy(&v, data_.data() + pos_, 8);
    pos_ += 8;
    return v;
}

std::span<const std::byte> PayloadReader::bytes(uint64_t n) {
    if (failed_ || remaining() < n) {
        failed_ = true;
        return {};
    }
    auto s = data_.subspan(pos_, n);
    pos_ += n;
    return s;
}

}  // namespace poolscope
