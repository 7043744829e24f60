// MemoryChart: the PSS of every process of the current request stacked (engine, then each
// worker, or the serial child), with the summed RSS as a dashed line above it. The gap between
// the two is memory shared copy-on-write that RSS counts once per process: summed RSS
// overstates, PSS is the honest total. The peak of the PSS sum is marked. Units auto-scale.
#pragma once

#include <QChartView>
#include <QList>
#include <string>
#include <vector>

#include "ui/chart_style.h"
#include "ui/run_trace.h"
#include "ui/view_signature.h"

class QAreaSeries;
class QLineSeries;
class QScatterSeries;
class QValueAxis;

namespace poolscope::ui {

class SessionModel;

class MemoryChart : public QChartView {
    Q_OBJECT
  public:
    static constexpr int kMaxLayers = 17;  // engine + 16 processes; the rest are summed

    explicit MemoryChart(QWidget* parent = nullptr);
    void refresh(const SessionModel& session);
    void setChartStyle(const ChartStyle& style);

    int layers() const { return static_cast<int>(layers_.size()); }
    QList<QPointF> rssPoints() const;
    QList<QPointF> topOfStack() const;  // the upper line of the last layer
    QString axisUnit() const { return unit_; }

  private:
    void setLayers(const std::vector<ProcessKey>& keys);
    void styleLayers();

    ChartStyle style_;
    std::vector<ProcessKey> keys_;
    QList<QAreaSeries*> layers_;
    QLineSeries* rss_ = nullptr;
    QScatterSeries* peak_ = nullptr;
    QValueAxis* x_ = nullptr;
    QValueAxis* y_ = nullptr;
    QString unit_;
    ViewSignature signature_;
    int request_ = 0;
    double x_max_ = 0;  // seconds
    double y_max_ = 0;  // in y_unit_
    QString y_unit_;
};

}  // namespace poolscope::ui
