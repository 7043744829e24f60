// LivePace: paces the redraw of views that follow a live run. A Qt Charts view restrokes its
// lines and lays out its axes on every refresh (about a millisecond of CPU each), so while a
// run streams in, its new data is drawn at most every interval; anything else the views show
// (another request or run, a run's end) is drawn at once. What was held back is drawn when the
// interval is up, so the picture at the end of a run is the one an unpaced view shows.
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>
#include <functional>

namespace poolscope::ui {

class LivePace : public QObject {
    Q_OBJECT
  public:
    static constexpr int kLiveIntervalMs = 250;

    // redraw: what draws the paced views with everything taken in so far.
    explicit LivePace(std::function<void()> redraw, QObject* parent = nullptr);

    // New data came. other: it changed more than the live run's growth (another request or
    // run, a run's end); then, or when no run is live, the views are drawn now. Otherwise they
    // are drawn now when the interval has passed since the last draw, else once it has.
    void request(bool other, bool live);
    // Draws now, whatever was held back with it (a view shown again, an image saved).
    void drawNow();
    bool pending() const { return timer_.isActive(); }
    void setInterval(int ms) { interval_ms_ = ms; }
    int draws() const { return draws_; }

  private:
    std::function<void()> redraw_;
    QElapsedTimer last_;
    QTimer timer_;  // single shot: the held-back draw
    int interval_ms_ = kLiveIntervalMs;
    int draws_ = 0;
};

}  // namespace poolscope::ui
