// ChunkTimelineView's time axis (drawn once under all rows, with grid lines through them) and
// the marks that make a straggler obvious: the run's last result as a dashed line and the chunk
// it waited for outlined.
#include <QPainter>
#include <algorithm>
#include <cmath>

#include "ui/axis_units.h"
#include "ui/chunk_timeline_view.h"

namespace poolscope::ui {
namespace {

struct Ticks {
    std::vector<double> t;
    AxisUnit unit;
    int decimals = 0;
};

// Round steps (1, 2, 5 × 10^k) at least `min_px` apart, labelled in the unit of the window's
// magnitude with as many decimals as the step needs (1234.05 ms when zoomed far in).
Ticks ticksFor(double t0, double t1, int width, int min_px) {
    Ticks ticks;
    const double raw = (t1 - t0) * min_px / std::max(width, 1);
    const double mag = std::pow(10.0, std::floor(std::log10(raw)));
    double step = 10 * mag;
    for (double m : {1.0, 2.0, 5.0})
        if (m * mag >= raw * (1 - 1e-9)) {
            step = m * mag;
            break;
        }
    ticks.unit = timeUnit(std::max(std::abs(t0), std::abs(t1)));
    ticks.decimals =
        std::max(0, static_cast<int>(std::ceil(-std::log10(step / ticks.unit.scale) - 1e-9)));
    for (double t = std::ceil(t0 / step) * step; t <= t1 + step * 1e-9; t += step)
        ticks.t.push_back(std::abs(t) < step * 1e-9 ? 0.0 : t);
    return ticks;
}

}  // namespace

void ChunkTimelineView::paintAxis(QPainter& p) const {
    const QRect plot = plotRect();
    const QFontMetrics fm(style_.font());
    const auto [t0, t1] = visibleRange();
    const QColor text = palette().color(QPalette::WindowText);
    QColor grid = text;
    grid.setAlpha(style_.dark ? 45 : 30);
    QColor frame = text;
    frame.setAlpha(110);
    const Ticks ticks =
        ticksFor(t0, t1, plot.width(), fm.horizontalAdvance(QStringLiteral("0000.00 ms")) + 16);
    const int base_y = plot.top() + plot.height();
    int free_from = plot.left() - 1000;  // labels never overlap
    for (double t : ticks.t) {
        const double x = xOf(t);
        p.setPen(grid);
        p.drawLine(QPointF(x, plot.top()), QPointF(x, base_y));
        p.setPen(frame);
        p.drawLine(QPointF(x, base_y), QPointF(x, base_y + 4));
        const QString label = QStringLiteral("%1 %2")
                                  .arg(t / ticks.unit.scale, 0, 'f', ticks.decimals)
                                  .arg(ticks.unit.name);
        const int w = fm.horizontalAdvance(label);
        const int left = static_cast<int>(x) - w / 2;
        if (left < free_from || left + w > width() - 2) continue;
        p.setPen(text);
        p.drawText(QRect(left, base_y + 5, w, fm.height()), Qt::AlignCenter, label);
        free_from = left + w + 8;
    }
    p.setPen(frame);
    p.drawLine(plot.left(), base_y, plot.left() + plot.width(), base_y);
    p.drawLine(plot.left(), plot.top(), plot.left(), base_y);
}

void ChunkTimelineView::paintStraggler(QPainter& p) const {
    const RunTrace* run = model_.run();
    const int64_t last = model_.lastChunk();
    // Past the detail cap the last detailed chunk is not the run's last: no mark then.
    if (!run || !run->finished() || run->aggregated || last < 0 || rowCount() < 2) return;
    const ChunkRecord& c = run->chunks[static_cast<std::size_t>(last)];
    const QRect plot = plotRect();
    QColor ink = palette().color(QPalette::WindowText);
    const double x = xOf(model_.seconds(c.received_ns));
    if (x >= plot.left() && x <= plot.left() + plot.width()) {
        ink.setAlpha(170);
        p.setPen(QPen(ink, style_.presentation ? 2.0 : 1.2, Qt::DashLine));
        p.drawLine(QPointF(x, plot.top()), QPointF(x, plot.top() + plot.height()));
    }
    if (c.worker < 0 || c.worker >= rowCount()) return;
    if (!TimelineModel::workerBegin(c) || !TimelineModel::workerEnd(c)) return;
    const double from = model_.seconds(TimelineModel::workerBegin(c));
    const double to = model_.seconds(TimelineModel::workerEnd(c));
    const double x0 = std::max(xOf(from), double(plot.left()));
    const double x1 = std::min(xOf(to), double(plot.left() + plot.width()));
    if (x1 - x0 < 3) return;
    ink.setAlpha(255);
    p.setPen(QPen(ink, style_.presentation ? 2.5 : 1.5));
    p.setBrush(Qt::NoBrush);
    p.drawRect(
        QRectF(x0, rowGeometry(c.worker).main.top(), x1 - x0, rowGeometry(c.worker).main.height()));
}

}  // namespace poolscope::ui
