#include "ui/chart_style.h"

#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QPalette>
#include <QValueAxis>

namespace poolscope::ui {

ChartStyle ChartStyle::fromPalette(bool presentation) {
    ChartStyle s;
    s.presentation = presentation;
    // Qt 6.4 has no colour-scheme hint: a dark window background means a dark palette.
    s.dark = QApplication::palette().color(QPalette::Window).lightness() < 128;
    return s;
}

QColor ChartStyle::serial() const {
    return dark ? QColor(0x9e, 0xc5, 0xfe) : QColor(0x1f, 0x4e, 0xa8);
}

QColor ChartStyle::parallel() const {
    return dark ? QColor(0xff, 0xb0, 0x4d) : QColor(0xd9, 0x5f, 0x02);
}

QColor ChartStyle::shade() const {
    return dark ? QColor(255, 255, 255, 40) : QColor(0, 0, 0, 28);
}

QColor ChartStyle::core(int index) const {
    // Tableau-like categorical colours, distinguishable on a projector.
    static const QColor kColours[] = {{0x4e, 0x79, 0xa7}, {0xf2, 0x8e, 0x2b}, {0x59, 0xa1, 0x4f},
                                      {0xe1, 0x57, 0x59}, {0x76, 0xb7, 0xb2}, {0xed, 0xc9, 0x48},
                                      {0xb0, 0x7a, 0xa1}, {0x9c, 0x75, 0x5f}};
    return kColours[index % 8];
}

QColor ChartStyle::total() const {
    return dark ? QColor(Qt::white) : QColor(Qt::black);
}

QColor ChartStyle::process(int index) const {
    if (index == 0) return dark ? QColor(0x88, 0x88, 0x88) : QColor(0x9a, 0x9a, 0x9a);
    return core(index - 1).lighter(presentation ? 100 : 115);
}

QPen ChartStyle::line(const QColor& c) const {
    QPen pen(c);
    pen.setWidthF(lineWidth());
    return pen;
}

QFont ChartStyle::font() const {
    QFont f = QApplication::font();
    if (presentation) f.setPointSizeF(f.pointSizeF() * 1.3);
    return f;
}

void ChartStyle::apply(QChart* chart) const {
    chart->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart->setBackgroundRoundness(0);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->setTitleFont([&] {
        QFont f = font();
        f.setBold(true);
        return f;
    }());
    chart->legend()->setFont(font());
    for (auto* axis : chart->axes()) {
        axis->setLabelsFont(font());
        axis->setTitleFont(font());
    }
}

void configureChartView(QChartView* view) {
    view->setRenderHint(QPainter::Antialiasing);
    // Animating a live series would redraw it many times per update (the default is none;
    // stated here so no theme or default brings it back). The default minimal viewport
    // update measured cheapest: bounding-rect and full updates cost more per redraw.
    view->chart()->setAnimationOptions(QChart::NoAnimation);
}

}  // namespace poolscope::ui
