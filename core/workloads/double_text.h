// A double as text that parses back to exactly the same value. Resolved parameters travel as
// text to spawned workers and into saved results, and must rebuild the very same workload.
#pragma once

#include <cstdio>
#include <string>

namespace poolscope {

inline std::string double_text(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.17g", v);  // 17 significant digits round-trip any double
    return buf;
}

}  // namespace poolscope
