#include "ui/chart_rebuild.h"

#include <QChart>
#include <QChartView>
#include <QLegend>
#include <QLegendMarker>
#include <QXYSeries>

namespace poolscope::ui {

void replaceChart(QChartView* view, QChart* chart) {
    QChart* old = view->chart();
    view->setChart(chart);
    delete old;
}

QStringList visibleLegendNames(const QChart* chart) {
    QStringList names;
    for (auto* m : chart->legend()->markers())
        if (m->isVisible()) names << m->label();
    return names;
}

QList<QPointF> seriesPoints(const QChart* chart, const QString& name) {
    for (auto* s : chart->series())
        if (s->name() == name)
            if (auto* xy = qobject_cast<QXYSeries*>(s)) return xy->points();
    return {};
}

}  // namespace poolscope::ui
