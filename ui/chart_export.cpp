#include "ui/chart_export.h"

#include <QBuffer>
#include <QFileInfo>
#include <QPainter>
#include <QPixmap>
#include <QSvgGenerator>
#include <QWidget>

#include "ui/history_export.h"

namespace poolscope::ui {

bool saveWidgetPng(QWidget* widget, const QString& path, QString* error) {
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    if (!widget || !widget->grab().save(&buffer, "PNG")) {
        if (error) *error = QObject::tr("Cannot render this view as an image.");
        return false;
    }
    return writeExport(path, png, error);
}

bool saveWidgetSvg(QWidget* widget, const QString& path, QString* error) {
    if (!widget) {
        if (error) *error = QObject::tr("Cannot render this view as an image.");
        return false;
    }
    QByteArray svg;
    QBuffer buffer(&svg);
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator generator;
    generator.setOutputDevice(&buffer);
    generator.setSize(widget->size());
    generator.setViewBox(widget->rect());
    generator.setTitle(widget->windowTitle().isEmpty() ? QObject::tr("PoolScope chart")
                                                       : widget->windowTitle());
    generator.setDescription(QObject::tr("Exported from PoolScope"));
    QPainter painter;
    if (!painter.begin(&generator)) {
        if (error) *error = QObject::tr("Cannot start an SVG drawing.");
        return false;
    }
    widget->render(&painter);
    painter.end();
    return writeExport(path, svg, error);
}

bool saveWidgetImage(QWidget* widget, const QString& path, QString* error) {
    if (QFileInfo(path).suffix().compare(QStringLiteral("svg"), Qt::CaseInsensitive) == 0)
        return saveWidgetSvg(widget, path, error);
    return saveWidgetPng(widget, path, error);
}

}  // namespace poolscope::ui
