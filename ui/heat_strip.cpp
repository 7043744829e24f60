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
constexpr int kTitleHeight = 16;  // a host's name above its band
constexpr int kBandGap = 4;
constexpr int kColumns = 600;  // time resolution of the image

// Fills image (kColumns × cores) from rows over [t0, t1].
void paintRows(QImage& image, const std::vector<const CoreRow*>& rows, int cores, double t0,
               double t1) {
    const QSize size(kColumns, std::max(cores, 1));
    if (image.size() != size) image = QImage(size, QImage::Format_RGB32);
    image.fill(HeatStrip::heat(0));
    // The colours of 1024 levels, computed once: a refresh writes pixels, not QColors.
    static const std::array<QRgb, 1024> kLevels = [] {
        std::array<QRgb, 1024> out{};
        for (int i = 0; i < 1024; ++i)
            out[static_cast<std::size_t>(i)] = HeatStrip::heat(i / 1023.0).rgb();
        return out;
    }();
    // Each row fills the columns up to the next row's time (a sample covers the interval
    // before it).
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const double from = i == 0 ? rows[i]->t : rows[i - 1]->t;
        const int c0 = std::max(static_cast<int>((from - t0) / (t1 - t0) * kColumns), 0);
        const int c1 =
            std::min(static_cast<int>((rows[i]->t - t0) / (t1 - t0) * kColumns), kColumns - 1);
        if (c1 < c0) continue;
        for (int core = 0; core < cores && core < static_cast<int>(rows[i]->util.size()); ++core) {
            const double u =
                std::clamp(double(rows[i]->util[static_cast<std::size_t>(core)]), 0.0, 1.0);
            const QRgb colour = kLevels[static_cast<std::size_t>(std::lround(u * 1023))];
            auto* line = reinterpret_cast<QRgb*>(image.scanLine(core));
            std::fill(line + c0, line + c1 + 1, colour);
        }
    }
}

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

QString HeatStrip::bandLabel(int band) const {
    return band >= 0 && band < bandCount() ? bands_[static_cast<std::size_t>(band)].label
                                           : QString();
}

const QImage& HeatStrip::bandImage(int band) const {
    static const QImage kNone;
    return band >= 0 && band < bandCount() ? bands_[static_cast<std::size_t>(band)].image : kNone;
}

void HeatStrip::setRows(const std::vector<const CoreRow*>& rows, int cores, double t0, double t1) {
    setBands({Band{QString(), rows, cores}}, t0, t1);
}

void HeatStrip::setBands(const std::vector<Band>& bands, double t0, double t1) {
    t0_ = t0;
    t1_ = std::max(t1, t0 + 1e-3);
    bands_.resize(bands.size());
    for (std::size_t b = 0; b < bands.size(); ++b) {
        bands_[b].label = bands[b].label;
        bands_[b].cores = bands[b].cores;
        paintRows(bands_[b].image, bands[b].rows, bands[b].cores, t0_, t1_);
    }
    update();
}

// Bands share the height in proportion to their cores (a 64-core host gets more than a 4-core
// one), each under its title when it has one.
std::vector<QRect> HeatStrip::bandRects() const {
    std::vector<QRect> out;
    int rows = 0, titles = 0;
    for (const auto& b : bands_) {
        rows += std::max(b.cores, 1);
        titles += b.label.isEmpty() ? 0 : 1;
    }
    const int gaps = bands_.empty() ? 0 : static_cast<int>(bands_.size() - 1) * kBandGap;
    const int free = std::max(height() - kAxisHeight - 4 - titles * kTitleHeight - gaps, 1);
    int y = 2;
    for (const auto& b : bands_) {
        if (!b.label.isEmpty()) y += kTitleHeight;
        const int h = std::max(free * std::max(b.cores, 1) / std::max(rows, 1), 1);
        out.emplace_back(kLabelWidth, y, std::max(width() - kLabelWidth - 4, 1), h);
        y += h + kBandGap;
    }
    return out;
}

// Everything but the heat: background, host titles, core labels, the time axis.
void HeatStrip::drawChrome() {
    ++chrome_draws_;
    chrome_ = QPixmap(size() * devicePixelRatioF());
    chrome_.setDevicePixelRatio(devicePixelRatioF());
    chrome_.fill(palette().color(QPalette::Window));
    QPainter p(&chrome_);
    p.setPen(palette().color(QPalette::WindowText));
    const auto rects = bandRects();
    QFont bold = font();
    bold.setBold(true);
    for (std::size_t b = 0; b < bands_.size(); ++b) {
        const QRect area = rects[b];
        const int cores = bands_[b].cores;
        if (!bands_[b].label.isEmpty()) {
            p.setFont(bold);
            p.drawText(QRect(4, area.top() - kTitleHeight, width() - 8, kTitleHeight),
                       Qt::AlignLeft | Qt::AlignVCenter, bands_[b].label);
            p.setFont(font());
        }
        const double rowH = cores > 0 ? area.height() / double(cores) : area.height();
        const int step = std::max(1, static_cast<int>(std::ceil(14 / std::max(rowH, 1.0))));
        for (int c = 0; c < cores; c += step) {
            const QRectF label(0, area.top() + c * rowH, kLabelWidth - 4, std::max(rowH, 12.0));
            p.drawText(label, Qt::AlignRight | Qt::AlignVCenter, tr("cpu%1").arg(c));
        }
    }
    const int left = kLabelWidth, right = std::max(width() - 4, left + 1);
    const int axisTop = height() - kAxisHeight - 2;
    const AxisUnit unit = timeUnit(t1_);
    for (int i = 0; i <= 4; ++i) {
        const double t = t0_ + (t1_ - t0_) * i / 4;
        const int x = left + (right - left) * i / 4;
        // The last label ends at the plot's right edge rather than past the widget's.
        const QRect box = i == 4 ? QRect(x - 80, axisTop, 82, kAxisHeight)
                                 : QRect(x - 40, axisTop, 80, kAxisHeight);
        p.drawText(box, i == 4 ? Qt::AlignRight : Qt::AlignHCenter,
                   QStringLiteral("%1 %2").arg(t / unit.scale, 0, 'g', 3).arg(unit.name));
    }
}

void HeatStrip::paintEvent(QPaintEvent*) {
    // The chrome changes with the size, the bands' titles and cores, the axis and the palette.
    QString key = QStringLiteral("%1x%2|%3|%4|%5|%6")
                      .arg(width())
                      .arg(height())
                      .arg(t0_)
                      .arg(t1_)
                      .arg(palette().color(QPalette::Window).rgba())
                      .arg(palette().color(QPalette::WindowText).rgba());
    for (const auto& b : bands_) key += QStringLiteral("|%1:%2").arg(b.label).arg(b.cores);
    if (key != chrome_key_ || chrome_.isNull()) {
        chrome_key_ = key;
        drawChrome();
    }
    QPainter p(this);
    p.drawPixmap(0, 0, chrome_);
    const auto rects = bandRects();
    for (std::size_t b = 0; b < bands_.size(); ++b)
        if (!bands_[b].image.isNull()) p.drawImage(rects[b], bands_[b].image);
}

}  // namespace poolscope::ui
