#include "core/engine/host_sample.h"

#include <algorithm>
#include <bit>
#include <cstring>

namespace poolscope {

namespace {

constexpr uint32_t kMaxEntries = 1 << 16;  // cores or processes of one host
constexpr uint32_t kMaxRole = 64;

void put_f64(Bytes& out, double v) {
    put_u64(out, std::bit_cast<uint64_t>(v));
}
double f64(PayloadReader& r) {
    return std::bit_cast<double>(r.u64());
}

void put_doubles(Bytes& out, const std::vector<double>& v) {
    put_u32(out, static_cast<uint32_t>(v.size()));
    for (double d : v) put_f64(out, d);
}
bool doubles(PayloadReader& r, std::vector<double>& v) {
    const uint32_t n = r.u32();
    if (r.failed() || n > kMaxEntries) return false;
    v.resize(n);
    for (auto& d : v) d = f64(r);
    return !r.failed();
}

void put_process(Bytes& out, const ProcessSample& p) {
    put_i64(out, p.pid);
    put_i64(out, p.worker);
    put_u64(out, p.rss_bytes);
    put_u64(out, p.pss_bytes);
    put_u64(out, p.uss_bytes);
    put_i64(out, p.pss_age_ns);
    put_u64(out, p.cpu_ns);
    put_f64(out, p.cpu_util);
    put_i64(out, p.last_cpu);
    put_u32(out, static_cast<uint32_t>(static_cast<unsigned char>(p.state)) | (p.gone ? 256u : 0u));
    const auto n = std::min<std::size_t>(p.role.size(), kMaxRole);
    put_u32(out, static_cast<uint32_t>(n));
    put_bytes(out, std::as_bytes(std::span(p.role.data(), n)));
}
bool process(PayloadReader& r, ProcessSample& p) {
    p.pid = static_cast<pid_t>(r.i64());
    p.worker = static_cast<int>(r.i64());
    p.rss_bytes = r.u64();
    p.pss_bytes = r.u64();
    p.uss_bytes = r.u64();
    p.pss_age_ns = r.i64();
    p.cpu_ns = r.u64();
    p.cpu_util = f64(r);
    p.last_cpu = static_cast<int>(r.i64());
    const uint32_t flags = r.u32();
    p.state = static_cast<char>(flags & 255u);
    p.gone = (flags & 256u) != 0;
    const uint32_t n = r.u32();
    if (r.failed() || n > kMaxRole) return false;
    const auto role = r.bytes(n);
    if (r.failed()) return false;
    p.role.assign(reinterpret_cast<const char*>(role.data()), role.size());
    return true;
}

}  // namespace

void append_host_sample(Bytes& out, const HostSample& h) {
    const Sample& s = h.sample;
    const auto at = begin_frame(out, FrameType::HostSample);
    put_i64(out, s.t_ns);  // first: shift_host_sample patches it in place
    put_i64(out, h.rank);
    put_doubles(out, s.core_util);
    put_doubles(out, s.core_steal);
    put_f64(out, s.machine_util);
    put_u64(out, s.rss_sum_bytes);
    put_u64(out, s.pss_sum_bytes);
    put_u64(out, s.uss_sum_bytes);
    put_u32(out, static_cast<uint32_t>(s.processes.size()));
    for (const auto& p : s.processes) put_process(out, p);
    end_frame(out, at);
}

std::optional<HostSample> read_host_sample(std::span<const std::byte> payload) {
    PayloadReader r(payload);
    HostSample h;
    Sample& s = h.sample;
    s.t_ns = r.i64();
    h.rank = r.i64();
    if (!doubles(r, s.core_util) || !doubles(r, s.core_steal)) return std::nullopt;
    s.machine_util = f64(r);
    s.rss_sum_bytes = r.u64();
    s.pss_sum_bytes = r.u64();
    s.uss_sum_bytes = r.u64();
    const uint32_t n = r.u32();
    if (r.failed() || n > kMaxEntries) return std::nullopt;
    s.processes.resize(n);
    for (auto& p : s.processes)
        if (!process(r, p)) return std::nullopt;
    if (r.remaining() != 0) return std::nullopt;
    return h;
}

void shift_host_sample(Bytes& frame, int64_t offset_ns) {
    if (offset_ns == 0 || frame.size() < kFrameHeaderSize + 8) return;
    int64_t t = 0;
    std::memcpy(&t, frame.data() + kFrameHeaderSize, 8);
    t -= offset_ns;
    std::memcpy(frame.data() + kFrameHeaderSize, &t, 8);
    end_frame(frame, 0);
}

}  // namespace poolscope
