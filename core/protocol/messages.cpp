#include "core/protocol/messages.h"

#include <algorithm>

namespace poolscope {

namespace {
constexpr uint32_t kMaxMessage = 1 << 16;  // an item's error message is cut to 64 KiB
}

void append_ready(Bytes& out, const ReadyMessage& m) {
    const auto at = begin_frame(out, FrameType::Ready);
    put_i64(out, m.pid);
    put_i64(out, m.ready_ns);
    put_i64(out, m.index);
    end_frame(out, at);
}

void append_fatal(Bytes& out, const std::string& message) {
    const auto at = begin_frame(out, FrameType::Fatal);
    const auto n = std::min<std::size_t>(message.size(), kMaxMessage);
    put_u32(out, static_cast<uint32_t>(n));
    put_bytes(out, std::as_bytes(std::span(message.data(), n)));
    end_frame(out, at);
}

void put_task_header(Bytes& out, const TaskHeader& h) {
    put_u64(out, h.chunk_id);
    put_u64(out, h.first);
    put_u64(out, h.count);
    put_i64(out, h.dispatch_ns);
    put_u32(out, h.inline_inputs);
}

std::optional<TaskHeader> read_task_header(PayloadReader& r) {
    TaskHeader h;
    h.chunk_id = r.u64();
    h.first = r.u64();
    h.count = r.u64();
    h.dispatch_ns = r.i64();
    h.inline_inputs = r.u32();
    if (r.failed() || h.inline_inputs > 1) return std::nullopt;
    return h;
}

void put_result_fixed(Bytes& out, const ResultHeader& h) {
    put_u64(out, h.chunk_id);
    put_u64(out, h.first);
    put_u64(out, h.count);
    put_i64(out, h.recv_start_ns);
    put_i64(out, h.recv_end_ns);
    put_i64(out, h.compute_start_ns);
    put_i64(out, h.compute_end_ns);
    put_i64(out, h.ser_end_ns);
    put_i64(out, h.worker);
    put_u64(out, h.outputs_omitted);
}

void put_result_failures(Bytes& out, const std::vector<ItemFailure>& failures) {
    put_u32(out, static_cast<uint32_t>(failures.size()));
    for (const auto& f : failures) {
        put_u64(out, f.item);
        const auto n = std::min<std::size_t>(f.message.size(), kMaxMessage);
        put_u32(out, static_cast<uint32_t>(n));
        put_bytes(out, std::as_bytes(std::span(f.message.data(), n)));
    }
}

std::optional<ResultHeader> read_result_fixed(PayloadReader& r) {
    ResultHeader h;
    h.chunk_id = r.u64();
    h.first = r.u64();
    h.count = r.u64();
    h.recv_start_ns = r.i64();
    h.recv_end_ns = r.i64();
    h.compute_start_ns = r.i64();
    h.compute_end_ns = r.i64();
    h.ser_end_ns = r.i64();
    h.worker = r.i64();
    h.outputs_omitted = r.u64();
    if (r.failed() || h.outputs_omitted > 1) return std::nullopt;
    return h;
}

bool read_result_failures(PayloadReader& r, ResultHeader& h) {
    const uint32_t nfail = r.u32();
    if (r.failed() || nfail > h.count) return false;
    for (uint32_t i = 0; i < nfail; ++i) {
        ItemFailure f;
        f.item = r.u64();
        const uint32_t len = r.u32();
        if (r.failed() || len > kMaxMessage) return false;
        const auto msg = r.bytes(len);
        if (r.failed()) return false;
        f.message.assign(reinterpret_cast<const char*>(msg.data()), msg.size());
        h.failures.push_back(std::move(f));
    }
    return r.remaining() == 0;
}

void append_started(Bytes& out, const StartedMessage& m) {
    const auto at = begin_frame(out, FrameType::Started);
    put_i64(out, m.worker);
    put_u64(out, m.chunk_id);
    put_i64(out, m.t_ns);
    end_frame(out, at);
}

std::optional<StartedMessage> read_started(std::span<const std::byte> payload) {
    PayloadReader r(payload);
    StartedMessage m;
    m.worker = r.i64();
    m.chunk_id = r.u64();
    m.t_ns = r.i64();
    if (r.failed() || r.remaining() != 0) return std::nullopt;
    return m;
}

std::optional<ReadyMessage> read_ready(std::span<const std::byte> payload) {
    PayloadReader r(payload);
    ReadyMessage m;
    m.pid = r.i64();
    m.ready_ns = r.i64();
    m.index = r.i64();
    if (r.failed()) return std::nullopt;
    return m;
}

std::string read_fatal(std::span<const std::byte> payload) {
    PayloadReader r(payload);
    const uint32_t len = r.u32();
    const auto msg = r.bytes(len);
    if (r.failed()) return "(unreadable fatal message)";
    return {reinterpret_cast<const char*>(msg.data()), msg.size()};
}

}  // namespace poolscope
