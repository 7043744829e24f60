#include "ui/chart_decimation.h"

#include <QChart>
#include <QXYSeries>
#include <algorithm>
#include <cmath>
#include <utility>

namespace poolscope::ui {

bool PlotWindow::usable() const {
    // Below this a chart has not been laid out: its "pixels" say nothing of the screen.
    return pixels.width() >= 32 && pixels.height() >= 16 && x1 > x0 && y1 > y0;
}

namespace {

// Distance from p to the segment a–b, all in pixels.
double distanceToSegment(QPointF p, QPointF a, QPointF b) {
    const QPointF d = b - a;
    const double len2 = QPointF::dotProduct(d, d);
    double t = len2 > 0 ? QPointF::dotProduct(p - a, d) / len2 : 0;
    t = std::clamp(t, 0.0, 1.0);
    const QPointF q = a + t * d - p;
    return std::hypot(q.x(), q.y());
}

// Per pixel column the lowest and the highest point, in the order they come, with the first
// and the last point of the line.
std::vector<qsizetype> columnExtremes(const QList<QPointF>& points, double x0, double sx) {
    const qsizetype n = points.size();
    std::vector<qsizetype> keep;
    keep.reserve(static_cast<std::size_t>(std::min<qsizetype>(n, 4096)));
    keep.push_back(0);
    qsizetype i = 0;
    while (i < n) {
        const double column = std::floor((points[i].x() - x0) * sx);
        qsizetype lo = i, hi = i, j = i + 1;
        for (; j < n && std::floor((points[j].x() - x0) * sx) == column; ++j) {
            if (points[j].y() < points[lo].y()) lo = j;
            if (points[j].y() > points[hi].y()) hi = j;
        }
        for (qsizetype k : {std::min(lo, hi), std::max(lo, hi)})
            if (k != keep.back()) keep.push_back(k);
        i = j;
    }
    if (keep.back() != n - 1) keep.push_back(n - 1);
    return keep;
}

}  // namespace

QList<QPointF> decimateForPlot(const QList<QPointF>& points, const PlotWindow& w,
                               double tolerancePx) {
    if (points.size() <= 2 || !w.usable()) return points;
    const double sx = w.pixels.width() / (w.x1 - w.x0);
    const double sy = w.pixels.height() / (w.y1 - w.y0);
    const std::vector<qsizetype> cand = columnExtremes(points, w.x0, sx);
    std::vector<QPointF> px(cand.size());
    for (std::size_t i = 0; i < cand.size(); ++i) {
        const QPointF& p = points[cand[i]];
        px[i] = QPointF((p.x() - w.x0) * sx, (p.y() - w.y0) * sy);
    }
    // Ramer–Douglas–Peucker over the candidates, without recursion.
    std::vector<char> kept(cand.size(), 0);
    kept.front() = kept.back() = 1;
    std::vector<std::pair<std::size_t, std::size_t>> spans{{0, cand.size() - 1}};
    while (!spans.empty()) {
        const auto [a, b] = spans.back();
        spans.pop_back();
        if (b - a < 2) continue;
        double worst = -1;
        std::size_t at = a;
        for (std::size_t k = a + 1; k < b; ++k) {
            const double d = distanceToSegment(px[k], px[a], px[b]);
            if (d > worst) worst = d, at = k;
        }
        if (worst <= tolerancePx) continue;
        kept[at] = 1;
        spans.emplace_back(a, at);
        spans.emplace_back(at, b);
    }
    QList<QPointF> out;
    for (std::size_t i = 0; i < cand.size(); ++i)
        if (kept[i]) out.append(points[cand[i]]);
    return out;
}

ChartDecimator::ChartDecimator(QChart* chart) : QObject(chart), chart_(chart) {
    connect(chart, &QChart::plotAreaChanged, this, [this](const QRectF& area) {
        if (area.size() != last_pixels_) redecimateAll();
    });
}

PlotWindow ChartDecimator::window() const {
    PlotWindow w;
    w.x0 = x0_;
    w.x1 = x1_;
    w.y0 = y0_;
    w.y1 = y1_;
    w.pixels = chart_->plotArea().size();
    return w;
}

void ChartDecimator::setRange(double x0, double x1, double y0, double y1) {
    x0_ = x0;
    x1_ = x1;
    y0_ = y0;
    y1_ = y1;
}

void ChartDecimator::setPoints(QXYSeries* series, QList<QPointF> points) {
    auto it = std::find_if(entries_.begin(), entries_.end(),
                           [&](const Entry& e) { return e.series == series; });
    if (it == entries_.end()) {
        entries_.push_back({series, {}, series->points()});
        it = entries_.end() - 1;
    }
    it->full = std::move(points);
    apply(*it);
}

QList<QPointF> ChartDecimator::fullPoints(const QXYSeries* series) const {
    for (const auto& e : entries_)
        if (e.series == series) return e.full;
    return {};
}

void ChartDecimator::remove(QXYSeries* series) {
    std::erase_if(entries_, [&](const Entry& e) { return e.series == series; });
}

void ChartDecimator::apply(Entry& e) {
    const PlotWindow w = window();
    last_pixels_ = w.pixels;
    QList<QPointF> shown = decimateForPlot(e.full, w);
    if (shown == e.shown) return;
    e.shown = std::move(shown);
    e.series->replace(e.shown);
    ++replaces_;
}

void ChartDecimator::redecimateAll() {
    for (auto& e : entries_) apply(e);
}

}  // namespace poolscope::ui
