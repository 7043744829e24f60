// ResultPanel: the outcome of the current request: the overhead breakdown of the serial and
// the parallel run, the comparison's figures (wall, speedup, efficiency, T, C, peak PSS; with
// --backend mpi each host's peak PSS and CPU time) and the verdict in plain words. A checksum
// mismatch is shown loudly: it means wrong results.
#pragma once

#include <QWidget>

#include "ui/chart_style.h"
#include "ui/view_signature.h"

class QLabel;

namespace poolscope::ui {

class SessionModel;
class BreakdownChart;

class ResultPanel : public QWidget {
    Q_OBJECT
  public:
    explicit ResultPanel(QWidget* parent = nullptr);
    void refresh(const SessionModel& session);
    void setChartStyle(const ChartStyle& style);

    QString figuresText() const;
    QString verdictText() const;
    const BreakdownChart* breakdown() const { return breakdown_; }

  private:
    BreakdownChart* breakdown_ = nullptr;
    QLabel* figures_ = nullptr;
    QLabel* summary_ = nullptr;
    QLabel* verdict_ = nullptr;
    ViewSignature signature_;
};

}  // namespace poolscope::ui
