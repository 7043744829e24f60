// Units for chart axes: a time or byte range is shown in the unit that keeps its numbers
// readable (0.003 s becomes 3 ms; 5·10⁸ bytes becomes 477 MiB). Values are divided by
// `scale` before they go into a series.
#pragma once

#include <QString>

namespace poolscope::ui {

struct AxisUnit {
    double scale = 1;  // divide raw values by this
    QString name;      // "s", "ms", "µs", "B", "KiB", "MiB", "GiB"
};

AxisUnit timeUnit(double maxSeconds);
AxisUnit byteUnit(double maxBytes);
// "31.8 µs", "2.31 s" (the core's formatting, as a QString).
QString formatSeconds(double seconds);
QString formatBytes(double bytes);

}  // namespace poolscope::ui
