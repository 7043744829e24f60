// Splitmix64 (Steele, Lea and Flood, 2014): a tiny, well-mixed generator. Workloads draw their
// synthetic content and seeded choices from it rather than from a library's RNG, so the same
// parameters give the same bytes in every process, on every machine and with every library
// version, and serial and parallel checksums can be compared.
#pragma once

#include <cstdint>

namespace poolscope {

// Advances `state` and returns the next 64-bit value.
inline uint64_t splitmix64(uint64_t& state) {
    uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

}  // namespace poolscope
