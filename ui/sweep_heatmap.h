// SweepHeatmap: workers (rows) × chunksize (columns) of one slice of a sweep, each cell coloured
// by the point's speedup against serial (red slower, grey even, green faster) or by its median
// wall time (green fastest … red slowest, on a log scale), with the figure written in the cell,
// a colour scale with its legend, the best point marked ★ and the article's formula's chunksize
// outlined. Hovering a cell tells its median, min–max, speedup, T and C; a click selects it, a
// double click asks for its setting.
#pragma once

#include <QWidget>
#include <optional>

#include "ui/chart_style.h"
#include "ui/sweep_grid.h"

namespace poolscope::ui {

class SweepHeatmap : public QWidget {
    Q_OBJECT
  public:
    enum class Measure { Speedup, Wall };

    explicit SweepHeatmap(QWidget* parent = nullptr);

    // The document must outlive the view or be replaced (null clears it).
    void setDocument(const SweepDocument* doc, const SweepSlice& slice);
    void setMeasure(Measure m);
    Measure measure() const { return measure_; }
    void setChartStyle(const ChartStyle& style);
    const SweepGrid& grid() const { return grid_; }
    std::optional<std::size_t> selected() const { return selected_; }
    void select(std::optional<std::size_t> point);

    // Geometry and words of a cell (for tests and tooltips).
    QRect cellRect(int row, int column) const;
    QString cellText(std::size_t point) const;
    QString cellToolTip(std::size_t point) const;
    QColor cellColour(std::size_t point) const;
    std::optional<std::size_t> pointAt(const QPoint& pos) const;

    QSize sizeHint() const override { return {460, 300}; }
    QSize minimumSizeHint() const override { return {260, 180}; }

  signals:
    void pointSelected(std::size_t point);
    void pointActivated(std::size_t point);

  protected:
    void paintEvent(QPaintEvent* event) override;
    bool event(QEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;

  private:
    QRect plotRect() const;
    void paintLegend(QPainter& p, const QRect& area) const;
    void updateRange();
    QColor colourAt(double t) const;  // t in [0, 1] on the scale
    double scaleOf(std::size_t point) const;

    const SweepDocument* doc_ = nullptr;
    SweepGrid grid_;
    Measure measure_ = Measure::Speedup;
    ChartStyle style_;
    double low_ = 0;  // the scale's ends: log2 speedup, or log10 wall
    double high_ = 0;
    std::optional<std::size_t> selected_;
    std::optional<std::size_t> hovered_;
};

}  // namespace poolscope::ui
