#include "ui/sweep_ucurve.h"

#include <QAreaSeries>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QScatterSeries>
#include <QValueAxis>
#include <algorithm>
#include <cmath>
#include <map>
#include <optional>

#include "ui/axis_units.h"
#include "ui/chart_rebuild.h"

namespace poolscope::ui {

SweepUCurve::SweepUCurve(QWidget* parent) : QChartView(parent) {
    setObjectName(QStringLiteral("sweepUCurve"));
    setRenderHint(QPainter::Antialiasing);
    style_ = ChartStyle::fromPalette(false);
    rebuild();
}

void SweepUCurve::setDocument(const SweepDocument* doc, const SweepSlice& slice) {
    doc_ = doc;
    slice_ = slice;
    rebuild();
}

void SweepUCurve::setChartStyle(const ChartStyle& style) {
    style_ = style;
    rebuild();
}

void SweepUCurve::rebuild() {
    auto* chart = new QChart;
    chart->setTitle(tr("Wall time against chunksize"));
    chart->legend()->setAlignment(Qt::AlignRight);
    const SweepGrid grid = doc_ ? SweepGrid::build(*doc_, slice_) : SweepGrid{};
    double maxWall = 0, minCs = 1e18, maxCs = 0;
    for (const auto& row : grid.cells)
        for (const auto& cell : row)
            if (cell && doc_->points[*cell].ran) {
                const auto& p = doc_->points[*cell];
                maxWall = std::max(maxWall, p.wall.max);
                minCs = std::min(minCs, static_cast<double>(p.chunksize));
                maxCs = std::max(maxCs, static_cast<double>(p.chunksize));
            }
    const AxisUnit unit = timeUnit(maxWall > 0 ? maxWall : 1);
    unit_ = unit.name;
    auto* x = new QLogValueAxis;
    x->setBase(10);
    x->setLabelFormat(QStringLiteral("%g"));
    x->setTitleText(tr("chunksize (log scale)"));
    x->setMinorTickCount(8);
    auto* y = new QValueAxis;
    y->setTitleText(tr("median wall (%1)").arg(unit.name));
    y->setLabelFormat(QStringLiteral("%.4g"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    auto* autos = new QScatterSeries;
    autos->setName(tr("auto"));
    autos->setMarkerShape(QScatterSeries::MarkerShapeRectangle);
    autos->setMarkerSize(style_.presentation ? 14 : 10);
    autos->setColor(style_.total());
    auto* best = new QScatterSeries;
    best->setName(tr("best"));
    best->setMarkerShape(QScatterSeries::MarkerShapeStar);
    best->setMarkerSize(style_.presentation ? 26 : 20);
    best->setColor(QColor(0xed, 0xc9, 0x48));
    best->setBorderColor(style_.total());
    std::vector<QXYSeries*> clickable{autos, best};
    std::vector<std::pair<QPointF, std::size_t>> targets;  // each drawn point's document index
    for (std::size_t r = 0; r < grid.rows.size(); ++r) {
        std::map<double, const SweepPointData*> line;  // explicit chunksizes, sorted
        for (std::size_t c = 0; c < grid.columns.size(); ++c) {
            const auto cell = grid.cells[r][c];
            if (!cell || !doc_->points[*cell].ran) continue;
            const auto& p = doc_->points[*cell];
            const QPointF at(static_cast<double>(p.chunksize), p.wall.median / unit.scale);
            targets.push_back({at, *cell});
            if (grid.columns[c] == "auto")
                autos->append(at);
            else
                line[at.x()] = &p;
            if (doc_->best() == *cell) best->append(at);
        }
        if (line.empty()) continue;
        const QColor colour = style_.core(static_cast<int>(r));
        auto* median = new QLineSeries;
        median->setName(tr("W = %1").arg(QString::fromStdString(grid.rows[r])));
        median->setPen(style_.line(colour));
        median->setPointsVisible(true);
        auto* upper = new QLineSeries(chart);
        auto* lower = new QLineSeries(chart);
        for (const auto& [cs, p] : line) {
            median->append(cs, p->wall.median / unit.scale);
            upper->append(cs, p->wall.max / unit.scale);
            lower->append(cs, p->wall.min / unit.scale);
        }
        auto* band = new QAreaSeries(upper, lower);
        QColor fill = colour;
        fill.setAlpha(60);
        band->setBrush(fill);
        band->setPen(Qt::NoPen);
        chart->addSeries(band);
        chart->addSeries(median);
        for (auto* s : std::initializer_list<QAbstractSeries*>{band, median}) {
            s->attachAxis(x);
            s->attachAxis(y);
        }
        chart->legend()->markers(band).first()->setVisible(false);
        clickable.push_back(median);
    }
    for (auto* s : {autos, best}) {
        chart->addSeries(s);
        s->attachAxis(x);
        s->attachAxis(y);
        if (s->count() == 0) chart->legend()->markers(s).first()->setVisible(false);
    }
    if (maxCs > 0) {
        // Powers of 10 label a wide range; a narrow one (1, 2, 4) needs powers of 2.
        x->setBase(maxCs / minCs <= 64 ? 2 : 10);
        x->setRange(std::max(0.5, minCs / 1.6), maxCs * 1.6);
        y->setRange(0, maxWall / unit.scale * 1.08);
        y->applyNiceNumbers();
    } else {
        x->setRange(1, 1000);
        y->setRange(0, 1);
    }
    // A click lands on a drawn point (or the line near it): the nearest point of that series.
    for (QXYSeries* series : clickable)
        connect(series, &QXYSeries::clicked, this, [this, series, targets](QPointF at) {
            std::optional<std::size_t> hit;
            double nearest = 0;
            for (const auto& [p, index] : targets) {
                if (!series->points().contains(p)) continue;
                const double d = std::abs(std::log(p.x() / at.x())) + std::abs(p.y() - at.y());
                if (!hit || d < nearest) hit = index, nearest = d;
            }
            if (hit) emit pointClicked(*hit);
        });
    style_.apply(chart);
    replaceChart(this, chart);
}

QStringList SweepUCurve::seriesNames() const {
    return visibleLegendNames(chart());
}

QList<QPointF> SweepUCurve::linePoints(const QString& name) const {
    return seriesPoints(chart(), name);
}

}  // namespace poolscope::ui
