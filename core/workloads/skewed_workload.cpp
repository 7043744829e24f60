#include "core/workloads/skewed_workload.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

#include "core/workloads/cpu_workload.h"
#include "core/workloads/double_text.h"
#include "core/workloads/splitmix.h"

namespace poolscope {

const WorkloadInfo& SkewedWorkload::info() const {
    static const WorkloadInfo kInfo{
        "skewed",
        "cpu loop with costs rising along the index and a seeded heavy tail (load imbalance)",
        {{"seed", "1", "0 … 2^64-1", "seed that picks the heavy items"},
         {"base_iterations", "2000", "1 … 1000000000", "loop length of the first item"},
         {"tail", "0.02", "0 … 1", "probability that an item is heavy", true},
         {"tail_factor", "20", "1 … 1000", "how many times longer a heavy item runs", true}}};
    return kInfo;
}

std::optional<std::string> SkewedWorkload::configure(const ParamMap& params, uint64_t size) {
    if (auto e = check_known_params(info(), params)) return e;
    if (auto e = param_u64(params, "seed", 0, std::numeric_limits<uint64_t>::max(), seed_))
        return e;
    if (auto e = param_u64(params, "base_iterations", 1, 1'000'000'000, base_iterations_)) return e;
    if (auto e = param_double(params, "tail", 0, 1, tail_)) return e;
    if (auto e = param_double(params, "tail_factor", 1, 1000, tail_factor_)) return e;
    size_ = std::max<uint64_t>(size, 1);
    return std::nullopt;
}

ParamMap SkewedWorkload::resolved_params() const {
    return {{"seed", std::to_string(seed_)},
            {"base_iterations", std::to_string(base_iterations_)},
            {"tail", double_text(tail_)},
            {"tail_factor", double_text(tail_factor_)}};
}

bool SkewedWorkload::is_heavy(uint64_t index) const {
    uint64_t state = seed_;
    uint64_t key = splitmix64(state) ^ index;
    // The top 53 bits as a uniform double in [0, 1): tail = 1 makes every item heavy.
    const double u = static_cast<double>(splitmix64(key) >> 11) * 0x1.0p-53;
    return u < tail_;
}

uint64_t SkewedWorkload::iterations_for(uint64_t index) const {
    const double rise = 1.0 + 3.0 * static_cast<double>(index) / static_cast<double>(size_);
    const double factor = is_heavy(index) ? tail_factor_ : 1.0;
    // At most 10^9 * 4 * 1000 iterations, well inside 64 bits.
    const double cost = static_cast<double>(base_iterations_) * rise * factor;
    return std::max<uint64_t>(1, static_cast<uint64_t>(std::llround(cost)));
}

void SkewedWorkload::read_input(uint64_t index, std::span<std::byte> dst) const {
    const uint64_t words[2] = {index, iterations_for(index)};
    std::memcpy(dst.data(), words, 16);
}

std::optional<std::string> SkewedWorkload::run_item(uint64_t, std::span<const std::byte> in,
                                                    std::span<std::byte> out) {
    uint64_t words[2];
    std::memcpy(words, in.data(), 16);
    const uint64_t v = CpuWorkload::sum_of_squares(words[0], words[1]);
    std::memcpy(out.data(), &v, 8);
    return std::nullopt;
}

}  // namespace poolscope
