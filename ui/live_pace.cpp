#include "ui/live_pace.h"

#include <utility>

namespace poolscope::ui {

LivePace::LivePace(std::function<void()> redraw, QObject* parent)
    : QObject(parent), redraw_(std::move(redraw)) {
    timer_.setSingleShot(true);
    connect(&timer_, &QTimer::timeout, this, &LivePace::drawNow);
}

void LivePace::request(bool other, bool live) {
    if (other || !live || !last_.isValid() || last_.elapsed() >= interval_ms_) return drawNow();
    if (!timer_.isActive()) timer_.start(static_cast<int>(interval_ms_ - last_.elapsed()));
}

void LivePace::drawNow() {
    timer_.stop();
    last_.restart();
    ++draws_;
    redraw_();
}

}  // namespace poolscope::ui
