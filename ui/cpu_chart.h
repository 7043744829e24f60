// CpuChart: per-core utilisation of the machine during the current request (serial and parallel
// runs one after the other, the runs' intervals shaded): one line per core up to 8 cores, a
// heat strip beyond, always with the total; steal appears when the hypervisor took any. Lines
// are drawn decimated to the plot's pixels (ChartDecimator).
#pragma once

#include <QList>
#include <QWidget>

#include "ui/chart_style.h"
#include "ui/view_signature.h"

class QChartView;
class QLineSeries;
class QAreaSeries;
class QValueAxis;
class QStackedLayout;

namespace poolscope::ui {

class SessionModel;
class HeatStrip;
class ChartDecimator;

class CpuChart : public QWidget {
    Q_OBJECT
  public:
    static constexpr int kMaxLines = 8;

    explicit CpuChart(QWidget* parent = nullptr);
    void refresh(const SessionModel& session);
    void setChartStyle(const ChartStyle& style);

    bool showsHeatStrip() const;
    int coreLines() const { return static_cast<int>(cores_.size()); }
    QList<QPointF> totalPoints() const;  // all of them; what is drawn is their decimation

  private:
    void ensureCores(int n);
    void styleLines();

    ChartStyle style_;
    QStackedLayout* stack_ = nullptr;
    QChartView* view_ = nullptr;
    HeatStrip* strip_ = nullptr;
    QList<QLineSeries*> cores_;
    QLineSeries* total_ = nullptr;
    QLineSeries* steal_ = nullptr;
    QAreaSeries* serial_band_ = nullptr;
    QAreaSeries* parallel_band_ = nullptr;
    QValueAxis* x_ = nullptr;
    QValueAxis* y_ = nullptr;
    ViewSignature signature_;
    ChartDecimator* decimator_ = nullptr;
    int request_ = 0;
    double x_max_ = 0;  // seconds
};

}  // namespace poolscope::ui
