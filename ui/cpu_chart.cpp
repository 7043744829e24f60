#include "ui/cpu_chart.h"
#include "ui/axis_ticks.h"

#include <QAreaSeries>
#include <QChart>
#include <QChartView>
#include <QLabel>
#include <QLegendMarker>
#include <QLineSeries>
#include <QStackedLayout>
#include <QVBoxLayout>
#include <QValueAxis>
#include <algorithm>
#include <utility>

#include "ui/axis_units.h"
#include "ui/chart_decimation.h"
#include "ui/heat_strip.h"
#include "ui/request_rows.h"
#include "ui/session_model.h"

namespace poolscope::ui {

namespace {

// One area series whose upper line rises to `top` over each interval of one kind.
QList<QPointF> bandPoints(const std::vector<RunInterval>& runs, bool serial, double scale,
                          double top) {
    QList<QPointF> pts;
    for (const auto& r : runs) {
        if (r.serial != serial || r.to <= r.from) continue;
        pts << QPointF(r.from / scale, 0) << QPointF(r.from / scale, top)
            << QPointF(r.to / scale, top) << QPointF(r.to / scale, 0);
    }
    return pts;
}

QAreaSeries* makeBand(QChart* chart, const QString& name) {
    auto* band = new QAreaSeries(new QLineSeries(chart));
    band->setName(name);
    band->setPen(Qt::NoPen);
    chart->addSeries(band);
    return band;
}

}  // namespace

CpuChart::CpuChart(QWidget* parent) : QWidget(parent) {
    auto* chart = new QChart;
    chart->setTitle(tr("CPU per core"));
    serial_band_ = makeBand(chart, tr("serial run"));
    parallel_band_ = makeBand(chart, tr("parallel run"));
    total_ = new QLineSeries(chart);
    total_->setName(tr("all cores"));
    steal_ = new QLineSeries(chart);
    steal_->setName(tr("steal"));
    chart->addSeries(total_);
    chart->addSeries(steal_);
    x_ = new QValueAxis(chart);
    y_ = new QValueAxis(chart);
    y_->setRange(0, 100);
    y_->setTitleText(tr("busy %"));
    y_->setLabelFormat(QStringLiteral("%.0f"));
    chart->addAxis(x_, Qt::AlignBottom);
    chart->addAxis(y_, Qt::AlignLeft);
    keepTicksReadable(chart, x_);
    keepTicksReadable(chart, y_);
    for (auto* s : chart->series()) {
        s->attachAxis(x_);
        s->attachAxis(y_);
    }
    chart->legend()->setAlignment(Qt::AlignRight);
    view_ = new QChartView(chart);
    decimator_ = new ChartDecimator(chart);
    configureChartView(view_);

    auto* stripPage = new QWidget;
    auto* stripLayout = new QVBoxLayout(stripPage);
    stripLayout->setContentsMargins(4, 4, 4, 4);
    auto* stripTitle =
        new QLabel(tr("<b>CPU per core</b> (heat strip: dark = idle, bright = busy)"));
    strip_ = new HeatStrip;
    stripLayout->addWidget(stripTitle);
    stripLayout->addWidget(strip_, 1);

    stack_ = new QStackedLayout(this);
    stack_->addWidget(view_);
    stack_->addWidget(stripPage);
    setChartStyle(ChartStyle::fromPalette(false));
}

void CpuChart::setChartStyle(const ChartStyle& style) {
    style_ = style;
    signature_.reset();
    style_.apply(view_->chart());
    styleLines();
}

void CpuChart::styleLines() {
    for (int i = 0; i < cores_.size(); ++i) {
        QPen pen = style_.line(style_.core(i));
        pen.setWidthF(style_.lineWidth() * 0.7);
        cores_[i]->setPen(pen);
    }
    QPen total = style_.line(style_.total());
    total.setWidthF(style_.lineWidth() * 1.4);
    total_->setPen(total);
    QPen steal = style_.line(Qt::red);
    steal.setStyle(Qt::DotLine);
    steal_->setPen(steal);
    QColor s = style_.serial(), p = style_.parallel();
    s.setAlpha(40);
    p.setAlpha(40);
    serial_band_->setBrush(s);
    parallel_band_->setBrush(p);
}

void CpuChart::ensureCores(int n) {
    QChart* chart = view_->chart();
    while (cores_.size() < n) {
        auto* s = new QLineSeries(chart);
        s->setName(tr("cpu%1").arg(cores_.size()));
        chart->addSeries(s);
        s->attachAxis(x_);
        s->attachAxis(y_);
        cores_.append(s);
    }
    styleLines();
}

bool CpuChart::showsHeatStrip() const {
    return stack_->currentIndex() == 1;
}

QList<QPointF> CpuChart::totalPoints() const {
    return decimator_->fullPoints(total_);
}

void CpuChart::refresh(const SessionModel& session) {
    const Request* req = session.current();
    if (!req) return;
    std::size_t appended = 0;
    for (const auto& run : req->runs) appended += run.cpu.appended() + (run.result ? 1 : 0);
    if (!signature_.changed(req->id, req->runs.size(), appended)) return;
    const auto hosts = requestHosts(*req);
    const auto rows = cpuRows(*req);
    int cores = 0;
    for (const auto* r : rows) cores = std::max(cores, static_cast<int>(r->util.size()));
    if (req->id != request_) x_max_ = 0;  // a new request starts its own time axis
    request_ = req->id;
    x_max_ = steadyAxisMax(x_max_, std::max(requestEnd(*req), 1e-3));
    const double end = x_max_;
    const AxisUnit unit = timeUnit(end);
    if (hosts.size() > 1) {  // one band per host, the engine's first: lines of two hosts tangle
        std::vector<HeatStrip::Band> bands;
        for (std::size_t h = 0; h < hosts.size(); ++h) {
            HeatStrip::Band band{hostTitle(hosts[h], h == 0), h == 0 ? rows : cpuRows(*req, h), 0};
            for (const auto* r : band.rows)
                band.cores = std::max(band.cores, static_cast<int>(r->util.size()));
            bands.push_back(std::move(band));
        }
        stack_->setCurrentIndex(1);
        strip_->setBands(bands, 0, end);
        return;
    }
    if (cores > kMaxLines) {
        stack_->setCurrentIndex(1);
        strip_->setRows(rows, cores, 0, end);
        return;
    }
    stack_->setCurrentIndex(0);
    ensureCores(cores);
    QList<QList<QPointF>> lines(cores);
    QList<QPointF> total, steal;
    bool anySteal = false;
    for (const auto* r : rows) {
        const double x = r->t / unit.scale;
        for (int c = 0; c < cores && c < static_cast<int>(r->util.size()); ++c)
            lines[c].append({x, 100.0 * r->util[static_cast<std::size_t>(c)]});
        total.append({x, 100.0 * r->total});
        steal.append({x, 100.0 * r->steal});
        anySteal = anySteal || r->steal > 0;
    }
    decimator_->setRange(0, end / unit.scale, 0, 100);
    for (int c = 0; c < cores; ++c) decimator_->setPoints(cores_[c], std::move(lines[c]));
    decimator_->setPoints(total_, std::move(total));
    decimator_->setPoints(steal_, anySteal ? std::move(steal) : QList<QPointF>());
    if (steal_->isVisible() != anySteal) steal_->setVisible(anySteal);
    const auto runs = runIntervals(*req, end);
    for (auto [band, serial] : {std::pair{serial_band_, true}, std::pair{parallel_band_, false}}) {
        const QList<QPointF> pts = bandPoints(runs, serial, unit.scale, 100);
        if (band->upperSeries()->points() != pts) band->upperSeries()->replace(pts);
    }
    setAxis(x_, end / unit.scale, tr("time since start (%1)").arg(unit.name));
}

}  // namespace poolscope::ui
