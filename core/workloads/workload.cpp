#include "core/workloads/workload.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <cstring>

namespace poolscope {

namespace {

inline uint64_t mix64(uint64_t x) {  // splitmix64 finalizer
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    x ^= x >> 31;
    return x;
}

std::string fmt_double(double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
}

}  // namespace

uint64_t item_hash(uint64_t index, std::span<const std::byte> output) {
    if (output.size() <= 16) {  // the common tiny result: two words, no lanes
        uint64_t w[2] = {0, 0};
        std::memcpy(w, output.data(), output.size());
        const uint64_t h = mix64(index + 0x9e3779b97f4a7c15ULL) ^ w[0] ^ (output.size() << 56);
        return mix64(mix64(h) ^ w[1]);
    }
    // Four independent lanes so the multiplies overlap (large outputs hash at memory speed);
    // the index and the length seed them, then everything is mixed into one word. The lanes are
    // four named words, not an array: an array indexed in an inner loop was kept in memory, and
    // each multiply then waited on a store and a reload (half the speed, same values).
    constexpr uint64_t kMul = 0x9fb21c651e98df25ULL;
    uint64_t l0 = mix64(index + 0x9e3779b97f4a7c15ULL), l1 = 0x632be59bd9b4e019ULL ^ output.size();
    uint64_t l2 = 0x85ebca6b2f1d3c47ULL, l3 = 0xc2b2ae3d27d4eb4fULL;
    const std::byte* p = output.data();
    std::size_t n = output.size();
    for (; n >= 32; n -= 32, p += 32) {
        uint64_t w[4];
        std::memcpy(w, p, 32);
        l0 = (l0 ^ w[0]) * kMul;
        l1 = (l1 ^ w[1]) * kMul;
        l2 = (l2 ^ w[2]) * kMul;
        l3 = (l3 ^ w[3]) * kMul;
    }
    uint64_t tail[4] = {0, 0, 0, 0};
    std::memcpy(tail, p, n);
    l0 = mix64((l0 ^ tail[0]) * kMul);
    l1 = mix64((l1 ^ tail[1]) * kMul);
    l2 = mix64((l2 ^ tail[2]) * kMul);
    l3 = mix64((l3 ^ tail[3]) * kMul);
    return mix64(l0 ^ mix64(l1 ^ mix64(l2 ^ l3)));
}

std::optional<std::string> param_u64(const ParamMap& params, const std::string& key, uint64_t lo,
                                     uint64_t hi, uint64_t& out) {
    const auto it = params.find(key);
    if (it == params.end()) return "parameter " + key + " is required";
    const std::string& s = it->second;
    const auto range = std::to_string(lo) + " … " + std::to_string(hi);
    if (s.empty() || s.find_first_not_of("0123456789") != std::string::npos)
        return "parameter " + key + " must be a whole number in " + range + "; got '" + s + "'";
    errno = 0;
    const unsigned long long v = std::strtoull(s.c_str(), nullptr, 10);
    if (errno == ERANGE || v < lo || v > hi)
        return "parameter " + key + " must be in " + range + "; got " + s;
    out = v;
    return std::nullopt;
}

std::optional<std::string> param_double(const ParamMap& params, const std::string& key, double lo,
                                        double hi, double& out) {
    const auto it = params.find(key);
    if (it == params.end()) return "parameter " + key + " is required";
    const std::string& s = it->second;
    char* end = nullptr;
    errno = 0;
    const double v = std::strtod(s.c_str(), &end);
    const auto range = fmt_double(lo) + " … " + fmt_double(hi);
    if (s.empty() || *end != '\0' || errno == ERANGE || !std::isfinite(v))
        return "parameter " + key + " must be a number in " + range + "; got '" + s + "'";
    if (v < lo || v > hi) return "parameter " + key + " must be in " + range + "; got " + s;
    out = v;
    return std::nullopt;
}

std::optional<std::string> check_known_params(const WorkloadInfo& info, const ParamMap& params) {
    for (const auto& [key, value] : params) {
        bool known = false;
        for (const auto& p : info.params) known = known || p.key == key;
        if (!known) {
            std::string names;
            for (const auto& p : info.params) names += (names.empty() ? "" : ", ") + p.key;
            return "workload " + info.name + " has no parameter '" + key + "'" +
                   (names.empty() ? " (it takes none)" : " (known: " + names + ")");
        }
    }
    return std::nullopt;
}

}  // namespace poolscope
