#include "core/workloads/sleep_workload.h"

#include <time.h>

#include <cerrno>
#include <cmath>
#include <cstring>

#include "core/workloads/double_text.h"

namespace poolscope {

const WorkloadInfo& SleepWorkload::info() const {
    static const WorkloadInfo kInfo{
        "sleep",
        "wait ms milliseconds per item without using the CPU (I/O-bound stand-in)",
        {{"ms", "10", "0 … 60000", "milliseconds each item sleeps (fractions allowed)", true}}};
    return kInfo;
}

std::optional<std::string> SleepWorkload::configure(const ParamMap& params, uint64_t) {
    if (auto e = check_known_params(info(), params)) return e;
    return param_double(params, "ms", 0, 60'000, ms_);
}

ParamMap SleepWorkload::resolved_params() const {
    return {{"ms", double_text(ms_)}};
}

void SleepWorkload::read_input(uint64_t index, std::span<std::byte> dst) const {
    std::memcpy(dst.data(), &index, 8);
}

std::optional<std::string> SleepWorkload::run_item(uint64_t, std::span<const std::byte> in,
                                                   std::span<std::byte> out) {
    const long long ns = std::llround(ms_ * 1e6);
    timespec req{static_cast<time_t>(ns / 1'000'000'000), static_cast<long>(ns % 1'000'000'000)};
    timespec rem{};
    // A signal (the sampler's timer, a stop request) interrupts nanosleep; sleep on for what is
    // left so that an item always takes its full time.
    while (nanosleep(&req, &rem) != 0) {
        if (errno != EINTR) return std::string("nanosleep failed: ") + std::strerror(errno);
        req = rem;
    }
    // The result is the item's own value, as an I/O call returns the data it fetched.
    std::memcpy(out.data(), in.data(), 8);
    return std::nullopt;
}

}  // namespace poolscope
