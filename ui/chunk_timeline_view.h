// ChunkTimelineView: the worker timeline, a Gantt chart with one row per worker and one bar per
// chunk split into its phases, start-up and teardown shaded, a worker's wait for the straggler
// hatched. Custom painted from a TimelineModel laid out once per window and size; the time axis
// is drawn once under all rows. Wheel zooms around the cursor, a drag selects a range to zoom
// to, Shift+drag (or the middle button) pans; every zoom goes on a stack that Backspace or the
// context menu's "Back" steps back through, and a double-click resets to the whole run.
// While the run it shows is live, new data repaints it at most every kLiveRepaintMs (laying
// out and painting every row is the costliest thing the window does while it follows a run);
// another run, the end of the run and anything the user does repaint it at once. Following a
// live run, the window ends at a round time past the newest stamp that moves only in steps
// (steadyAxisMax, as the charts' time axes), so that between steps the model lays out only the
// new chunks; once the run has ended it spans the run exactly.
#pragma once

#include <QElapsedTimer>
#include <QPair>
#include <QRectF>
#include <QTimer>
#include <QWidget>
#include <optional>
#include <vector>

#include "ui/chart_style.h"
#include "ui/timeline_model.h"

namespace poolscope::ui {

class ChunkTimelineView : public QWidget {
    Q_OBJECT
  public:
    static constexpr int kLiveRepaintMs = 250;

    explicit ChunkTimelineView(QWidget* parent = nullptr);

    // The run to show (nullptr clears). Call again whenever the trace may have changed (the
    // window's refresh): cheap when nothing did. The trace must stay alive until the next call.
    void setRun(const RunTrace* run);
    void setChartStyle(const ChartStyle& style);
    // The least time between two repaints for a live run's new data (kLiveRepaintMs).
    void setLiveRepaintInterval(int ms) { live_repaint_ms_ = ms; }

    // Zoom to [t0_s, t1_s], seconds since the run's start; the previous range goes on the stack.
    void zoomTo(double t0_s, double t1_s);
    void zoomBack();   // one step back; at the bottom of the stack: the whole run
    void resetZoom();  // the whole run (following a live run's growth), stack cleared
    bool canZoomBack() const { return !stack_.empty(); }
    QPair<double, double> visibleRange() const;
    int rowCount() const { return model_.rowCount(); }
    // What hovering at `pos` shows: the chunk (id, items, bytes, phase durations), a merged
    // column or bucket, a start-up/teardown band; empty over nothing.
    QString toolTipAt(QPoint pos) const;
    const TimelineModel& model() const { return model_; }
    // A row's name: "w3", "serial", or with --backend mpi the worker's host: "node-b w3".
    QString workerLabel(int worker) const;
    // The rectangle the rows are painted in (the time axis lies under it).
    QRect plotRect() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

  protected:
    void paintEvent(QPaintEvent* event) override;
    bool event(QEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;

  private:
    using Range = std::optional<QPair<double, double>>;  // nullopt: the whole run
    struct RowGeometry {
        QRectF main;  // the worker's own phases
        QRectF pipe;  // waiting for the task, result in flight
    };
    void setRange(Range range);
    void pushAndSet(Range range);
    QPair<double, double> fullRange() const;
    double timeAt(double x) const;
    double xOf(double t) const;
    int rowAt(int y, bool* pipe) const;
    RowGeometry rowGeometry(int row) const;
    int legendHeight(int width) const;
    int labelWidth() const;
    void layoutModel() const;
    void paintLegend(QPainter& p) const;
    void paintRows(QPainter& p) const;
    void paintAxis(QPainter& p) const;
    void paintStraggler(QPainter& p) const;
    QString chunkText(const ChunkRecord& c) const;

    mutable TimelineModel model_;
    bool live_ = false;    // the run shown has not ended
    double live_end_ = 0;  // while live: the whole-run window's end, in seconds
    int live_repaint_ms_ = kLiveRepaintMs;
    QElapsedTimer last_paint_;
    QTimer live_repaint_;  // single shot: the deferred repaint of a live run's new data
    ChartStyle style_;
    Range range_;
    std::vector<Range> stack_;
    QElapsedTimer last_wheel_;
    enum class Drag { None, Select, Pan } drag_ = Drag::None;
    QPoint drag_from_;
    QPoint drag_to_;
    QPair<double, double> pan_from_;
    // plotRect() measures the legend's text, and every bar's x goes through it: it is computed
    // again only when what it depends on changed.
    struct PlotKey {
        QSize size;
        int rows = 0;
        bool aggregated = false;
        QFont font;
        bool operator==(const PlotKey&) const = default;
    };
    mutable std::optional<PlotKey> plot_key_;
    mutable QRect plot_rect_;
};

}  // namespace poolscope::ui
