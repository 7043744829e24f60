#include "ui/sweep_scaling.h"

#include <QChartView>
#include <QLabel>
#include <QLegend>
#include <QLineSeries>
#include <QScatterSeries>
#include <QVBoxLayout>
#include <QValueAxis>
#include <algorithm>
#include <cmath>
#include <functional>

namespace poolscope::ui {

namespace {

QString fixed(double v, int decimals) {
    return QString::number(v, 'f', decimals);
}

QLineSeries* curve(double from, double to, const std::function<double(double)>& f) {
    auto* s = new QLineSeries;
    constexpr int kSteps = 80;
    for (int i = 0; i <= kSteps; ++i) {
        const double w = from + (to - from) * i / kSteps;
        s->append(w, f(w));
    }
    return s;
}

}  // namespace

SweepScaling::SweepScaling(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("sweepScaling"));
    view_ = new QChartView;
    view_->setRenderHint(QPainter::Antialiasing);
    legend_ = new QLabel;
    legend_->setWordWrap(true);
    legend_->setTextFormat(Qt::RichText);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(view_, 1);
    layout->addWidget(legend_);
    style_ = ChartStyle::fromPalette(false);
    rebuild();
}

void SweepScaling::setDocument(const SweepDocument* doc) {
    doc_ = doc;
    rebuild();
}

void SweepScaling::setChartStyle(const ChartStyle& style) {
    style_ = style;
    rebuild();
}

QString SweepScaling::amdahlLabel(const AmdahlFit& a) {
    QString max = std::isfinite(a.max_speedup) ? fixed(a.max_speedup, 1) : tr("unbounded");
    return tr("Amdahl: s = %1 [%2 … %3], at most %4×")
        .arg(fixed(a.serial_fraction, 3), fixed(a.low, 3), fixed(a.high, 3), max);
}

QString SweepScaling::uslLabel(const UslFit& u) {
    QString s = tr("USL: σ = %1, κ = %2").arg(fixed(u.sigma, 4), fixed(u.kappa, 5));
    if (u.peak_workers)
        s += tr(", peak W ≈ %1 (%2×)").arg(fixed(*u.peak_workers, 1), fixed(u.peak_speedup, 2));
    else
        s += tr(", no peak");
    return s;
}

std::vector<std::size_t> SweepScaling::shownPoints() const {
    if (!doc_) return {};
    if (!doc_->fitPoints.empty()) return doc_->fitPoints;
    // No fits: the best point's slice along workers (every other axis at its value).
    std::vector<std::size_t> out;
    // While a sweep runs there is no best yet: the fastest point so far stands in.
    std::optional<std::size_t> best = doc_->best();
    for (std::size_t i = 0; !best.has_value() && i < doc_->points.size(); ++i)
        if (doc_->points[i].ran) best = i;
    for (std::size_t i = 0; best && !doc_->best() && i < doc_->points.size(); ++i)
        if (doc_->points[i].ran && doc_->points[i].wall.median < doc_->points[*best].wall.median)
            best = i;
    if (!best) return out;
    for (std::size_t i = 0; i < doc_->points.size(); ++i) {
        bool same = true;
        for (std::size_t k = 0; k < doc_->axes.size(); ++k)
            if (doc_->axes[k].name != "workers" &&
                doc_->points[i].values[k] != doc_->points[*best].values[k])
                same = false;
        if (same && doc_->points[i].ran) out.push_back(i);
    }
    return out;
}

void SweepScaling::rebuild() {
    auto* chart = new QChart;
    chart->setTitle(tr("Speedup against workers"));
    chart->legend()->setAlignment(Qt::AlignBottom);
    auto* x = new QValueAxis;
    x->setTitleText(tr("workers"));
    x->setLabelFormat(QStringLiteral("%d"));
    auto* y = new QValueAxis;
    y->setTitleText(tr("speedup"));  // × serial; short enough for a projector
    y->setLabelFormat(QStringLiteral("%.2g"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    QStringList entries;
    names_.clear();
    const auto add = [&](QAbstractSeries* series, const QColor& colour, bool inLegend = true) {
        chart->addSeries(series);
        series->attachAxis(x);
        series->attachAxis(y);
        if (!inLegend) return;
        names_ << series->name();
        entries << QStringLiteral("<span style=\"color:%1\">■</span>&nbsp;%2")
                       .arg(colour.name(), series->name().toHtmlEscaped());
    };
    double maxW = 1, top = 1.2;
    auto* measured = new QScatterSeries;
    measured->setName(tr("measured (median, min–max)"));
    measured->setMarkerSize(style_.presentation ? 14 : 10);
    measured->setColor(style_.parallel());
    std::vector<QLineSeries*> whiskers;
    std::vector<std::size_t> clickable;  // the document's point behind each measured marker
    const double serial = doc_ && doc_->serial ? doc_->serial->median : 0;
    for (std::size_t i : shownPoints()) {
        const auto& p = doc_->points[i];
        if (!p.ran || p.speedup <= 0) continue;
        maxW = std::max(maxW, static_cast<double>(p.workers));
        measured->append(p.workers, p.speedup);
        clickable.push_back(i);
        top = std::max(top, p.speedup);
        if (serial > 0 && p.wall.min > 0) {
            auto* w = new QLineSeries;
            w->append(p.workers, serial / p.wall.max);
            w->append(p.workers, serial / p.wall.min);
            QPen pen = style_.line(style_.parallel());
            pen.setWidthF(style_.lineWidth() * 0.6);
            w->setPen(pen);
            whiskers.push_back(w);
            top = std::max(top, serial / p.wall.min);
        }
    }
    connect(measured, &QScatterSeries::clicked, this, [this, measured, clickable](QPointF at) {
        const auto pts = measured->points();
        for (qsizetype k = 0; k < pts.size() && k < static_cast<qsizetype>(clickable.size()); ++k)
            if (pts[k] == at) emit pointClicked(clickable[static_cast<std::size_t>(k)]);
    });
    auto* ideal = new QLineSeries;
    ideal->setName(tr("ideal: speedup = W"));
    ideal->append(1, 1);
    ideal->append(maxW, maxW);
    QPen dashed = style_.line(QColor(0x88, 0x88, 0x88));
    dashed.setStyle(Qt::DashLine);
    ideal->setPen(dashed);
    add(ideal, dashed.color());
    if (doc_ && doc_->amdahl) {
        const double s = doc_->amdahl->serial_fraction;
        auto* a = curve(1, maxW, [s](double w) { return amdahl_speedup(s, w); });
        a->setName(amdahlLabel(*doc_->amdahl));
        a->setPen(style_.line(style_.serial()));
        add(a, style_.serial());
        top = std::max(top, amdahl_speedup(s, maxW));
    }
    if (doc_ && doc_->usl) {
        const double sg = doc_->usl->sigma, k = doc_->usl->kappa;
        auto* u = curve(1, maxW, [sg, k](double w) { return usl_speedup(sg, k, w); });
        u->setName(uslLabel(*doc_->usl));
        QPen pen = style_.line(style_.core(2));
        pen.setStyle(Qt::DashDotLine);
        u->setPen(pen);
        add(u, style_.core(2));
    }
    if (doc_ && doc_->usableCores > 0 && doc_->usableCores < maxW) {
        auto* cores = new QLineSeries;
        cores->setName(tr("usable cores = %1").arg(doc_->usableCores));
        cores->append(doc_->usableCores, 0);
        cores->append(doc_->usableCores, 1e6);
        const QColor grey(0x99, 0x99, 0x99);
        QPen pen(grey);
        pen.setStyle(Qt::DotLine);
        pen.setWidthF(style_.lineWidth() * 0.7);
        cores->setPen(pen);
        add(cores, grey);
    }
    for (auto* w : whiskers) add(w, style_.parallel(), false);
    add(measured, style_.parallel());
    if (doc_ && !doc_->fitNote.isEmpty())  // why a fit is missing, below the title
        chart->setTitle(
            tr("Speedup against workers<br><small>%1</small>").arg(doc_->fitNote.toHtmlEscaped()));
    x->setRange(0.6, maxW + 0.4);  // room for the first and last points' markers
    x->setTickType(QValueAxis::TicksDynamic);
    x->setTickAnchor(0);
    x->setTickInterval(maxW <= 8 ? 1 : std::ceil(maxW / 8));
    y->setRange(0, top * 1.15);
    y->applyNiceNumbers();
    style_.apply(chart);
    chart->legend()->hide();
    legend_->setFont(style_.font());
    legend_->setText(entries.join(QStringLiteral(" &nbsp; &nbsp; ")));
    QChart* old = view_->chart();
    view_->setChart(chart);
    delete old;
}

QString SweepScaling::title() const {
    return view_->chart()->title();
}

QStringList SweepScaling::seriesNames() const {
    return names_;
}

}  // namespace poolscope::ui
