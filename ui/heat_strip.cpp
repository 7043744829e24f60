#include "ui/heat_strip.h"

#include <QPainter>
#include <algorithm>
#include <array>
#include <cmath>

#include "ui/axis_units.h"

namespace poolscope::ui {

namespace {
constexpr int kLabelWidth = 48;
constexpr int kAxisHeight = 18;
constexpr int kColumns = 600;  // time resolution of the image
}  // namespace

HeatStrip::HeatStrip(QWidget* parent) : QWidget(parent) {
    setMinimumHeight(120);
    // paintEvent fills every pixel: the widgets behind need no repaint on each refresh.
    setAttribute(Qt::WA_OpaquePaintEvent);
}

QColor HeatStrip::heat(double util) {
    const double u = std::clamp(util, 0.0, 1.0);
    // Dark blue → red → yellow: idle reads as background, a busy core glows.
    const int r = static_cast<int>(std::lround(255 * std::min(1.0, u * 1.6)));
    const int g = static_cast<int>(std::lround(230 * std::max(0.0, u * 1.6 - 0.6)));
    const int b = static_cast<int>(std::lround(90 * (1 - u)));
    return {std::min(r, 255), std::min(g, 255), b + 30};
}

void HeatStrip::setRows(const std::vector<const CoreRow*>& rows, int cores, double t0, double t1) {
    cores_ = cores;
    t0_ = t0;
    t1_ = std::max(t1, t0 + 1e-3);
    const QSize size(kColumns, std::max(cores, 1));
    if (image_.size() != size) image_ = QImage(size, QImage::Format_RGB32);
    image_.fill(heat(0));
    // The colours of 1024 levels, computed once: a refresh writes pixels, not QColors.
    static const std::array<QRgb, 1024> kLevels = [] {
        std::array<QRgb, 1024> out{};
        for (int i = 0; i < 1024; ++i) out[static_cast<std::size_t>(i)] = heat(i / 1023.0).rgb();
        return out;
    }();
    // Each row fills the columns up to the next row's time (a sample covers the interval
    // before it).
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const double from = i == 0 ? rows[i]->t : rows[i - 1]->t;
        const int c0 = std::max(static_cast<int>((from - t0_) / (t1_ - t0_) * kColumns), 0);
        const int c1 =
            std::min(static_cast<int>((rows[i]->t - t0_) / (t1_ - t0_) * kColumns), kColumns - 1);
        if (c1 < c0) continue;
        for (int core = 0; core < cores && core < static_cast<int>(rows[i]->util.size()); ++core) {
            const double u =
                std::clamp(double(rows[i]->util[static_cast<std::size_t>(core)]), 0.0, 1.0);
            const QRgb colour = kLevels[static_cast<std::size_t>(std::lround(u * 1023))];
            auto* line = reinterpret_cast<QRgb*>(image_.scanLine(core));
            std::fill(line + c0, line + c1 + 1, colour);
        }
    }
    update();
}

void HeatStrip::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.fillRect(rect(), palette().window());
    const QRect area(kLabelWidth, 2, width() - kLabelWidth - 4, height() - kAxisHeight - 4);
    if (!image_.isNull()) p.drawImage(area, image_);
    p.setPen(palette().color(QPalette::WindowText));
    const double rowH = cores_ > 0 ? area.height() / double(cores_) : area.height();
    const int step = std::max(1, static_cast<int>(std::ceil(14 / std::max(rowH, 1.0))));
    for (int c = 0; c < cores_; c += step) {
        const QRectF label(0, area.top() + c * rowH, kLabelWidth - 4, std::max(rowH, 12.0));
        p.drawText(label, Qt::AlignRight | Qt::AlignVCenter, tr("cpu%1").arg(c));
    }
    const AxisUnit unit = timeUnit(t1_);
    for (int i = 0; i <= 4; ++i) {
        const double t = t0_ + (t1_ - t0_) * i / 4;
        const int x = area.left() + area.width() * i / 4;
        p.drawText(QRect(x - 40, area.bottom() + 2, 80, kAxisHeight), Qt::AlignHCenter,
                   QStringLiteral("%1 %2").arg(t / unit.scale, 0, 'g', 3).arg(unit.name));
    }
}

}  // namespace poolscope::ui
