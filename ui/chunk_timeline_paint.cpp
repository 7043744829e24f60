// ChunkTimelineView's geometry and painting: legend on top, one row per worker, the time axis
// once under all rows. Spans are batched per colour so a paint is a few dozen drawRects calls
// however many chunks the run had.
#include <QPaintEvent>
#include <QPainter>
#include <algorithm>
#include <array>
#include <cmath>

#include "ui/chunk_timeline_view.h"
#include "ui/timeline_palette.h"

namespace poolscope::ui {
namespace {

constexpr int kMargin = 6;
constexpr int kLevels = 16;  // shades of a merged column's busy share

struct LegendItem {
    enum class Swatch { Phase, Shade, Hatch, Density } swatch;
    Phase phase = Phase::Computing;
    QString text;
};

}  // namespace

QString ChunkTimelineView::workerLabel(int worker) const {
    const RunTrace* run = model_.run();
    if (run && run->serial) return tr("serial");
    const std::string host = run ? workerHost(*run, worker) : std::string();
    if (host.empty()) return tr("w%1").arg(worker + 1);
    return tr("%1 w%2").arg(QString::fromStdString(host.substr(0, host.find('.')))).arg(worker + 1);
}

int ChunkTimelineView::labelWidth() const {
    const QFontMetrics fm(style_.font());
    const QString widest = tr("w%1").arg(std::max(rowCount(), 88));
    int width = std::max(fm.horizontalAdvance(widest), fm.horizontalAdvance(tr("serial")));
    std::string longest;  // --backend mpi: the longest host name goes before the worker
    if (const RunTrace* run = model_.run())
        for (const auto& host : run->worker_hosts)
            if (const auto name = host.substr(0, host.find('.')); name.size() > longest.size())
                longest = name;
    if (!longest.empty())
        width = std::max(width, fm.horizontalAdvance(tr("%1 w%2").arg(
                                    QString::fromStdString(longest), QString::number(88))));
    return width + 14;
}

static std::vector<LegendItem> legendItems(bool aggregated) {
    std::vector<LegendItem> items;
    for (int p = 0; p < kPhaseCount; ++p)
        items.push_back(
            {LegendItem::Swatch::Phase, static_cast<Phase>(p), phaseName(static_cast<Phase>(p))});
    items.push_back({LegendItem::Swatch::Shade, Phase::Computing,
                     ChunkTimelineView::tr("start-up / teardown")});
    items.push_back({LegendItem::Swatch::Hatch, Phase::Computing,
                     ChunkTimelineView::tr("idle, waiting for the last chunk")});
    if (aggregated)
        items.push_back({LegendItem::Swatch::Density, Phase::Computing,
                         ChunkTimelineView::tr("busy share (aggregated)")});
    return items;
}

// Lays the legend out in lines of `width`; returns its height and, through `place`, each item's
// swatch and text rectangles.
template <class Place>
static int layoutLegend(const QFontMetrics& fm, int width, const QString& title,
                        const std::vector<LegendItem>& items, Place&& place) {
    const int line = fm.height() + 4;
    const int sw = fm.height();
    int x = kMargin + fm.horizontalAdvance(title) + 4 * sw / 3;
    int y = kMargin;
    for (std::size_t i = 0; i < items.size(); ++i) {
        const int tw = fm.horizontalAdvance(items[i].text);
        if (x + sw + 5 + tw > width - kMargin && x > kMargin) {
            x = kMargin + sw;
            y += line;
        }
        place(i, QRect(x, y + (line - sw) / 2, sw, sw), QRect(x + sw + 5, y, tw, line));
        x += sw + 5 + tw + sw;
    }
    return y + line - kMargin;
}

int ChunkTimelineView::legendHeight(int width) const {
    const bool aggregated = model_.run() && model_.run()->aggregated;
    QFont bold = style_.font();
    bold.setBold(true);
    return layoutLegend(QFontMetrics(bold), width, tr("Worker timeline"), legendItems(aggregated),
                        [](std::size_t, QRect, QRect) {});
}

QRect ChunkTimelineView::plotRect() const {
    PlotKey key{size(), rowCount(), model_.run() && model_.run()->aggregated, style_.font()};
    if (plot_key_ == key) return plot_rect_;
    const QFontMetrics fm(style_.font());
    const int top = kMargin + legendHeight(width()) + 8;
    const int axis = fm.height() + 10;
    const int left = labelWidth();
    const int available = std::max(height() - top - axis - kMargin, 0);
    const int rows = std::max(rowCount(), 1);
    const int row_h = std::min(available / rows, fm.height() * 4);
    plot_rect_ = QRect(left, top, std::max(width() - left - kMargin - 10, 0), row_h * rows);
    plot_key_ = std::move(key);
    return plot_rect_;
}

ChunkTimelineView::RowGeometry ChunkTimelineView::rowGeometry(int row) const {
    const QRect plot = plotRect();
    const double row_h = plot.height() / double(std::max(rowCount(), 1));
    const double gap = row_h >= 10 ? row_h * 0.1 : 0;
    const double inner = row_h - 2 * gap;
    const double y = plot.top() + row * row_h + gap;
    const QRectF main(plot.left(), y, plot.width(), inner * 0.7);
    return {main, QRectF(plot.left(), main.bottom() + inner * 0.08, plot.width(), inner * 0.22)};
}

int ChunkTimelineView::rowAt(int y, bool* pipe) const {
    const QRect plot = plotRect();
    if (rowCount() == 0 || y < plot.top() || y >= plot.top() + plot.height()) return -1;
    const int row =
        std::min(static_cast<int>((y - plot.top()) * rowCount() / plot.height()), rowCount() - 1);
    if (pipe) *pipe = y >= rowGeometry(row).pipe.top() - 1;
    return row;
}

QSize ChunkTimelineView::sizeHint() const {
    const QFontMetrics fm(style_.font());
    return {640, 2 * fm.height() + 30 + std::max(rowCount(), 2) * fm.height() * 2 + fm.height()};
}

QSize ChunkTimelineView::minimumSizeHint() const {
    return {320, 140};
}

void ChunkTimelineView::layoutModel() const {
    const auto [t0, t1] = visibleRange();
    model_.layout(t0, t1, plotRect().width());
}

void ChunkTimelineView::paintEvent(QPaintEvent*) {
    last_paint_.restart();
    live_repaint_.stop();  // this paint shows everything the model holds
    QPainter p(this);
    p.fillRect(rect(), palette().window());
    p.setFont(style_.font());
    paintLegend(p);
    if (!model_.run() || rowCount() == 0) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(rect().adjusted(kMargin, legendHeight(width()) + kMargin, -kMargin, -kMargin),
                   Qt::AlignCenter | Qt::TextWordWrap,
                   tr("The workers' chunks appear here when a parallel run starts."));
        return;
    }
    layoutModel();
    p.fillRect(plotRect(), palette().base());
    paintAxis(p);  // grid lines under the bars
    paintRows(p);
    paintStraggler(p);
    if (drag_ == Drag::Select) {
        const QRect plot = plotRect();
        QColor c = palette().color(QPalette::Highlight);
        const QRect band(QPoint(std::min(drag_from_.x(), drag_to_.x()), plot.top()),
                         QPoint(std::max(drag_from_.x(), drag_to_.x()), plot.bottom()));
        p.setPen(c);
        c.setAlpha(50);
        p.setBrush(c);
        p.drawRect(band.intersected(plot));
    }
}

void ChunkTimelineView::paintLegend(QPainter& p) const {
    QFont bold = style_.font();
    bold.setBold(true);
    const QFontMetrics fm(bold);
    const QColor text = palette().color(QPalette::WindowText);
    const QColor base = palette().color(QPalette::Base);
    const auto items = legendItems(model_.run() && model_.run()->aggregated);
    p.setFont(bold);
    p.setPen(text);
    p.drawText(QRect(kMargin, kMargin, width(), fm.height() + 4), Qt::AlignLeft | Qt::AlignVCenter,
               tr("Worker timeline"));
    p.setFont(style_.font());
    layoutLegend(
        fm, width(), tr("Worker timeline"), items, [&](std::size_t i, QRect sw, QRect label) {
            const LegendItem& item = items[i];
            switch (item.swatch) {
                case LegendItem::Swatch::Phase: {
                    QRect r = sw;
                    if (inPipe(item.phase)) r.setTop(sw.bottom() - sw.height() / 3);
                    p.fillRect(r, phaseColour(item.phase, style_));
                    break;
                }
                case LegendItem::Swatch::Shade:
                    p.fillRect(sw, base);
                    p.fillRect(sw, style_.shade());
                    break;
                case LegendItem::Swatch::Hatch:
                    p.fillRect(sw, base);
                    p.fillRect(sw, QBrush(palette().color(QPalette::Mid), Qt::BDiagPattern));
                    break;
                case LegendItem::Swatch::Density:
                    for (int k = 0; k < 4; ++k)
                        p.fillRect(
                            QRect(sw.left() + k * sw.width() / 4, sw.top(), sw.width() / 4 + 1,
                                  sw.height()),
                            busyShade(base, phaseColour(Phase::Computing, style_), (k + 1) / 4.0));
                    break;
            }
            p.setPen(text);
            p.drawText(label, Qt::AlignLeft | Qt::AlignVCenter, item.text);
        });
}

void ChunkTimelineView::paintRows(QPainter& p) const {
    const QRect plot = plotRect();
    const QColor base = palette().color(QPalette::Base);
    const QColor text = palette().color(QPalette::WindowText);
    const QFontMetrics fm(style_.font());
    // Colour batches: per phase, kLevels shades for merged columns and buckets + 1 exact.
    std::array<QColor, kPhaseCount*(kLevels + 1)> colours;
    std::array<QVector<QRectF>, kPhaseCount*(kLevels + 1)> batches;
    for (int ph = 0; ph < kPhaseCount; ++ph)
        for (int l = 0; l <= kLevels; ++l)
            colours[ph * (kLevels + 1) + l] =
                l == kLevels ? phaseColour(static_cast<Phase>(ph), style_)
                             : busyShade(base, phaseColour(static_cast<Phase>(ph), style_),
                                         l / double(kLevels - 1));
    QVector<QLineF> separators;
    const double clip_l = plot.left(), clip_r = plot.left() + plot.width();
    for (int r = 0; r < rowCount(); ++r) {
        const TimelineRow& row = model_.rows()[static_cast<std::size_t>(r)];
        const RowGeometry g = rowGeometry(r);
        const QRectF whole(g.main.left(), g.main.top(), g.main.width(),
                           g.pipe.bottom() - g.main.top());
        for (const TimelineBand& b : row.bands) {
            const double x0 = std::max(xOf(b.t0), clip_l), x1 = std::min(xOf(b.t1), clip_r);
            if (x1 <= x0) continue;
            if (b.kind == TimelineBand::Kind::IdleAtEnd)
                p.fillRect(QRectF(x0, g.main.top(), x1 - x0, g.main.height()),
                           QBrush(palette().color(QPalette::Mid), Qt::BDiagPattern));
            else
                p.fillRect(QRectF(x0, whole.top(), x1 - x0, whole.height()), style_.shade());
            const QString label = b.kind == TimelineBand::Kind::Startup    ? tr("start-up")
                                  : b.kind == TimelineBand::Kind::Teardown ? tr("teardown")
                                                                           : QString();
            if (r == 0 && !label.isEmpty() && fm.horizontalAdvance(label) + 8 < x1 - x0 &&
                g.main.height() >= fm.height()) {
                p.setPen(palette().color(QPalette::PlaceholderText));
                p.drawText(QRectF(x0, g.main.top(), x1 - x0, g.main.height()), Qt::AlignCenter,
                           label);
            }
        }
        int64_t item = -2;
        double item_x0 = 0, item_x1 = 0;
        for (const TimelineSpan& s : row.spans) {
            const QRectF& lane = inPipe(s.phase) ? g.pipe : g.main;
            const int level = s.kind == TimelineSpan::Kind::Exact
                                  ? kLevels
                                  : static_cast<int>(std::lround(s.busy * (kLevels - 1)));
            auto& batch = batches[static_cast<std::size_t>(
                static_cast<int>(s.phase) * (kLevels + 1) + level)];
            const QRectF bar(plot.left() + double(s.x0), lane.top(), double(s.x1 - s.x0),
                             lane.height());
            // Neighbouring merged columns of one shade are one rectangle: whole-pixel edges
            // fill the same pixels either way, and a live row is hundreds of such columns.
            if (!batch.isEmpty() && std::floor(s.x0) == s.x0 && std::floor(s.x1) == s.x1 &&
                batch.back().right() == bar.left() && batch.back().top() == bar.top() &&
                std::floor(batch.back().left()) == batch.back().left())
                batch.back().setRight(bar.right());
            else
                batch.push_back(bar);
            if (s.kind != TimelineSpan::Kind::Exact || inPipe(s.phase)) continue;
            if (s.item != item) {
                // A clear edge where one chunk follows another on the worker.
                if (item >= 0 && item_x1 - item_x0 >= 6)
                    separators.push_back(QLineF(plot.left() + item_x0, g.main.top(),
                                                plot.left() + item_x0, g.main.bottom()));
                item = s.item;
                item_x0 = s.x0;
            }
            item_x1 = s.x1;
        }
        if (item >= 0 && item_x1 - item_x0 >= 6)
            separators.push_back(QLineF(plot.left() + item_x0, g.main.top(), plot.left() + item_x0,
                                        g.main.bottom()));
        if (g.main.height() >= fm.height() * 0.8 || r % std::max(1, rowCount() / 8) == 0) {
            p.setPen(text);
            p.drawText(QRectF(0, g.main.top() - 4, labelWidth() - 8, g.main.height() + 8),
                       Qt::AlignRight | Qt::AlignVCenter, workerLabel(row.worker));
        }
    }
    p.setPen(Qt::NoPen);
    for (std::size_t i = 0; i < batches.size(); ++i) {
        if (batches[i].isEmpty()) continue;
        p.setBrush(colours[i]);
        p.drawRects(batches[i]);
    }
    p.setPen(QPen(base, 1));
    p.drawLines(separators);
    p.setBrush(Qt::NoBrush);
}

}  // namespace poolscope::ui
