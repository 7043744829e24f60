// SweepParamChart: a sweep over a workload parameter (`--param item_us=1,10,100,1000`, lesson 3)
// drawn as the article's rule reads: the task time T and the per-task overhead C against the
// parameter on log scales, the line 10·C the task time must pass for the pool to pay, and the
// speedup on its own axis. For each parameter value the chart shows the best point's figures
// (the lowest median wall among the points with that value), as the CLI's table does.
#pragma once

#include <QChartView>
#include <QStringList>
#include <optional>
#include <string>

#include "ui/chart_style.h"
#include "ui/sweep_document.h"

namespace poolscope::ui {

class SweepParamChart : public QChartView {
    Q_OBJECT
  public:
    explicit SweepParamChart(QWidget* parent = nullptr);
    void setDocument(const SweepDocument* doc);
    void setChartStyle(const ChartStyle& style);

    // The workload parameter a document sweeps with two or more values, if any.
    static std::optional<std::string> sweptParameter(const SweepDocument& doc);

    // For tests: the legend's names, one series' points (parameter, value in axis units) and
    // the time axis' unit.
    QStringList seriesNames() const;
    QList<QPointF> linePoints(const QString& name) const;
    QString unit() const { return unit_; }

  signals:
    // A point was clicked: the document's index of the best point at that parameter value.
    void pointClicked(std::size_t point);

  private:
    void rebuild();

    const SweepDocument* doc_ = nullptr;
    ChartStyle style_;
    QString unit_;
};

}  // namespace poolscope::ui
