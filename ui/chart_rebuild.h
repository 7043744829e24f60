// For chart views that build their whole chart afresh from a document (the Sweep view's): swap
// the new chart in, and read back what a test checks (the legend's names, one series' points).
#pragma once

#include <QList>
#include <QPointF>
#include <QStringList>

class QChart;
class QChartView;

namespace poolscope::ui {

// Shows chart in view and deletes the chart it showed before.
void replaceChart(QChartView* view, QChart* chart);
// The names of the legend's visible markers, in the legend's order.
QStringList visibleLegendNames(const QChart* chart);
// The points of the XY series with this name (empty when there is none).
QList<QPointF> seriesPoints(const QChart* chart, const QString& name);

}  // namespace poolscope::ui
