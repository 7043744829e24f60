#include "ui/axis_ticks.h"

#include <QChart>
#include <QFontMetricsF>
#include <QPointer>
#include <QValueAxis>
#include <QVariant>
#include <algorithm>
#include <cmath>

namespace poolscope::ui {

namespace {

// Significant digits of a step (350 → 2, 262.5 → 4, 0.25 → 2), at most 7.
int significantDigits(double step) {
    double m = step / std::pow(10.0, std::floor(std::log10(step)));
    for (int digits = 1; digits < 7; ++digits) {
        if (std::abs(m - std::round(m)) < 1e-6) return digits;
        m *= 10;
    }
    return 7;
}

}  // namespace

AxisTicks roundTicks(double max, int fit) {
    AxisTicks t;
    if (!(max > 0) || !std::isfinite(max)) return t;
    // Of the tick counts that fit, the one whose step has the fewest significant digits (the
    // roundest labels), the more ticks the better among equals.
    int best_digits = 99;
    for (int count = 2; count <= std::clamp(fit + 1, 2, 11); ++count) {
        const double step = max / (count - 1);
        const int digits = significantDigits(step);
        if (digits <= best_digits) best_digits = digits, t.count = count, t.step = step;
    }
    const int magnitude = static_cast<int>(std::floor(std::log10(t.step)));
    t.decimals = std::clamp(best_digits - 1 - magnitude, 0, 6);
    return t;
}

int labelsThatFit(double pixels, const QFont& font, double max, bool horizontal) {
    const QFontMetricsF fm(font);
    if (!horizontal) return std::max(1, static_cast<int>(pixels / (2.0 * fm.height())));
    // The widest label is about as wide as the top value with a decimal: "1050.0".
    const QString widest = QString::number(max, 'f', max < 10 ? 2 : 1);
    const double each = fm.horizontalAdvance(widest) + 2 * fm.averageCharWidth();
    return std::max(1, static_cast<int>(pixels / each));
}

namespace {

void fit(QChart* chart, QValueAxis* axis) {
    const bool horizontal = axis->orientation() == Qt::Horizontal;
    const QRectF plot = chart->plotArea();
    const double pixels = horizontal ? plot.width() : plot.height();
    if (pixels <= 0 || axis->min() != 0) return;
    const double max = axis->max();
    // The new labels change the plot area a little (the last label's overhang, the other axis'
    // label width), which calls this again: without a margin the two could take turns for ever.
    const QVariant last_max = axis->property("poolscopeFitMax");
    const double last_px = axis->property("poolscopeFitPixels").toDouble();
    if (last_max.isValid() && last_max.toDouble() == max &&
        std::abs(pixels - last_px) < 0.15 * last_px)
        return;
    axis->setProperty("poolscopeFitMax", max);
    axis->setProperty("poolscopeFitPixels", pixels);
    const AxisTicks t = roundTicks(max, labelsThatFit(pixels, axis->labelsFont(), max, horizontal));
    if (t.count < 2) return;
    const QString format = QStringLiteral("%.%1f").arg(t.decimals);
    // Each setter relayouts the chart: only what changed is set.
    if (axis->tickCount() != t.count) axis->setTickCount(t.count);
    if (axis->labelFormat() != format) axis->setLabelFormat(format);
}

}  // namespace

void keepTicksReadable(QChart* chart, QValueAxis* axis) {
    const QPointer<QValueAxis> guarded(axis);
    const auto refit = [chart, guarded] {
        if (guarded) fit(chart, guarded);
    };
    QObject::connect(chart, &QChart::plotAreaChanged, axis, refit);
    QObject::connect(axis, &QValueAxis::rangeChanged, axis, refit);
    QObject::connect(axis, &QValueAxis::labelsFontChanged, axis, refit);
}

}  // namespace poolscope::ui
