// Worker protocol frames: a fixed header (magic, version, type, 64-bit payload length,
// checksum) and a payload. FrameDecoder consumes bytes as they arrive from a non-blocking pipe
// and yields whole frames, so a partial frame never blocks the reader; any malformed input is a
// protocol error, never a crash or a hang. See docs/protocol.md.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

namespace poolscope {

inline constexpr uint32_t kFrameMagic = 0x31465350;  // "PSF1" little-endian
inline constexpr uint16_t kProtocolVersion = 1;
inline constexpr std::size_t kFrameHeaderSize = 24;

enum class FrameType : uint16_t {
    Ready = 1,       // worker -> engine: started and ready for tasks
    Task = 2,        // engine -> worker: one chunk
    Result = 3,      // worker -> engine: one chunk's results
    Fatal = 4,       // worker -> engine: the worker cannot go on (message)
    Started = 5,     // threads host -> engine: a thread took a chunk (for deadlines)
    Ranks = 6,       // MPI dispatcher -> engine: every rank's host, pid and clock offset
    HostSample = 7,  // MPI dispatcher -> engine: a telemetry sample from another host
    Published = 8,   // worker -> engine: results wait in its ring (shm, results in place)
};

// Growing a buffer must not zero-fill it: every byte is written right after (an 8 MB task
// frame would otherwise be cleared before being filled).
template <typename T>
struct DefaultInitAllocator : std::allocator<T> {
    template <typename U>
    struct rebind {
        using other = DefaultInitAllocator<U>;
    };
    using std::allocator<T>::allocator;
    template <typename U>
    void construct(U* p) noexcept {
        ::new (static_cast<void*>(p)) U;
    }
    template <typename U, typename... Args>
    void construct(U* p, Args&&... args) {
        ::new (static_cast<void*>(p)) U(std::forward<Args>(args)...);
    }
};

using Bytes = std::vector<std::byte, DefaultInitAllocator<std::byte>>;

// 64-bit checksum of a frame's type, length and payload (four-lane multiply-xor; fast enough
// that an 8 MB payload costs well under a millisecond).
uint64_t frame_checksum(FrameType type, std::span<const std::byte> payload);

// The same checksum over a payload that arrives in pieces, so a reader can check each piece
// right after reading it, while it is still in the cache, instead of passing over the whole
// payload again once it is in: finish() equals frame_checksum(type, payload) however the
// payload was cut, once exactly `length` bytes went through update().
class FrameChecksum {
  public:
    FrameChecksum(FrameType type, uint64_t length);
    void update(std::span<const std::byte> piece);
    uint64_t finish() const;
    uint64_t fed() const { return fed_; }

  private:
    uint64_t lane_[4];
    std::byte carry_[32];  // the start of a 32-byte block cut between two pieces
    std::size_t carried_ = 0;
    uint64_t fed_ = 0;
};

struct FrameHeader {
    FrameType type{};
    uint64_t length = 0;
    uint64_t checksum = 0;
};

// Checks a raw header (kFrameHeaderSize bytes): magic, version, type, length ≤ max_payload.
// Returns the reason when it is not acceptable.
std::optional<std::string> parse_frame_header(std::span<const std::byte> raw, uint64_t max_payload,
                                              FrameHeader& out);

// Appends a frame header placeholder; returns its offset. Write the payload after it, then
// call end_frame() to fill in length and checksum. Avoids copying large payloads.
std::size_t begin_frame(Bytes& out, FrameType type);
void end_frame(Bytes& out, std::size_t header_offset);

// end_frame for a frame whose payload is what follows its header in `out`, then `tail`: the
// caller sends `tail` right after out's bytes (writev) instead of copying it into the frame.
void end_frame_with(Bytes& out, std::size_t header_offset, std::span<const std::byte> tail);

void append_frame(Bytes& out, FrameType type, std::span<const std::byte> payload);

// A decoded frame. The payload is a view into the decoder's buffer, valid until the next
// write_space()/feed() call: consumers decode it in place instead of copying large payloads.
struct Frame {
    FrameType type{};
    std::span<const std::byte> payload;
};

class FrameDecoder {
  public:
    explicit FrameDecoder(uint64_t max_payload) : max_payload_(max_payload) {}

    // Space to read into (at least min_bytes, more when a large frame is pending), then
    // commit() what was actually read.
    std::span<std::byte> write_space(std::size_t min_bytes = 65536);
    void commit(std::size_t n);
    void feed(std::span<const std::byte> data);  // copy-in convenience

    enum class Status { NeedMore, Ready, Error };
    // Extracts the next whole frame, if any. After Error, the decoder stays failed.
    Status next(Frame& out);
    const std::string& error() const { return error_; }
    // Bytes held that do not form a whole frame yet (a truncated frame at EOF is an error).
    std::size_t pending() const { return end_ - begin_; }

    // Payloads at least this large are checked as they arrive (commit), a piece at a time.
    static constexpr uint64_t kCheckAsReadBytes = 64 * 1024;

  private:
    Status fail(std::string why);
    void check_arrived();

    uint64_t max_payload_;
    Bytes buf_;
    std::size_t begin_ = 0;
    std::size_t end_ = 0;
    std::string error_;
    // The running checksum of the large frame at begin_ (its payload bytes fed so far).
    std::optional<FrameChecksum> running_;
};

// Little-endian field helpers for payloads.
void put_u32(Bytes& out, uint32_t v);
void put_u64(Bytes& out, uint64_t v);
inline void put_i64(Bytes& out, int64_t v) {
    put_u64(out, static_cast<uint64_t>(v));
}
void put_bytes(Bytes& out, std::span<const std::byte> data);

// Reads fields in order; any read past the end sets failed() instead of throwing.
class PayloadReader {
  public:
    explicit PayloadReader(std::span<const std::byte> data) : data_(data) {}
    uint32_t u32();
    uint64_t u64();
    int64_t i64() { return static_cast<int64_t>(u64()); }
    std::span<const std::byte> bytes(uint64_t n);
    bool failed() const { return failed_; }
    std::size_t remaining() const { return data_.size() - pos_; }

  private:
    std::span<const std::byte> data_;
    std::size_t pos_ = 0;
    bool failed_ = false;
};

}  // namespace poolscope
