#include "ui/sweep_heatmap.h"

#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>
#include <algorithm>
#include <cmath>

#include "ui/axis_units.h"

namespace poolscope::ui {

namespace {

constexpr int kPad = 6;
constexpr int kLegendBar = 14;

QColor mix(const QColor& a, const QColor& b, double t) {
    return QColor::fromRgbF(static_cast<float>(a.redF() + (b.redF() - a.redF()) * t),
                            static_cast<float>(a.greenF() + (b.greenF() - a.greenF()) * t),
                            static_cast<float>(a.blueF() + (b.blueF() - a.blueF()) * t));
}

QString speedupText(double s) {
    return QString::number(s, 'f', s < 10 ? 2 : 1) + QStringLiteral("×");
}

bool dark(const QColor& c) {
    return c.lightnessF() < 0.5;
}

}  // namespace

SweepHeatmap::SweepHeatmap(QWidget* parent) : QWidget(parent) {
    setMouseTracking(true);
    setObjectName(QStringLiteral("sweepHeatmap"));
    style_ = ChartStyle::fromPalette(false);
}

void SweepHeatmap::setDocument(const SweepDocument* doc, const SweepSlice& slice) {
    doc_ = doc;
    grid_ = doc ? SweepGrid::build(*doc, slice) : SweepGrid{};
    if (selected_ && (!doc || *selected_ >= doc->points.size())) selected_.reset();
    hovered_.reset();
    updateRange();
    update();
}

void SweepHeatmap::setMeasure(Measure m) {
    measure_ = m;
    updateRange();
    update();
}

void SweepHeatmap::setChartStyle(const ChartStyle& style) {
    style_ = style;
    updateGeometry();
    update();
}

void SweepHeatmap::select(std::optional<std::size_t> point) {
    selected_ = point;
    update();
}

double SweepHeatmap::scaleOf(std::size_t i) const {
    const auto& p = doc_->points[i];
    return measure_ == Measure::Speedup ? std::log2(std::max(p.speedup, 1e-9))
                                        : std::log10(std::max(p.wall.median, 1e-12));
}

void SweepHeatmap::updateRange() {
    low_ = high_ = 0;
    if (!doc_) return;
    bool any = false;
    double lo = 0, hi = 0;
    for (const auto& row : grid_.cells)
        for (const auto& cell : row) {
            if (!cell || !doc_->points[*cell].ran) continue;
            if (measure_ == Measure::Speedup && doc_->points[*cell].speedup <= 0) continue;
            const double v = scaleOf(*cell);
            lo = any ? std::min(lo, v) : v;
            hi = any ? std::max(hi, v) : v;
            any = true;
        }
    if (measure_ == Measure::Speedup) {
        // Symmetric around 1× so that grey always means "as fast as serial".
        const double m = std::max({std::abs(lo), std::abs(hi), std::log2(1.5)});
        low_ = -m;
        high_ = m;
    } else {
        low_ = lo;
        high_ = hi > lo ? hi : lo + 0.1;
    }
}

QColor SweepHeatmap::colourAt(double t) const {
    t = std::clamp(t, 0.0, 1.0);
    const QColor bad(0xd7, 0x30, 0x27);
    const QColor good(0x1a, 0x98, 0x50);
    if (measure_ == Measure::Speedup) {
        const QColor even = style_.dark ? QColor(0x5a, 0x5a, 0x5a) : QColor(0xee, 0xee, 0xee);
        return t < 0.5 ? mix(bad, even, t / 0.5) : mix(even, good, (t - 0.5) / 0.5);
    }
    const QColor middle(0xfe, 0xe0, 0x8b);
    return t < 0.5 ? mix(bad, middle, t / 0.5) : mix(middle, good, (t - 0.5) / 0.5);
}

QColor SweepHeatmap::cellColour(std::size_t i) const {
    if (!doc_ || i >= doc_->points.size() || !doc_->points[i].ran)
        return palette().color(QPalette::Window);
    if (measure_ == Measure::Speedup && doc_->points[i].speedup <= 0)
        return palette().color(QPalette::Mid);  // no baseline yet
    double t = (scaleOf(i) - low_) / (high_ - low_);
    if (measure_ == Measure::Wall) t = 1 - t;  // fastest is green
    return colourAt(t);
}

QString SweepHeatmap::cellText(std::size_t i) const {
    const auto& p = doc_->points[i];
    if (!p.ran) return QStringLiteral("—");
    if (measure_ == Measure::Speedup) return p.speedup > 0 ? speedupText(p.speedup) : QString();
    return formatSeconds(p.wall.median);
}

QString SweepHeatmap::cellToolTip(std::size_t i) const {
    const auto& p = doc_->points[i];
    QString t = QStringLiteral("<b>%1</b>").arg(doc_->label(i).toHtmlEscaped());
    if (doc_->valueOf(p, "chunksize") == "auto")
        t += tr("<br>chunksize auto = ceil(n / (4·%1)) = %2").arg(p.workers).arg(p.chunksize);
    if (!p.ran) return t + tr("<br>not run");
    t += tr("<br>median %1 (min %2 … max %3)")
             .arg(formatSeconds(p.wall.median), formatSeconds(p.wall.min),
                  formatSeconds(p.wall.max));
    if (p.speedup > 0)
        t += tr("<br>speedup %1 · efficiency %2")
                 .arg(speedupText(p.speedup), QString::number(p.efficiency, 'f', 2));
    if (p.T > 0 || p.C > 0) t += tr("<br>T %1 · C %2").arg(formatSeconds(p.T), formatSeconds(p.C));
    if (const auto& r = doc_->recommendation) {
        if (r->best == i)
            t += tr("<br>★ the best point");
        else if (std::find(r->within_noise.begin(), r->within_noise.end(), i) !=
                 r->within_noise.end())
            t += tr("<br>within the noise of the best");
    }
    if (doc_->chunksize && doc_->chunksize->formula_point == i)
        t += tr("<br>the formula's choice ceil(n / (4W))");
    if (!p.complete) t += tr("<br>partial: not every run finished");
    if (!p.checksumsMatch) t += tr("<br>checksums differ from serial!");
    return t;
}

QRect SweepHeatmap::plotRect() const {
    const QFontMetrics fm(style_.font());
    int labelW = fm.horizontalAdvance(QStringLiteral("000"));
    for (const auto& r : grid_.rows)
        labelW = std::max(labelW, fm.horizontalAdvance(QString::fromStdString(r)));
    const int left = fm.height() + labelW + 2 * kPad;
    const int right = kLegendBar + fm.horizontalAdvance(QStringLiteral("100.0 ms ")) + 3 * kPad;
    const int bottom = 2 * fm.height() + 2 * kPad;
    return QRect(left, kPad, std::max(10, width() - left - right),
                 std::max(10, height() - kPad - bottom));
}

QRect SweepHeatmap::cellRect(int row, int column) const {
    const QRect plot = plotRect();
    const int rows = std::max<int>(1, static_cast<int>(grid_.rows.size()));
    const int cols = std::max<int>(1, static_cast<int>(grid_.columns.size()));
    const int x0 = plot.left() + plot.width() * column / cols;
    const int x1 = plot.left() + plot.width() * (column + 1) / cols;
    const int y0 = plot.top() + plot.height() * row / rows;
    const int y1 = plot.top() + plot.height() * (row + 1) / rows;
    return QRect(x0, y0, x1 - x0, y1 - y0);
}

std::optional<std::size_t> SweepHeatmap::pointAt(const QPoint& pos) const {
    for (std::size_t r = 0; r < grid_.rows.size(); ++r)
        for (std::size_t c = 0; c < grid_.columns.size(); ++c)
            if (cellRect(static_cast<int>(r), static_cast<int>(c)).contains(pos))
                return grid_.cells[r][c];
    return std::nullopt;
}

void SweepHeatmap::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(rect(), palette().color(QPalette::Base));
    const QFont font = style_.font();
    p.setFont(font);
    const QFontMetrics fm(font);
    const QColor text = palette().color(QPalette::Text);
    if (!doc_ || grid_.rows.empty() || grid_.columns.empty()) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(rect(), Qt::AlignCenter | Qt::TextWordWrap,
                   tr("Run a sweep (or open a saved one) to see workers × chunksize here."));
        return;
    }
    const QRect plot = plotRect();
    const auto& rec = doc_->recommendation;
    // The formula's cell (none: past every index; an optional here trips a GCC warning).
    const std::size_t formula = doc_->chunksize && doc_->chunksize->formula_point
                                    ? *doc_->chunksize->formula_point
                                    : doc_->points.size();
    for (std::size_t r = 0; r < grid_.rows.size(); ++r) {
        for (std::size_t c = 0; c < grid_.columns.size(); ++c) {
            const QRect cell =
                cellRect(static_cast<int>(r), static_cast<int>(c)).adjusted(1, 1, -1, -1);
            const auto idx = grid_.cells[r][c];
            if (!idx) {
                p.fillRect(cell, palette().color(QPalette::AlternateBase));
                continue;
            }
            const QColor bg = cellColour(*idx);
            if (doc_->points[*idx].ran) {
                p.fillRect(cell, bg);
            } else {  // not run (yet): a faint hatch, quieter than any colour of the scale
                QColor hatch = text;
                hatch.setAlpha(40);
                p.fillRect(cell, palette().color(QPalette::AlternateBase));
                p.fillRect(cell, QBrush(hatch, Qt::BDiagPattern));
            }
            // The star goes first; when the cell is too narrow for both, the figure stays.
            const QString figure = cellText(*idx);
            const bool isBest = rec && rec->best == *idx;
            // The star first; in a narrow cell the figure alone, then without its unit.
            QStringList labels{figure};
            if (isBest) labels.prepend(QStringLiteral("★ ") + figure);
            if (figure.endsWith(QStringLiteral("×"))) labels << figure.chopped(1);
            for (const QString& label : labels) {
                QFont f = font;
                QFontMetrics cfm(f);
                while (cfm.horizontalAdvance(label) > cell.width() - 4 && f.pointSizeF() > 6.5) {
                    f.setPointSizeF(f.pointSizeF() - 0.5);
                    cfm = QFontMetrics(f);
                }
                if (cfm.horizontalAdvance(label) > cell.width() - 2 || cfm.height() > cell.height())
                    continue;
                p.setFont(f);
                p.setPen(dark(bg) ? Qt::white : Qt::black);
                p.drawText(cell, Qt::AlignCenter, label);
                p.setFont(font);
                break;
            }
            if (formula == *idx) {
                QPen dash(text, 2, Qt::DashLine);
                p.setPen(dash);
                p.drawRect(cell.adjusted(2, 2, -2, -2));
            }
            if (rec && rec->best == *idx) {
                p.setPen(QPen(text, style_.presentation ? 4 : 3));
                p.drawRect(cell.adjusted(1, 1, -1, -1));
            }
            if (selected_ == *idx || hovered_ == *idx) {
                p.setPen(QPen(palette().color(QPalette::Highlight), selected_ == *idx ? 3 : 1.5));
                p.drawRect(cell.adjusted(4, 4, -4, -4));
            }
        }
    }
    // Row labels (workers) and their title, rotated, on the left.
    p.setPen(text);
    for (std::size_t r = 0; r < grid_.rows.size(); ++r) {
        const QRect cell = cellRect(static_cast<int>(r), 0);
        p.drawText(QRect(fm.height() + kPad, cell.top(), plot.left() - fm.height() - 2 * kPad,
                         cell.height()),
                   Qt::AlignRight | Qt::AlignVCenter, QString::fromStdString(grid_.rows[r]));
    }
    p.save();
    p.translate(fm.ascent(), plot.center().y());
    p.rotate(-90);
    p.drawText(QRect(-plot.height() / 2, -fm.ascent(), plot.height(), fm.height()), Qt::AlignCenter,
               tr("workers"));
    p.restore();
    // Column labels (chunksize) and their title below.
    for (std::size_t c = 0; c < grid_.columns.size(); ++c) {
        const QRect cell = cellRect(0, static_cast<int>(c));
        QString l = QString::fromStdString(grid_.columns[c]);
        if (fm.horizontalAdvance(l) > cell.width() && c % 2 == 1) continue;  // every other one
        p.drawText(QRect(cell.left() - kPad, plot.bottom() + kPad / 2, cell.width() + 2 * kPad,
                         fm.height()),
                   Qt::AlignCenter, l);
    }
    // Centred under the cells, but free to run past them rather than be clipped.
    const QString title = tr("chunksize (items per task)");
    const int titleW = fm.horizontalAdvance(title);
    const int titleX = std::clamp(plot.center().x() - titleW / 2, 0, std::max(0, width() - titleW));
    p.drawText(QRect(titleX, plot.bottom() + kPad + fm.height(), titleW + 2, fm.height()),
               Qt::AlignCenter, title);
    paintLegend(p, QRect(plot.right() + 2 * kPad, plot.top(), width() - plot.right() - 2 * kPad,
                         plot.height()));
}

void SweepHeatmap::paintLegend(QPainter& p, const QRect& area) const {
    const QFontMetrics fm(p.font());
    // Below the title, with half a line of room for the labels centred on the bar's ends.
    const int top = area.top() + fm.height() + fm.height() / 2 + 2;
    const QRect bar(area.left(), top, kLegendBar,
                    std::max(20, area.bottom() - fm.height() / 2 - top));
    for (int y = 0; y < bar.height(); ++y)
        p.fillRect(QRect(bar.left(), bar.top() + y, bar.width(), 1),
                   colourAt(1.0 - static_cast<double>(y) / std::max(1, bar.height() - 1)));
    p.setPen(palette().color(QPalette::Text));
    p.drawRect(bar);
    const int x = bar.right() + kPad;
    const auto at = [&](double t, const QString& s) {
        const int y = bar.bottom() - static_cast<int>(t * bar.height());
        p.drawLine(bar.right(), y, bar.right() + 3, y);
        p.drawText(QRect(x, y - fm.height() / 2, area.right() - x, fm.height()),
                   Qt::AlignLeft | Qt::AlignVCenter, s);
    };
    if (measure_ == Measure::Speedup) {
        p.drawText(QRect(area.left(), area.top(), area.width(), fm.height()), Qt::AlignLeft,
                   tr("speedup"));
        at(1, speedupText(std::exp2(high_)));
        at(0.5, tr("1× serial"));
        at(0, speedupText(std::exp2(low_)));
    } else {
        p.drawText(QRect(area.left(), area.top(), area.width(), fm.height()), Qt::AlignLeft,
                   tr("wall"));
        at(1, formatSeconds(std::pow(10, low_)));
        at(0.5, formatSeconds(std::pow(10, (low_ + high_) / 2)));
        at(0, formatSeconds(std::pow(10, high_)));
    }
}

bool SweepHeatmap::event(QEvent* e) {
    if (e->type() == QEvent::ToolTip && doc_) {
        auto* help = static_cast<QHelpEvent*>(e);
        if (const auto i = pointAt(help->pos()))
            QToolTip::showText(help->globalPos(), cellToolTip(*i), this);
        else
            QToolTip::hideText();
        return true;
    }
    if (e->type() == QEvent::MouseMove && doc_) {
        const auto i = pointAt(static_cast<QMouseEvent*>(e)->position().toPoint());
        if (i != hovered_) {
            hovered_ = i;
            update();
        }
    } else if (e->type() == QEvent::Leave && hovered_) {
        hovered_.reset();
        update();
    }
    return QWidget::event(e);
}

void SweepHeatmap::mousePressEvent(QMouseEvent* e) {
    if (!doc_) return;
    if (const auto i = pointAt(e->position().toPoint())) {
        selected_ = i;
        update();
        emit pointSelected(*i);
    }
}

void SweepHeatmap::mouseDoubleClickEvent(QMouseEvent* e) {
    if (!doc_) return;
    if (const auto i = pointAt(e->position().toPoint()); i && doc_->points[*i].ran)
        emit pointActivated(*i);
}

}  // namespace poolscope::ui
