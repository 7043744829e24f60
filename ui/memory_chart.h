// MemoryChart: the PSS of every process of the current request stacked (engine, then each
// worker, or the serial child), with the summed RSS as a dashed line above it. The gap between
// the two is memory shared copy-on-write that RSS counts once per process: summed RSS
// overstates, PSS is the honest total. The peak of the PSS sum is marked. Units auto-scale.
// At most kMaxLayers layers are stacked (each costs two lines to stroke on every redraw, and
// more colours than that cannot be told apart): past that the last layer sums the other workers.
// Lines are drawn decimated to the plot's pixels (ChartDecimator). A worker seen as a zombie
// (exited, not yet reaped: no memory left) is named so: "w1 · zombie", then "w1 · was a zombie".
// With --backend mpi each host is sampled apart: its processes are stacked as one group (the
// engine's host at the bottom), named by host ("host-b · w3"), each host's latest figures held
// until its next sample.
#pragma once

#include <QChartView>
#include <QList>
#include <QStringList>
#include <string>
#include <vector>

#include "ui/chart_decimation.h"
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
    static constexpr int kMaxLayers = 8;  // engine + 6 workers + the other workers summed

    explicit MemoryChart(QWidget* parent = nullptr);
    void refresh(const SessionModel& session);
    void setChartStyle(const ChartStyle& style);

    int layers() const { return static_cast<int>(layers_.size()); }
    QString layerName(int layer) const;
    // Every point the chart holds (what it draws is their decimation to the plot's pixels).
    QList<QPointF> rssPoints() const;
    QList<QPointF> topOfStack() const;  // the upper line of the last layer
    QList<QPointF> layerTop(int layer) const;
    const ChartDecimator& decimator() const { return *decimator_; }
    QString axisUnit() const { return unit_; }

  private:
    void setLayers(const std::vector<ProcessKey>& keys, const QStringList& names);
    void styleLayers();

    ChartStyle style_;
    std::vector<ProcessKey> keys_;
    QStringList names_;
    ChartDecimator* decimator_ = nullptr;
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
