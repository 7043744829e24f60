// BreakdownChart: where the worker-seconds of each run went (start-up, serialization,
// transfer, compute, teardown, idle) as stacked horizontal bars, serial above parallel. Each
// bar is its run's W·wall as 100 %, so a run that takes microseconds and one that takes
// seconds are both readable; the absolute figures are in each segment's tooltip and label.
#pragma once

#include <QChartView>
#include <optional>

#include "core/engine/run_result.h"
#include "ui/chart_style.h"

class QBarSet;
class QHorizontalPercentBarSeries;
class QBarCategoryAxis;

namespace poolscope::ui {

class BreakdownChart : public QChartView {
    Q_OBJECT
  public:
    explicit BreakdownChart(QWidget* parent = nullptr);
    void setRuns(const std::optional<RunResult>& serial, const std::optional<RunResult>& parallel);
    void setChartStyle(const ChartStyle& style);
    // For tests: a part's worker-seconds in the serial (row 0) or parallel (row 1) bar.
    double value(int part, int row) const;
    static constexpr int kParts = 6;

  private:
    ChartStyle style_;
    QHorizontalPercentBarSeries* series_ = nullptr;
    QList<QBarSet*> sets_;
    QBarCategoryAxis* rows_ = nullptr;
    QList<double> raw_[kParts];
    QString names_[kParts];
};

}  // namespace poolscope::ui
