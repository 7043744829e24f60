// Chart export: any widget (a QChartView, a panel, the whole window) as a PNG image of what is
// on screen, or as an SVG drawing that stays sharp when scaled in a report or on slides.
#pragma once

#include <QString>

class QWidget;

namespace poolscope::ui {

bool saveWidgetPng(QWidget* widget, const QString& path, QString* error);
bool saveWidgetSvg(QWidget* widget, const QString& path, QString* error);
// By the path's suffix: .svg → SVG, anything else → PNG.
bool saveWidgetImage(QWidget* widget, const QString& path, QString* error);

}  // namespace poolscope::ui
