// Number formatting shared by the tables and verdicts: durations with a fitting unit, sizes.
#pragma once

#include <cstdint>
#include <string>

namespace poolscope {

std::string fmt_duration(double seconds);  // "12 ns", "3.4 µs", "1.9 ms", "2.31 s"
std::string fmt_bytes(uint64_t bytes);     // "512 B", "3.2 KiB", "12.0 MiB"
std::string fmt_ratio(double x);           // "3.42x"
std::string fmt_fixed(double x, int decimals);

}  // namespace poolscope
