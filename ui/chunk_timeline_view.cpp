#include "ui/chunk_timeline_view.h"

#include <QContextMenuEvent>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QMenu>
#include <QMouseEvent>
#include <QToolTip>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>

#include "ui/axis_units.h"

namespace poolscope::ui {
namespace {
constexpr double kMinSpan = 1e-7;        // 100 ns: below the stamps' useful resolution
constexpr qint64 kWheelGestureMs = 700;  // wheel steps closer than this are one zoom step
}  // namespace

ChunkTimelineView::ChunkTimelineView(QWidget* parent) : QWidget(parent) {
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    live_repaint_.setSingleShot(true);
    connect(&live_repaint_, &QTimer::timeout, this, qOverload<>(&QWidget::update));
}

void ChunkTimelineView::setRun(const RunTrace* run) {
    const bool other = run != model_.run() || (run && run->run_id != model_.runId());
    const uint64_t seen = model_.generation();
    model_.setRun(run);
    live_ = run && !run->finished();
    live_end_ = live_ ? steadyAxisMax(other ? 0 : live_end_, model_.duration()) : 0;
    if (other) {
        // Ranges of another run mean nothing here.
        stack_.clear();
        range_.reset();
        drag_ = Drag::None;
    } else if (model_.generation() == seen) {
        return;  // nothing new to draw
    }
    if (other || !live_ || !last_paint_.isValid() || last_paint_.elapsed() >= live_repaint_ms_)
        return update();
    if (!live_repaint_.isActive())
        live_repaint_.start(static_cast<int>(live_repaint_ms_ - last_paint_.elapsed()));
}

void ChunkTimelineView::setChartStyle(const ChartStyle& style) {
    style_ = style;
    updateGeometry();
    update();
}

QPair<double, double> ChunkTimelineView::fullRange() const {
    return {0.0, live_ ? live_end_ : std::max(model_.duration(), 1e-6)};
}

QPair<double, double> ChunkTimelineView::visibleRange() const {
    return range_ ? *range_ : fullRange();
}

void ChunkTimelineView::setRange(Range range) {
    if (range) {
        auto& [a, b] = *range;
        if (b < a) std::swap(a, b);
        if (b - a < kMinSpan) {
            const double mid = (a + b) / 2;
            a = mid - kMinSpan / 2;
            b = mid + kMinSpan / 2;
        }
    }
    range_ = range;
    update();
}

void ChunkTimelineView::pushAndSet(Range range) {
    stack_.push_back(range_);
    setRange(range);
}

void ChunkTimelineView::zoomTo(double t0_s, double t1_s) {
    pushAndSet(QPair<double, double>{t0_s, t1_s});
}

void ChunkTimelineView::zoomBack() {
    if (stack_.empty()) return resetZoom();
    const Range previous = stack_.back();
    stack_.pop_back();
    setRange(previous);
}

void ChunkTimelineView::resetZoom() {
    stack_.clear();
    setRange(std::nullopt);
}

double ChunkTimelineView::timeAt(double x) const {
    const QRect plot = plotRect();
    const auto [t0, t1] = visibleRange();
    return t0 + (x - plot.left()) / std::max(plot.width(), 1) * (t1 - t0);
}

double ChunkTimelineView::xOf(double t) const {
    const QRect plot = plotRect();
    const auto [t0, t1] = visibleRange();
    return plot.left() + (t - t0) / (t1 - t0) * plot.width();
}

void ChunkTimelineView::wheelEvent(QWheelEvent* event) {
    const QRect plot = plotRect();
    if (model_.rowCount() == 0 || plot.width() <= 0) return;
    const QPoint angle = event->angleDelta();
    const bool pan = angle.x() != 0 || (event->modifiers() & Qt::ShiftModifier);
    const double steps = (angle.y() != 0 ? angle.y() : angle.x()) / 120.0;
    if (!last_wheel_.isValid() || last_wheel_.elapsed() > kWheelGestureMs) stack_.push_back(range_);
    last_wheel_.restart();
    auto [t0, t1] = visibleRange();
    if (pan) {
        const double shift = -steps * 0.1 * (t1 - t0);
        setRange(QPair<double, double>{t0 + shift, t1 + shift});
    } else {
        const double f = std::pow(0.8, steps);
        const double x =
            std::clamp(event->position().x(), double(plot.left()), double(plot.right()));
        const double tc = timeAt(x);
        setRange(QPair<double, double>{tc - (tc - t0) * f, tc + (t1 - tc) * f});
    }
    event->accept();
}

void ChunkTimelineView::mousePressEvent(QMouseEvent* event) {
    const QPoint pos = event->position().toPoint();
    const bool shift = event->modifiers() & Qt::ShiftModifier;
    if (event->button() == Qt::MiddleButton || (event->button() == Qt::LeftButton && shift)) {
        drag_ = Drag::Pan;
        pan_from_ = visibleRange();
        stack_.push_back(range_);
    } else if (event->button() == Qt::LeftButton && plotRect().contains(pos)) {
        drag_ = Drag::Select;
    } else {
        return QWidget::mousePressEvent(event);
    }
    drag_from_ = drag_to_ = pos;
    event->accept();
}

void ChunkTimelineView::mouseMoveEvent(QMouseEvent* event) {
    if (drag_ == Drag::None) return QWidget::mouseMoveEvent(event);
    drag_to_ = event->position().toPoint();
    if (drag_ == Drag::Pan) {
        const double span = pan_from_.second - pan_from_.first;
        const double full = fullRange().second;
        double shift = -(drag_to_.x() - drag_from_.x()) * span / std::max(plotRect().width(), 1);
        // Keep the window within a margin of the run (unless it is wider than that anyway).
        const double lo = -0.1 * full - pan_from_.first, hi = 1.1 * full - pan_from_.second;
        if (lo <= hi) shift = std::clamp(shift, lo, hi);
        setRange(QPair<double, double>{pan_from_.first + shift, pan_from_.second + shift});
    }
    update();
}

void ChunkTimelineView::mouseReleaseEvent(QMouseEvent* event) {
    const Drag drag = drag_;
    drag_ = Drag::None;
    const int dx = std::abs(drag_to_.x() - drag_from_.x());
    if (drag == Drag::Select && dx >= 4) {
        zoomTo(timeAt(std::min(drag_from_.x(), drag_to_.x())),
               timeAt(std::max(drag_from_.x(), drag_to_.x())));
    } else if (drag == Drag::Pan && dx < 3 && !stack_.empty()) {
        stack_.pop_back();  // a click, not a pan: nothing to step back from
    }
    update();
    event->accept();
}

void ChunkTimelineView::mouseDoubleClickEvent(QMouseEvent* event) {
    drag_ = Drag::None;
    resetZoom();
    event->accept();
}

void ChunkTimelineView::keyPressEvent(QKeyEvent* event) {
    const auto [t0, t1] = visibleRange();
    const double mid = (t0 + t1) / 2, half = (t1 - t0) / 2;
    switch (event->key()) {
        case Qt::Key_Backspace:
            zoomBack();
            break;
        case Qt::Key_Home:
            resetZoom();
            break;
        case Qt::Key_Escape:
            drag_ = Drag::None;
            update();
            break;
        case Qt::Key_Plus:
        case Qt::Key_Equal:
            zoomTo(mid - half / 2, mid + half / 2);
            break;
        case Qt::Key_Minus:
            zoomTo(mid - half * 2, mid + half * 2);
            break;
        default:
            return QWidget::keyPressEvent(event);
    }
    event->accept();
}

void ChunkTimelineView::contextMenuEvent(QContextMenuEvent* event) {
    QMenu menu(this);
    QAction* back = menu.addAction(tr("Back"));
    back->setShortcut(QKeySequence(Qt::Key_Backspace));
    back->setEnabled(canZoomBack());
    connect(back, &QAction::triggered, this, &ChunkTimelineView::zoomBack);
    QAction* whole = menu.addAction(tr("Whole run"));
    whole->setEnabled(range_.has_value() || canZoomBack());
    connect(whole, &QAction::triggered, this, &ChunkTimelineView::resetZoom);
    menu.exec(event->globalPos());
}

bool ChunkTimelineView::event(QEvent* event) {
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const QString text = toolTipAt(help->pos());
        if (text.isEmpty()) {
            QToolTip::hideText();
            event->ignore();
        } else {
            QToolTip::showText(help->globalPos(), text, this);
        }
        return true;
    }
    return QWidget::event(event);
}

}  // namespace poolscope::ui
