// ProgressChart: items done against seconds since each run's start, the newest serial and the
// newest parallel run overlaid on one axis, each run's wall time written at the end of its
// line, and the parallel run's start-up and teardown shaded: the article's first lesson (the
// pool is busy starting while the serial loop is already done) in one picture. Lines are drawn
// decimated to the plot's pixels (ChartDecimator).
#pragma once

#include <QChartView>

#include "ui/chart_decimation.h"
#include "ui/chart_style.h"
#include "ui/view_signature.h"

class QLineSeries;
class QAreaSeries;
class QValueAxis;
class QGraphicsSimpleTextItem;

namespace poolscope::ui {

class SessionModel;
struct RunTrace;

class ProgressChart : public QChartView {
    Q_OBJECT
  public:
    explicit ProgressChart(QWidget* parent = nullptr);
    void refresh(const SessionModel& session);
    void setChartStyle(const ChartStyle& style);

    // For tests: the points of the serial (true) or parallel (false) line, in axis units (all
    // of them; what is drawn is their decimation).
    QList<QPointF> linePoints(bool serial) const;
    QString axisUnit() const { return unit_; }

  protected:
    void resizeEvent(QResizeEvent* event) override;

  private:
    void placeLabels();
    void setBand(QAreaSeries* band, double from, double to, double top);

    ChartStyle style_;
    QLineSeries* serial_ = nullptr;
    QLineSeries* parallel_ = nullptr;
    QAreaSeries* startup_ = nullptr;
    QAreaSeries* teardown_ = nullptr;
    QValueAxis* x_ = nullptr;
    QValueAxis* y_ = nullptr;
    QGraphicsSimpleTextItem* serial_label_ = nullptr;
    QGraphicsSimpleTextItem* parallel_label_ = nullptr;
    QString unit_;
    ViewSignature signature_;
    ChartDecimator* decimator_ = nullptr;
    double x_max_ = 0;  // seconds
};

}  // namespace poolscope::ui
