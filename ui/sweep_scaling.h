// SweepScaling: speedup against workers for the slice the fits used (every other axis at the
// best point's value): the measured medians with their min–max whiskers, the ideal line
// speedup = W, and the Amdahl and USL curves the CLI fitted, whose figures (serial fraction s
// with its interval, σ, κ and the W where USL peaks) are written in the legend.
#pragma once

#include <QStringList>
#include <QWidget>

#include "ui/chart_style.h"
#include "ui/sweep_document.h"

class QChartView;
class QLabel;

namespace poolscope::ui {

// The legend is a wrapped label under the chart, not the chart's own one-row legend, so that the
// fits' figures are never elided, even on a projector.
class SweepScaling : public QWidget {
    Q_OBJECT
  public:
    explicit SweepScaling(QWidget* parent = nullptr);
    void setDocument(const SweepDocument* doc);
    void setChartStyle(const ChartStyle& style);

    // For tests: the legend's names (the fits' figures are in them).
    QStringList seriesNames() const;
    QString title() const;
    // The points the plot shows (the fits' points, else the best point's workers slice).
    std::vector<std::size_t> shownPoints() const;

    static QString amdahlLabel(const AmdahlFit& fit);
    static QString uslLabel(const UslFit& fit);

  signals:
    // A measured point was clicked: the document's point index.
    void pointClicked(std::size_t point);

  private:
    void rebuild();

    QChartView* view_ = nullptr;
    QLabel* legend_ = nullptr;
    QStringList names_;
    const SweepDocument* doc_ = nullptr;
    ChartStyle style_;
};

}  // namespace poolscope::ui
