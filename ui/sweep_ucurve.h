// SweepUCurve: the chunksize trade-off of a sweep: median wall time against chunksize on a log
// axis, one line per worker count with its min–max band, the points that ran `auto` marked
// where the formula put them, and the best point starred. Too small a chunk pays a message per
// few items; too large a chunk leaves workers idle at the end: the U between is the lesson.
#pragma once

#include <QChartView>
#include <QStringList>

#include "ui/chart_style.h"
#include "ui/sweep_grid.h"

namespace poolscope::ui {

class SweepUCurve : public QChartView {
    Q_OBJECT
  public:
    explicit SweepUCurve(QWidget* parent = nullptr);
    void setDocument(const SweepDocument* doc, const SweepSlice& slice);
    void setChartStyle(const ChartStyle& style);

    // For tests: the legend's names and one line's points (chunksize, wall in axis units).
    QStringList seriesNames() const;
    QList<QPointF> linePoints(const QString& name) const;
    QString unit() const { return unit_; }

  signals:
    // A point on a line (or an auto or best marker) was clicked: the document's point index.
    void pointClicked(std::size_t point);

  private:
    void rebuild();

    const SweepDocument* doc_ = nullptr;
    SweepSlice slice_;
    ChartStyle style_;
    QString unit_;
};

}  // namespace poolscope::ui
