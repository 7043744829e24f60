// Chart decimation: a line chart never needs more points than its plot has pixels. Qt Charts
// strokes every segment of a line (and builds a stroked outline of it for hit testing) on each
// replace(), so the cost of a live chart grows with its points, not with what is seen. These
// helpers reduce a line to what shows at the plot's size: per pixel column the lowest and the
// highest point (in their order), then any point whose removal moves the line by less than half
// a pixel (Ramer–Douglas–Peucker). The first and last points always stay: a live line ends where
// the data ends. Points kept are the data's own, not rounded to pixels.
#pragma once

#include <QList>
#include <QObject>
#include <QPointF>
#include <QSizeF>
#include <vector>

class QChart;
class QXYSeries;

namespace poolscope::ui {

// Where a series' data lands: the axes' ranges and the plot area's size in pixels.
struct PlotWindow {
    double x0 = 0, x1 = 1;
    double y0 = 0, y1 = 1;
    QSizeF pixels;
    // Too small to decimate against (a chart not laid out yet): draw every point.
    bool usable() const;
};

// The points of `points` (in order, x not decreasing) that show at `window`; at most two per
// pixel column plus the first and the last, every dropped point within `tolerancePx` of the
// line drawn through the kept ones. Unchanged when the window is not usable.
QList<QPointF> decimateForPlot(const QList<QPointF>& points, const PlotWindow& window,
                               double tolerancePx = 0.5);

// Feeds the series of one chart with decimated points: keeps every series' full points, gives
// the series only what shows, calls replace() only when that changed (an unchanged replace()
// still restrokes the line and repaints the plot), and decimates again when the plot area is
// resized so a larger window never shows a coarser line.
class ChartDecimator : public QObject {
    Q_OBJECT
  public:
    explicit ChartDecimator(QChart* chart);

    // The axes' ranges, in the series' units; setPoints decimates against the latest.
    void setRange(double x0, double x1, double y0, double y1);
    // Sets a series' full points; the series gets their decimation.
    void setPoints(QXYSeries* series, QList<QPointF> points);
    // The full points last set for a series (empty for one never set).
    QList<QPointF> fullPoints(const QXYSeries* series) const;
    // Forget a series (before it is deleted).
    void remove(QXYSeries* series);
    // How many replace() calls reached the series (what a test of "only when changed" counts).
    int replaces() const { return replaces_; }

  private:
    struct Entry {
        QXYSeries* series = nullptr;
        QList<QPointF> full;
        QList<QPointF> shown;
    };
    void apply(Entry& e);
    void redecimateAll();
    PlotWindow window() const;

    QChart* chart_;
    double x0_ = 0, x1_ = 1, y0_ = 0, y1_ = 1;
    std::vector<Entry> entries_;
    QSizeF last_pixels_;
    int replaces_ = 0;
};

}  // namespace poolscope::ui
