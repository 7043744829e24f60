#include "ui/sweep_param_chart.h"

#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QValueAxis>
#include <algorithm>
#include <cmath>
#include <map>

#include "core/analysis/sweep_axes.h"
#include "ui/axis_units.h"
#include "ui/chart_rebuild.h"

namespace poolscope::ui {

namespace {

// Per parameter value (numeric order), the best point that ran with it.
std::map<double, std::size_t> bestPerValue(const SweepDocument& doc, const std::string& param) {
    std::map<double, std::size_t> best;
    for (std::size_t i = 0; i < doc.points.size(); ++i) {
        const auto& p = doc.points[i];
        if (!p.ran || p.T <= 0 || p.C <= 0) continue;
        const double value = std::strtod(doc.valueOf(p, param).c_str(), nullptr);
        if (!(value > 0)) continue;
        auto [it, fresh] = best.emplace(value, i);
        if (!fresh && p.wall.median < doc.points[it->second].wall.median) it->second = i;
    }
    return best;
}

}  // namespace

SweepParamChart::SweepParamChart(QWidget* parent) : QChartView(parent) {
    setObjectName(QStringLiteral("sweepParamChart"));
    setRenderHint(QPainter::Antialiasing);
    style_ = ChartStyle::fromPalette(false);
    rebuild();
}

std::optional<std::string> SweepParamChart::sweptParameter(const SweepDocument& doc) {
    for (const auto& axis : doc.axes)
        if (axis_changes_serial(axis.name) && axis.values.size() >= 2) return axis.name;
    return std::nullopt;
}

void SweepParamChart::setDocument(const SweepDocument* doc) {
    doc_ = doc;
    rebuild();
}

void SweepParamChart::setChartStyle(const ChartStyle& style) {
    style_ = style;
    rebuild();
}

void SweepParamChart::rebuild() {
    auto* chart = new QChart;
    chart->legend()->setAlignment(Qt::AlignRight);
    const auto param = doc_ ? sweptParameter(*doc_) : std::nullopt;
    const auto best = param ? bestPerValue(*doc_, *param) : std::map<double, std::size_t>{};
    const QString name = QString::fromStdString(param.value_or("parameter"));
    chart->setTitle(tr("Task time T and overhead C against %1").arg(name));
    double lo = 1e300, hi = 0, maxSpeedup = 1;
    for (const auto& [value, index] : best) {
        const auto& p = doc_->points[index];
        lo = std::min({lo, p.T, p.C});
        hi = std::max({hi, p.T, 10 * p.C});
        maxSpeedup = std::max(maxSpeedup, p.speedup);
    }
    const AxisUnit unit = timeUnit(hi > 0 ? hi : 1);
    unit_ = unit.name;
    auto* x = new QLogValueAxis;
    x->setBase(10);
    x->setLabelFormat(QStringLiteral("%g"));
    x->setTitleText(tr("%1 (log scale)").arg(name));
    auto* y = new QLogValueAxis;
    y->setBase(10);
    y->setLabelFormat(QStringLiteral("%g"));
    y->setTitleText(tr("per task (%1, log scale)").arg(unit.name));
    auto* right = new QValueAxis;
    right->setTitleText(tr("speedup (× serial)"));
    right->setLabelFormat(QStringLiteral("%.2g"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    chart->addAxis(right, Qt::AlignRight);
    auto* t = new QLineSeries;
    t->setName(tr("T: task time"));
    t->setPen(style_.line(style_.serial()));
    auto* c = new QLineSeries;
    c->setName(tr("C: overhead per task"));
    c->setPen(style_.line(style_.parallel()));
    auto* rule = new QLineSeries;
    rule->setName(tr("10·C: T must pass it"));
    QPen dashed = style_.line(style_.parallel());
    dashed.setStyle(Qt::DashLine);
    rule->setPen(dashed);
    auto* speedup = new QLineSeries;
    speedup->setName(tr("speedup (right)"));
    speedup->setPen(style_.line(style_.total()));
    std::vector<std::pair<QPointF, std::size_t>> targets;
    for (const auto& [value, index] : best) {
        const auto& p = doc_->points[index];
        t->append(value, p.T / unit.scale);
        c->append(value, p.C / unit.scale);
        rule->append(value, 10 * p.C / unit.scale);
        speedup->append(value, p.speedup);
        for (double v : {p.T, p.C}) targets.push_back({QPointF(value, v / unit.scale), index});
    }
    for (auto* s : {t, c, rule}) {
        s->setPointsVisible(true);
        chart->addSeries(s);
        s->attachAxis(x);
        s->attachAxis(y);
    }
    speedup->setPointsVisible(true);
    chart->addSeries(speedup);
    speedup->attachAxis(x);
    speedup->attachAxis(right);
    if (!best.empty()) {
        const double first = best.begin()->first, last = best.rbegin()->first;
        x->setRange(first / 2, last * 2);
        y->setRange(std::pow(10, std::floor(std::log10(lo / unit.scale))),
                    std::pow(10, std::ceil(std::log10(hi / unit.scale))));
        // Ticks on round steps (0.25, 0.5, 1, 2, ...), at most eight of them.
        double step = 0.25;
        while (maxSpeedup * 1.1 / step > 8) step *= 2;
        const double top = std::ceil(maxSpeedup * 1.1 / step) * step;
        right->setRange(0, top);
        right->setTickCount(static_cast<int>(std::lround(top / step)) + 1);
    } else {
        x->setRange(1, 1000);
        y->setRange(1, 1000);
        right->setRange(0, 2);
    }
    for (QXYSeries* series : std::initializer_list<QXYSeries*>{t, c})
        connect(series, &QXYSeries::clicked, this, [this, targets](QPointF at) {
            std::optional<std::size_t> hit;
            double nearest = 0;
            for (const auto& [p, index] : targets) {
                const double d =
                    std::abs(std::log(p.x() / at.x())) +
                    std::abs(std::log(std::max(p.y(), 1e-12) / std::max(at.y(), 1e-12)));
                if (!hit || d < nearest) hit = index, nearest = d;
            }
            if (hit) emit pointClicked(*hit);
        });
    style_.apply(chart);
    replaceChart(this, chart);
}

QStringList SweepParamChart::seriesNames() const {
    return visibleLegendNames(chart());
}

QList<QPointF> SweepParamChart::linePoints(const QString& name) const {
    return seriesPoints(chart(), name);
}

}  // namespace poolscope::ui
