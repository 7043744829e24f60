#include "ui/breakdown_chart.h"

#include <QGraphicsLayout>

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QHorizontalPercentBarSeries>
#include <QValueAxis>
#include <cmath>

#include "ui/axis_units.h"

namespace poolscope::ui {

namespace {

double part(const Breakdown& b, int i) {
    const double parts[] = {b.startup, b.serialization, b.transfer, b.compute, b.teardown, b.idle};
    return parts[i];
}

}  // namespace

BreakdownChart::BreakdownChart(QWidget* parent) : QChartView(parent) {
    auto* chart = new QChart;
    chart->setTitle(tr("Where the worker-seconds went"));
    series_ = new QHorizontalPercentBarSeries(chart);
    const QString names[kParts] = {tr("start-up"), tr("serialization"), tr("transfer"),
                                   tr("compute"),  tr("teardown"),      tr("idle")};
    for (int i = 0; i < kParts; ++i) {
        names_[i] = names[i];
        auto* set = new QBarSet(names[i], series_);
        *set << 0 << 0;
        series_->append(set);
        sets_.append(set);
        connect(set, &QBarSet::hovered, this, [this, i](bool on, int row) {
            if (!on || row < 0 || row >= raw_[i].size()) return setToolTip(QString());
            setToolTip(
                tr("%1: %2 worker-seconds").arg(sets_[i]->label(), formatSeconds(raw_[i][row])));
        });
    }
    chart->addSeries(series_);
    rows_ = new QBarCategoryAxis(chart);
    rows_->append({tr("serial"), tr("parallel")});
    chart->addAxis(rows_, Qt::AlignLeft);
    series_->attachAxis(rows_);
    auto* pct = new QValueAxis(chart);
    pct->setLabelFormat(QStringLiteral("%.0f %%"));
    chart->addAxis(pct, Qt::AlignBottom);
    series_->attachAxis(pct);
    // Percent labels inside narrow segments overlap; the legend carries the figures instead.
    series_->setLabelsVisible(false);
    chart->legend()->setAlignment(Qt::AlignRight);
    setChart(chart);
    setRenderHint(QPainter::Antialiasing);
    setChartStyle(ChartStyle::fromPalette(false));
}

void BreakdownChart::setChartStyle(const ChartStyle& style) {
    style_ = style;
    style_.apply(chart());
    // Six legend rows beside two bars: without the layout's own margins and with a slightly
    // smaller legend they fit the result tab's height at 1280×800 instead of losing the last.
    chart()->layout()->setContentsMargins(0, 0, 0, 0);
    QFont legend = style_.font();
    legend.setPointSizeF(legend.pointSizeF() * 0.9);
    chart()->legend()->setFont(legend);
    const QColor colours[kParts] = {QColor(0x8c, 0x56, 0x4b), QColor(0x9b, 0x59, 0xb6),
                                    QColor(0xe3, 0x77, 0xc2), QColor(0x2c, 0xa0, 0x2c),
                                    QColor(0x7f, 0x7f, 0x7f), QColor(0xd6, 0xd6, 0xd6)};
    for (int i = 0; i < kParts; ++i) {
        sets_[i]->setColor(colours[i]);
        sets_[i]->setBorderColor(colours[i].darker(120));
        sets_[i]->setLabelColor(i == 5 ? Qt::black : Qt::white);
        sets_[i]->setLabelFont(style_.font());
    }
}

void BreakdownChart::setRuns(const std::optional<RunResult>& serial,
                             const std::optional<RunResult>& parallel) {
    for (int i = 0; i < kParts; ++i) {
        raw_[i] = {serial ? part(serial->breakdown, i) : 0.0,
                   parallel ? part(parallel->breakdown, i) : 0.0};
        // Percent bars from the raw worker-seconds; labels show whole percents only where a
        // segment is wide enough to hold one (the series hides them otherwise).
        for (int row = 0; row < 2; ++row) {
            const double total = row == 0 ? (serial ? serial->breakdown.total() : 0)
                                          : (parallel ? parallel->breakdown.total() : 0);
            const double share = total > 0 ? 100.0 * raw_[i][row] / total : 0;
            sets_[i]->replace(row, std::round(share * 10) / 10);
        }
        sets_[i]->setLabel(parallel ? tr("%1 %2").arg(names_[i], formatSeconds(raw_[i][1]))
                                    : names_[i]);
    }
}

double BreakdownChart::value(int part, int row) const {
    return raw_[part].value(row);
}

}  // namespace poolscope::ui
