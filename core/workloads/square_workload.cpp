#include "core/workloads/square_workload.h"

#include <cstring>

namespace poolscope {

const WorkloadInfo& SquareWorkload::info() const {
    static const WorkloadInfo kInfo{"square", "x*x on each item's 64-bit integer (tiny tasks)", {}};
    return kInfo;
}

std::optional<std::string> SquareWorkload::configure(const ParamMap& params, uint64_t) {
    return check_known_params(info(), params);
}

void SquareWorkload::read_input(uint64_t index, std::span<std::byte> dst) const {
    const int64_t x = static_cast<int64_t>(index);
    std::memcpy(dst.data(), &x, 8);
}

std::optional<std::string> SquareWorkload::run_item(uint64_t, std::span<const std::byte> in,
                                                    std::span<std::byte> out) {
    int64_t x;
    std::memcpy(&x, in.data(), 8);  // the value comes from the input, so nothing folds
    const uint64_t y = static_cast<uint64_t>(x) * static_cast<uint64_t>(x);
    std::memcpy(out.data(), &y, 8);
    return std::nullopt;
}

}  // namespace poolscope
