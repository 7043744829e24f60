// One clock for every process on the machine: CLOCK_MONOTONIC, in nanoseconds.
#pragma once

#include <cstdint>
#include <ctime>

namespace poolscope {

inline int64_t monotonic_ns() {
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return int64_t{ts.tv_sec} * 1'000'000'000 + ts.tv_nsec;
}

inline double ns_to_s(int64_t ns) {
    return static_cast<double>(ns) * 1e-9;
}

}  // namespace poolscope
