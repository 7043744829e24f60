#include "ui/progress_chart.h"
#include "ui/axis_ticks.h"

#include <QAreaSeries>
#include <QChart>
#include <QGraphicsSimpleTextItem>
#include <QLegendMarker>
#include <QLineSeries>
#include <QValueAxis>
#include <algorithm>

#include "ui/axis_units.h"
#include "ui/session_model.h"
#include "ui/view_signature.h"

namespace poolscope::ui {

namespace {

QAreaSeries* makeBand(QChart* chart) {
    auto* upper = new QLineSeries(chart);
    auto* band = new QAreaSeries(upper);
    band->setPen(Qt::NoPen);
    chart->addSeries(band);
    return band;
}

// Progress is stamped from the run's start event; a finished run's line is moved so that it
// ends at its wall time (the serial baseline times its loop alone, a warm pool from the first
// dispatch), and nothing is drawn outside [0, wall].
QList<QPointF> toPoints(const RunTrace* run, double scale) {
    QList<QPointF> pts;
    if (!run) return pts;
    double shift = 0, end = -1;
    if (run->result) {
        end = run->result->wall_s;
        shift = (run->end_s - end) - run->start_s;
    }
    run->progress.for_each([&](const SeriesPoint& p) {
        double x = std::max(0.0, p.x - shift);
        if (end >= 0) x = std::min(x, end);
        if (!pts.isEmpty() && x < pts.back().x() * scale) x = pts.back().x() * scale;
        pts.append({x / scale, p.y});
    });
    return pts;
}

QString runCaption(const RunTrace* run, const QString& kind) {
    if (!run) return kind;
    if (!run->result) return ProgressChart::tr("%1 (running)").arg(kind);
    const QString wall = formatSeconds(run->result->wall_s);
    return run->result->partial ? ProgressChart::tr("%1: %2 (partial)").arg(kind, wall)
                                : ProgressChart::tr("%1: %2").arg(kind, wall);
}

}  // namespace

ProgressChart::ProgressChart(QWidget* parent) : QChartView(parent) {
    auto* chart = new QChart;
    chart->setTitle(tr("Progress: items done"));
    startup_ = makeBand(chart);
    teardown_ = makeBand(chart);
    serial_ = new QLineSeries(chart);
    parallel_ = new QLineSeries(chart);
    serial_->setName(tr("serial"));
    parallel_->setName(tr("parallel"));
    chart->addSeries(serial_);
    chart->addSeries(parallel_);
    x_ = new QValueAxis(chart);
    y_ = new QValueAxis(chart);
    y_->setTitleText(tr("items"));
    y_->setLabelFormat(QStringLiteral("%.0f"));
    chart->addAxis(x_, Qt::AlignBottom);
    chart->addAxis(y_, Qt::AlignLeft);
    keepTicksReadable(chart, x_);
    keepTicksReadable(chart, y_);
    for (auto* s : chart->series()) {
        s->attachAxis(x_);
        s->attachAxis(y_);
    }
    startup_->setName(tr("start-up"));
    teardown_->setName(tr("teardown"));
    chart->legend()->markers(teardown_).first()->setVisible(false);
    chart->legend()->setAlignment(Qt::AlignBottom);
    serial_label_ = new QGraphicsSimpleTextItem(chart);
    parallel_label_ = new QGraphicsSimpleTextItem(chart);
    setChart(chart);
    decimator_ = new ChartDecimator(chart);
    // The wall-time labels follow the lines' ends when the plot is laid out again.
    connect(chart, &QChart::plotAreaChanged, this, &ProgressChart::placeLabels);
    configureChartView(this);
    setChartStyle(ChartStyle::fromPalette(false));
}

void ProgressChart::setChartStyle(const ChartStyle& style) {
    style_ = style;
    signature_.reset();
    style_.apply(chart());
    serial_->setPen(style_.line(style_.serial()));
    parallel_->setPen(style_.line(style_.parallel()));
    startup_->setBrush(style_.shade());
    teardown_->setBrush(style_.shade());
    serial_label_->setBrush(style_.serial());
    parallel_label_->setBrush(style_.parallel());
    serial_label_->setFont(style_.font());
    parallel_label_->setFont(style_.font());
}

void ProgressChart::setBand(QAreaSeries* band, double from, double to, double top) {
    QList<QPointF> pts;
    if (to > from) pts = {{from, top}, {to, top}};
    if (band->upperSeries()->points() != pts) band->upperSeries()->replace(pts);
}

void ProgressChart::refresh(const SessionModel& session) {
    const auto [s, p] = session.latestPair();
    const auto key = [](const RunTrace* r) {
        return r ? r->progress.appended() * 2 + (r->result ? 1 : 0) : 0;
    };
    if (!signature_.changed(reinterpret_cast<uintptr_t>(s), key(s), reinterpret_cast<uintptr_t>(p),
                            key(p)))
        return;
    double maxT = 1e-6, maxItems = 1;
    for (const RunTrace* r : {s, p}) {
        if (!r || r->progress.empty()) continue;
        maxT = std::max(maxT, r->result ? r->result->wall_s : r->progress.last().x);
        maxItems = std::max(maxItems, static_cast<double>(r->items_total));
    }
    x_max_ = steadyAxisMax(x_max_, maxT);
    const AxisUnit unit = timeUnit(x_max_);
    unit_ = unit.name;
    decimator_->setRange(0, x_max_ / unit.scale, 0, maxItems * 1.05);
    decimator_->setPoints(serial_, toPoints(s, unit.scale));
    decimator_->setPoints(parallel_, toPoints(p, unit.scale));
    setNameIfChanged(serial_, runCaption(s, tr("serial")));
    setNameIfChanged(parallel_, runCaption(p, tr("parallel")));
    if (p && p->result) {
        const RunResult& r = *p->result;
        setBand(startup_, 0, r.startup_s / unit.scale, maxItems);
        setBand(teardown_, (r.wall_s - r.teardown_s) / unit.scale, r.wall_s / unit.scale, maxItems);
    } else {
        setBand(startup_, 0, 0, 0);
        setBand(teardown_, 0, 0, 0);
    }
    setAxis(x_, x_max_ / unit.scale, tr("time since the run's start (%1)").arg(unit.name));
    setAxis(y_, maxItems * 1.05, tr("items"));
    serial_label_->setText(s && s->result ? formatSeconds(s->result->wall_s) : QString());
    parallel_label_->setText(p && p->result ? formatSeconds(p->result->wall_s) : QString());
    placeLabels();
}

QList<QPointF> ProgressChart::linePoints(bool serial) const {
    return decimator_->fullPoints(serial ? serial_ : parallel_);
}

void ProgressChart::resizeEvent(QResizeEvent* event) {
    QChartView::resizeEvent(event);
    placeLabels();
}

// Each wall time sits at the end of its line, nudged apart when both ends are close.
void ProgressChart::placeLabels() {
    const auto place = [this](QLineSeries* line, QGraphicsSimpleTextItem* label, int nudge) {
        const auto pts = line->points();
        label->setVisible(!pts.isEmpty() && !label->text().isEmpty());
        if (pts.isEmpty()) return;
        QPointF at = chart()->mapToPosition(pts.back(), line);
        const QRectF area = chart()->plotArea();
        const QRectF box = label->boundingRect();
        at.setX(std::clamp(at.x() + 4, area.left(), area.right() - box.width()));
        at.setY(std::clamp(at.y() - box.height() - 2 + nudge, area.top(),
                           area.bottom() - box.height()));
        label->setPos(at);
    };
    place(serial_, serial_label_, 0);
    place(parallel_, parallel_label_, static_cast<int>(serial_label_->boundingRect().height()));
}

}  // namespace poolscope::ui
