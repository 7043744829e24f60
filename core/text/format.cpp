#include "core/text/format.h"

#include <cmath>
#include <cstdio>

namespace poolscope {

std::string fmt_fixed(double x, int decimals) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, x);
    return buf;
}

std::string fmt_duration(double s) {
    const double a = std::fabs(s);
    char buf[64];
    if (a == 0) return "0 s";
    if (a < 1e-6)
        std::snprintf(buf, sizeof buf, "%.0f ns", s * 1e9);
    else if (a < 1e-3)
        std::snprintf(buf, sizeof buf, "%.3g µs", s * 1e6);
    else if (a < 1)
        std::snprintf(buf, sizeof buf, "%.3g ms", s * 1e3);
    else
        std::snprintf(buf, sizeof buf, "%.3g s", s);
    return buf;
}

std::string fmt_bytes(uint64_t b) {
    char buf[64];
    const double d = static_cast<double>(b);
    if (b < 1024)
        std::snprintf(buf, sizeof buf, "%llu B", static_cast<unsigned long long>(b));
    else if (b < (1u << 20))
        std::snprintf(buf, sizeof buf, "%.1f KiB", d / 1024);
    else if (b < (1ull << 30))
        std::snprintf(buf, sizeof buf, "%.1f MiB", d / (1024 * 1024));
    else
        std::snprintf(buf, sizeof buf, "%.2f GiB", d / (1024.0 * 1024 * 1024));
    return buf;
}

std::string fmt_ratio(double x) {
    char buf[64];
    const char* f = x >= 100 ? "%.0fx" : x >= 10 ? "%.1fx" : x >= 0.1 ? "%.2fx" : "%.3gx";
    std::snprintf(buf, sizeof buf, f, x);
    return buf;
}

}  // namespace poolscope
