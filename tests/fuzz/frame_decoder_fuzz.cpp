// Fuzz target for the worker protocol: FrameDecoder, parse_frame_header and the payload readers
// of messages.h. The first kSettingsBytes of an input choose the frame limit, the feeding API
// and the item sizes; the rest is the byte stream a worker (or the engine) would send. Beyond
// "never crash", it checks that the stream decodes the same whether it arrives in pieces or at
// once, and that whatever decodes re-encodes to the very bytes it came from.
#include <algorithm>
#include <array>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

#include "core/engine/host_sample.h"
#include "core/protocol/frame.h"
#include "core/protocol/messages.h"
#include "core/protocol/mpi_messages.h"
#include "fuzz/fuzz_target.h"

namespace poolscope::fuzz {
namespace {

// Byte 0: bits 0-1 frame limit, bit 2 write_space()+commit() instead of feed(), bits 3-4 input
// bytes per item, bits 5-6 output bytes per item. Bytes 1-3: piece sizes, cycled (value + 1).
constexpr std::size_t kSettingsBytes = 4;
constexpr std::array<uint64_t, 4> kLimits = {0, 64, 4096, 1 << 20};
constexpr std::array<uint64_t, 4> kItemBytes = {0, 8, 16, 24};

struct Settings {
    uint64_t max_payload = 0;
    bool use_write_space = false;
    uint64_t input_bytes = 0;
    uint64_t output_bytes = 0;
    std::array<std::size_t, 3> pieces{};
};

Settings settings_of(std::span<const uint8_t, kSettingsBytes> raw) {
    Settings s;
    s.max_payload = kLimits[raw[0] & 3];
    s.use_write_space = (raw[0] >> 2) & 1;
    s.input_bytes = kItemBytes[(raw[0] >> 3) & 3];
    s.output_bytes = kItemBytes[(raw[0] >> 5) & 3];
    for (std::size_t i = 0; i < s.pieces.size(); ++i) s.pieces[i] = std::size_t{raw[i + 1]} + 1;
    return s;
}

bool same_bytes(std::span<const std::byte> a, std::span<const std::byte> b) {
    return std::ranges::equal(a, b);
}

// The payload of a frame that append_* wrote alone into `frame`.
std::span<const std::byte> payload_of(const Bytes& frame) {
    return std::span(frame).subspan(kFrameHeaderSize);
}

// What a frame's payload means, read as the engine and the workers read it. True when the
// payload is well-formed; then re-encoding it must give back the same bytes.
bool decode_payload(const Frame& f, const Settings& s) {
    switch (f.type) {
        case FrameType::Ready: {
            const auto m = read_ready(f.payload);
            if (!m) return false;
            Bytes again;
            append_ready(again, *m);
            // The reader takes the fields in order (and ignores what follows them).
            const auto fields = payload_of(again);
            require(fields.size() <= f.payload.size() &&
                        same_bytes(fields, f.payload.first(fields.size())),
                    "ready round trip");
            return fields.size() == f.payload.size();
        }
        case FrameType::Ranks:  // the MPI dispatcher's: read without a crash, or refused
            return read_ranks(f.payload).has_value();
        case FrameType::HostSample:
            return read_host_sample(f.payload).has_value();
        case FrameType::Published:  // a wake-up: the results wait in the worker's ring
            return f.payload.empty();
        case FrameType::Started: {
            const auto m = read_started(f.payload);
            if (!m) return false;
            Bytes again;
            append_started(again, *m);
            require(same_bytes(payload_of(again), f.payload), "started round trip");
            return true;
        }
        case FrameType::Fatal: {
            const std::string message = read_fatal(f.payload);
            if (f.payload.size() < 4 || message.size() + 4 != f.payload.size()) return false;
            Bytes again;
            append_fatal(again, message);
            return same_bytes(payload_of(again), f.payload);  // false past the 64 KiB cut
        }
        case FrameType::Task: {
            PayloadReader r(f.payload);
            const auto h = read_task_header(r);
            if (!h) return false;
            require(h->inline_inputs <= 1, "task header flag out of range");
            const auto inputs =
                h->inline_inputs ? r.bytes(h->count * s.input_bytes) : std::span<const std::byte>{};
            if (r.failed() || r.remaining() != 0) return false;
            Bytes again;
            put_task_header(again, *h);
            put_bytes(again, inputs);
            require(same_bytes(again, f.payload), "task round trip");
            return true;
        }
        case FrameType::Result: {
            // The serial child's form: fixed part, checksum and count, failures.
            PayloadReader serial(f.payload);
            if (auto h = read_result_fixed(serial)) {
                (void)serial.u64(), (void)serial.u64();
                if (!serial.failed() && read_result_failures(serial, *h))
                    require(h->failures.size() <= h->count, "more failures than items");
            }
            // A pool worker's form: fixed part, outputs, failures.
            PayloadReader r(f.payload);
            auto h = read_result_fixed(r);
            if (!h) return false;
            // A result too large for a frame leaves its outputs out and fails every item.
            const auto outputs = h->outputs_omitted ? std::span<const std::byte>{}
                                                    : r.bytes(h->count * s.output_bytes);
            if (r.failed() || !read_result_failures(r, *h)) return false;
            if (h->outputs_omitted && h->failures.size() != 1) return false;
            require(h->failures.size() <= h->count && r.remaining() == 0,
                    "accepted result with excess failures or trailing bytes");
            Bytes again;
            put_result_fixed(again, *h);
            put_bytes(again, outputs);
            put_result_failures(again, h->failures);
            require(same_bytes(again, f.payload), "result round trip");
            return true;
        }
    }
    require(false, "decoder yielded a frame of unknown type");
    return false;
}

struct Outcome {
    std::vector<FrameType> types;
    std::vector<Bytes> payloads;
    FrameDecoder::Status last = FrameDecoder::Status::NeedMore;
    std::string error;
    std::size_t pending = 0;
    bool payloads_ok = true;

    bool operator==(const Outcome&) const = default;
};

// Takes every whole frame the decoder holds now.
void drain(FrameDecoder& d, const Settings& s, Outcome& out) {
    Frame f;
    while ((out.last = d.next(f)) == FrameDecoder::Status::Ready) {
        out.types.push_back(f.type);
        out.payloads.emplace_back(f.payload.begin(), f.payload.end());
        out.payloads_ok = decode_payload(f, s) && out.payloads_ok;
    }
    if (out.last == FrameDecoder::Status::Error) {
        out.error = d.error();
        require(!out.error.empty(), "a decode error without a reason");
        require(d.next(f) == FrameDecoder::Status::Error, "a failed decoder recovered");
    }
    out.pending = d.pending();
}

// The stream as a non-blocking pipe delivers it: in pieces, decoding after each one.
Outcome decode_in_pieces(std::span<const std::byte> stream, const Settings& s) {
    FrameDecoder d(s.max_payload);
    Outcome out;
    std::size_t at = 0;
    for (std::size_t i = 0; at < stream.size(); ++i) {
        const std::size_t n = std::min(s.pieces[i % s.pieces.size()], stream.size() - at);
        if (s.use_write_space) {
            const auto space = d.write_space(n);
            require(space.size() >= n, "write_space gave less room than asked");
            std::memcpy(space.data(), stream.data() + at, n);
            d.commit(n);
        } else {
            d.feed(stream.subspan(at, n));
        }
        at += n;
        drain(d, s, out);
    }
    drain(d, s, out);
    return out;
}

Outcome decode_at_once(std::span<const std::byte> stream, const Settings& s) {
    FrameDecoder d(s.max_payload);
    d.feed(stream);
    Outcome out;
    drain(d, s, out);
    // Each frame sits in the stream exactly as append_frame writes it.
    std::size_t at = 0;
    for (std::size_t i = 0; i < out.types.size(); ++i) {
        Bytes again;
        append_frame(again, out.types[i], out.payloads[i]);
        require(at + again.size() <= stream.size() &&
                    same_bytes(again, stream.subspan(at, again.size())),
                "a decoded frame does not re-encode to its bytes");
        at += again.size();
    }
    if (out.last == FrameDecoder::Status::NeedMore)
        require(out.pending == stream.size() - at, "pending() miscounts the held bytes");
    return out;
}

// The header check alone must agree with the decoder about the first frame.
void check_first_header(std::span<const std::byte> stream, const Settings& s, const Outcome& o) {
    if (stream.size() < kFrameHeaderSize) return;
    FrameHeader h;
    const auto why = parse_frame_header(stream.first(kFrameHeaderSize), s.max_payload, h);
    if (why) {
        require(o.types.empty() && o.last == FrameDecoder::Status::Error && o.error == *why,
                "parse_frame_header refused a header the decoder took");
    } else if (!o.types.empty()) {
        require(o.types[0] == h.type && o.payloads[0].size() == h.length,
                "parse_frame_header and the decoder disagree on the first frame");
    }
}

std::optional<Outcome> run(std::span<const uint8_t> input) {
    if (input.size() < kSettingsBytes) return std::nullopt;
    const Settings s = settings_of(input.first<kSettingsBytes>());
    const auto stream = std::as_bytes(input.subspan(kSettingsBytes));
    const Outcome whole = decode_at_once(stream, s);
    const Outcome pieces = decode_in_pieces(stream, s);
    require(whole == pieces, "decoding in pieces differs from decoding at once");
    check_first_header(stream, s, whole);
    return whole;
}

}  // namespace

bool accepts(std::span<const uint8_t> input) {
    const auto o = run(input);
    return o && !o->types.empty() && o->last == FrameDecoder::Status::NeedMore && o->pending == 0 &&
           o->payloads_ok;
}

}  // namespace poolscope::fuzz

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
    (void)poolscope::fuzz::run({data, size});
    return 0;
}
