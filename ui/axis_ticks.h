// Tick marks a reader can read at any size: a value axis from zero gets as many ticks as its
// labels fit side by side in the plot, the count whose step is roundest (0, 350, 700, 1050
// rather than 0, 262.5, …), and as many decimals as the step needs. On a projector's large
// fonts at 1366×768 the default five ticks were elided to "…". (Dynamic ticks at round
// intervals would need no such choice, but in Qt 6.4 they kept a live chart relayouting.)
#pragma once

class QChart;
class QFont;
class QValueAxis;

namespace poolscope::ui {

struct AxisTicks {
    int count = 0;  // ticks, both ends included; 0: no range
    double step = 0;
    int decimals = 0;  // of the labels
};

// The ticks for an axis from 0 to max, given how many labels fit (at least 1).
AxisTicks roundTicks(double max, int fit);
// How many labels of this font fit along `pixels` (horizontal: the widest label's width and a
// gap apart; vertical: two line heights apart).
int labelsThatFit(double pixels, const QFont& font, double max, bool horizontal);

// Keeps the axis' ticks round and readable whenever its range or the chart's plot area changes.
void keepTicksReadable(QChart* chart, QValueAxis* axis);

}  // namespace poolscope::ui
