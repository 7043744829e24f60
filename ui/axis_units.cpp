#include "ui/axis_units.h"

#include <QValueAxis>
#include <cmath>

#include "core/text/format.h"

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

double steadyAxisMax(double currentMax, double needed) {
    if (needed <= 0) return currentMax > 0 ? currentMax : 1;
    if (needed <= currentMax && needed >= currentMax / 3) return currentMax;
    const double want = needed * 1.3;
    const double decade = std::pow(10.0, std::floor(std::log10(want)));
    for (double step : {1.0, 2.0, 2.5, 5.0, 10.0})
        if (step * decade >= want) return step * decade;
    return 10 * decade;
}

void setAxis(QValueAxis* axis, double max, const QString& title) {
    if (axis->min() != 0 || axis->max() != max) axis->setRange(0, max);
    if (axis->titleText() != title) axis->setTitleText(title);
}

QString formatSeconds(double seconds) {
    return QString::fromStdString(fmt_duration(seconds));
}

QString formatBytes(double bytes) {
    return QString::fromStdString(fmt_bytes(bytes > 0 ? static_cast<uint64_t>(bytes) : 0));
}

}  // namespace poolscope::ui
