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

uint64_t frame_checksum(FrameType type, std::span<const std::byte> payload) {
    // Four independent lanes so the multiplies overlap; the lengths and type seed them so a
    // frame that only differs in its header does not collide.
    uint64_t a = 0x243f6a8885a308d3ULL ^ static_cast<uint64_t>(type);
    uint64_t b = 0x13198a2e03707344ULL ^ payload.size();
    uint64_t c = 0xa4093822299f31d0ULL, d = 0x082efa98ec4e6c89ULL;
    const std::byte* p = payload.data();
    std::size_t n = payload.size();
    while (n >= 32) {
        a = (a ^ load64(p)) * kMul;
        b = (b ^ load64(p + 8)) * kMul;
        c = (c ^ load64(p + 16)) * kMul;
        d = (d ^ load64(p + 24)) * kMul;
        p += 32;
        n -= 32;
    }
    uint64_t tail[4] = {0, 0, 0, 0};
    std::memcpy(tail, p, n);
    a = (a ^ tail[0]) * kMul;
    b = (b ^ tail[1]) * kMul;
    c = (c ^ tail[2]) * kMul;
    d = (d ^ tail[3]) * kMul;
    return fold(a ^ fold(b ^ fold(c ^ fold(d))));
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
}

void FrameDecoder::feed(std::span<const std::byte> data) {
    if (data.empty()) return;
    auto space = write_space(data.size());
    std::memcpy(space.data(), data.data(), data.size());
    commit(data.size());
}

FrameDecoder::Status FrameDecoder::fail(std::string why) {
    error_ = std::move(why);
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
    if (type < 1 || type > 7) return "unknown frame type " + std::to_string(type);
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
    if (frame_checksum(hdr.type, payload) != hdr.checksum) return fail("frame checksum mismatch");
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
