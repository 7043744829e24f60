#include "ui/axis_units.h"

#include "core/report/format.h"

namespace poolscope::ui {

AxisUnit timeUnit(double maxSeconds) {
    if (maxSeconds >= 2) return {1, QStringLiteral("s")};
    if (maxSeconds >= 2e-3) return {1e-3, QStringLiteral("ms")};
    return {1e-6, QStringLiteral("µs")};
}

AxisUnit byteUnit(double maxBytes) {
    if (maxBytes >= 2.0 * (1 << 30)) return {double(1 << 30), QStringLiteral("GiB")};
    if (maxBytes >= 2.0 * (1 << 20)) return {double(1 << 20), QStringLiteral("MiB")};
    if (maxBytes >= 2.0 * (1 << 10)) return {double(1 << 10), QStringLiteral("KiB")};
    return {1, QStringLiteral("B")};
}

QString formatSeconds(double seconds) {
    return QString::fromStdString(fmt_duration(seconds));
}

QString formatBytes(double bytes) {
    return QString::fromStdString(fmt_bytes(bytes > 0 ? static_cast<uint64_t>(bytes) : 0));
}

}  // namespace poolscope::ui
