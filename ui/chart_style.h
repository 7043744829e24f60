// ChartStyle: colours and pen widths of every chart, in one place, so presentation mode
// (thicker lines, larger fonts, high contrast) and the light or dark palette apply everywhere.
#pragma once

#include <QColor>
#include <QFont>
#include <QPen>

class QChart;
class QChartView;

namespace poolscope::ui {

struct ChartStyle {
    bool presentation = false;
    bool dark = false;

    static ChartStyle fromPalette(bool presentation);

    QColor serial() const;
    QColor parallel() const;
    QColor shade() const;  // start-up and teardown bands
    QColor core(int index) const;
    QColor total() const;
    QColor process(int index) const;  // stacked memory layers
    QPen line(const QColor& c) const;
    qreal lineWidth() const { return presentation ? 3.5 : 1.8; }
    QFont font() const;
    // Background, text and grid colours of a chart.
    void apply(QChart* chart) const;
};

// How every live chart's view paints: antialiased, without animations.
void configureChartView(QChartView* view);

}  // namespace poolscope::ui
