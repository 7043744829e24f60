// Units for chart axes: a time or byte range is shown in the unit that keeps its numbers
// readable (0.003 s becomes 3 ms; 5·10⁸ bytes becomes 477 MiB). Values are divided by
// `scale` before they go into a series.
#pragma once

#include <QString>

class QValueAxis;

namespace poolscope::ui {

struct AxisUnit {
    double scale = 1;  // divide raw values by this
    QString name;      // "s", "ms", "µs", "B", "KiB", "MiB", "GiB"
};

AxisUnit timeUnit(double maxSeconds);
AxisUnit byteUnit(double maxBytes);
// The top of an axis that must hold `needed`: kept while the data fits and fills at least a
// third of it, else the next round number above 1.3 × needed. An axis that moves on every
// sample relayouts and repaints its whole chart each time; this one moves a few times a run.
double steadyAxisMax(double currentMax, double needed);
// Sets a value axis' range and title only when they differ (each set relayouts the chart).
void setAxis(QValueAxis* axis, double max, const QString& title);

// "31.8 µs", "2.31 s" (the core's formatting, as a QString).
QString formatSeconds(double seconds);
QString formatBytes(double bytes);

}  // namespace poolscope::ui
