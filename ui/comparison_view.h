// ComparisonView: two or more runs side by side: their progress curves overlaid (one line per
// run, each ending at its wall time), their overhead breakdowns as one stacked bar per run in
// worker-seconds (so a run that moved less data shows a shorter transfer segment), their memory
// peaks, and the differences in words ("B vs A: chunksize 1 → auto (125); wall −63 %, …").
// "Copy as Markdown" puts the comparison table on the clipboard; "Save image…" writes the
// view as PNG or SVG. Runs are named A, B, C… in the order given; the first is the baseline.
#pragma once

#include <QList>
#include <QWidget>

#include "ui/chart_style.h"
#include "ui/run_ref.h"

class QChartView;
class QLabel;
class QPushButton;

namespace poolscope::ui {

class SessionModel;
struct RunTrace;

class ComparisonView : public QWidget {
    Q_OBJECT
  public:
    explicit ComparisonView(const SessionModel& session, QWidget* parent = nullptr);

    void setChartStyle(const ChartStyle& style);
    QList<RunRef> runs() const { return refs_; }

    QString differencesText() const;
    QString markdown() const;
    QChartView* progressView() const { return progress_; }
    QChartView* breakdownView() const { return breakdown_; }
    QChartView* memoryView() const { return memory_; }
    // For tests: the number of lines in the progress overlay, a breakdown part (0..5) of a
    // run in worker-seconds, and a run's peak PSS in bytes.
    int progressLineCount() const;
    double breakdownValue(int part, int run) const;
    double memoryPeak(int run) const;

  public slots:
    void setRuns(const QList<poolscope::ui::RunRef>& runs);
    // Re-reads the runs from the session (a run still streaming, a run deleted).
    void refresh();

  signals:
    void message(const QString& text);

  private:
    QList<const RunTrace*> resolved() const;
    void fillProgress(const QList<const RunTrace*>& runs);
    void fillBreakdown(const QList<const RunTrace*>& runs);
    void fillMemory(const QList<const RunTrace*>& runs);
    void saveImage();

    const SessionModel& session_;
    QList<RunRef> refs_;
    ChartStyle style_;
    QChartView* progress_ = nullptr;
    QChartView* breakdown_ = nullptr;
    QChartView* memory_ = nullptr;
    QLabel* differences_ = nullptr;
    QPushButton* copy_ = nullptr;
    QList<QList<double>> parts_;  // [part][run], worker-seconds
    QList<double> peaks_;
};

}  // namespace poolscope::ui
