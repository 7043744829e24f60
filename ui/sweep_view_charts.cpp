// The Sweep view's charts: the heatmap with its slice controls, the parameter chart, the
// U-curve and the scaling plot; which of them a document needs, and how they are arranged
// (side by side, or one tab each in presentation mode).
#include <QButtonGroup>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QRadioButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QVBoxLayout>
#include <string_view>

#include "ui/sweep_form.h"
#include "ui/sweep_heatmap.h"
#include "ui/sweep_param_chart.h"
#include "ui/sweep_scaling.h"
#include "ui/sweep_ucurve.h"
#include "ui/sweep_view.h"

namespace poolscope::ui {

QWidget* SweepView::buildViews() {
    auto* speedup = new QRadioButton(tr("speedup"));
    auto* wall = new QRadioButton(tr("median wall"));
    speedup->setChecked(true);
    measure_ = new QButtonGroup(this);
    measure_->addButton(speedup, static_cast<int>(SweepHeatmap::Measure::Speedup));
    measure_->addButton(wall, static_cast<int>(SweepHeatmap::Measure::Wall));
    sliceRow_ = new QWidget;
    auto* sliceLayout = new QHBoxLayout(sliceRow_);
    sliceLayout->setContentsMargins(0, 0, 0, 0);
    sliceLayout->addWidget(new QLabel(tr("Showing")));
    sliceLayout->addStretch(1);
    auto* controlsRow = new QHBoxLayout;
    controlsRow->addWidget(new QLabel(tr("Colour by")));
    controlsRow->addWidget(speedup);
    controlsRow->addWidget(wall);
    controlsRow->addStretch(1);
    auto* key = new QLabel(tr("★ best · dashed: ⌈n / 4W⌉"));
    key->setToolTip(
        tr("The best point has a thick frame and a star; the cell the article's "
           "formula chunksize = ⌈n / (4·workers)⌉ picks has a dashed one"));
    controlsRow->addWidget(key);
    heatmap_ = new SweepHeatmap;
    connect(measure_, &QButtonGroup::idClicked, this,
            [this](int id) { heatmap_->setMeasure(static_cast<SweepHeatmap::Measure>(id)); });
    left_ = new QWidget;
    auto* leftLayout = new QVBoxLayout(left_);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addLayout(controlsRow);
    leftLayout->addWidget(sliceRow_);  // its own row, so the heatmap's side stays narrow
    leftLayout->addWidget(heatmap_, 1);
    ucurve_ = new SweepUCurve;
    paramChart_ = new SweepParamChart;
    paramChart_->hide();
    scaling_ = new SweepScaling;
    // Normal mode: the heatmap beside the U-curve above the scaling plot; presentation mode:
    // one at a time, in tabs, each large enough to read from the back of a room.
    rightSplit_ = new QSplitter(Qt::Vertical);
    rightSplit_->addWidget(paramChart_);
    rightSplit_->addWidget(ucurve_);
    rightSplit_->addWidget(scaling_);
    split_ = new QSplitter(Qt::Horizontal);
    split_->addWidget(left_);
    split_->addWidget(rightSplit_);
    for (QSplitter* s : {rightSplit_, split_}) {
        s->setChildrenCollapsible(false);
        s->setSizes({1000, 1000});
    }
    tabs_ = new QTabWidget;
    tabs_->setDocumentMode(true);
    views_ = new QStackedWidget;
    views_->addWidget(split_);
    views_->addWidget(tabs_);
    return views_;
}

void SweepView::rebuildSliceControls() {
    qDeleteAll(sliceCombos_);
    sliceCombos_.clear();
    sliceRow_->hide();
    const SweepDocument* doc = document();
    if (!doc) return;
    for (const SweepAxis* axis : sliceAxes(*doc)) {
        auto* combo = new QComboBox;
        combo->setObjectName(QStringLiteral("slice:") + QString::fromStdString(axis->name));
        combo->setToolTip(tr("The heatmap and the U-curve show one %1 at a time")
                              .arg(QString::fromStdString(axis->name)));
        for (const auto& v : axis->values)
            combo->addItem(QStringLiteral("%1 %2").arg(QString::fromStdString(axis->name),
                                                       QString::fromStdString(v)),
                           QString::fromStdString(v));
        combo->setCurrentIndex(combo->findData(QString::fromStdString(slice_[axis->name])));
        const std::string name = axis->name;
        connect(combo, &QComboBox::currentIndexChanged, this, [this, combo, name] {
            slice_[name] = combo->currentData().toString().toStdString();
            heatmap_->setDocument(document(), slice_);
            ucurve_->setDocument(document(), slice_);
        });
        auto* row = static_cast<QHBoxLayout*>(sliceRow_->layout());
        row->insertWidget(row->count() - 1, combo);  // before the stretch
        sliceCombos_ << combo;
    }
    sliceRow_->setVisible(!sliceCombos_.isEmpty());
}

void SweepView::updateViews() {
    const SweepDocument* doc = document();
    if (doc && slice_.empty()) {
        slice_ = defaultSlice(*doc);
        rebuildSliceControls();
    } else if (!doc) {
        rebuildSliceControls();
    }
    heatmap_->setDocument(doc, slice_);
    ucurve_->setDocument(doc, slice_);
    paramChart_->setDocument(doc);
    scaling_->setDocument(doc);
    // A sweep over a workload parameter reads as T and C against it; the U-curve and the
    // scaling plot stay only when chunksize or workers is swept too (else each is one point).
    // Without a document yet (a lesson loaded, nothing run) the form's axes decide.
    const SweepSettings form = form_->settings();
    const bool param =
        doc ? SweepParamChart::sweptParameter(*doc).has_value() : !form.params.isEmpty();
    auto swept = [&](const char* axis) {
        if (!doc)
            return hasSeveralValues(std::string_view(axis) == "workers" ? form.workers
                                                                        : form.chunksize);
        const int at = doc->axisIndex(axis);
        return at >= 0 && doc->axes[static_cast<std::size_t>(at)].values.size() > 1;
    };
    // The U-curve and the scaling plot each need their axis swept; one that would be a single
    // point gives its room to the other (both stay when neither is swept).
    const bool chunks = swept("chunksize"), workers = swept("workers");
    const std::pair<QWidget*, bool> shown[] = {{paramChart_, param},
                                               {ucurve_, chunks || (!param && !workers)},
                                               {scaling_, workers || (!param && !chunks)}};
    for (const auto& [view, visible] : shown) {
        if (views_->currentWidget() == tabs_)
            tabs_->setTabVisible(tabs_->indexOf(view), visible);
        else
            view->setVisible(visible);
    }
    updateTexts();
}

void SweepView::setChartStyle(const ChartStyle& style) {
    style_ = style;
    QFont f = font();
    f.setPointSizeF(style.presentation ? 14 : 10);
    setFont(f);  // every control of the page
    f.setBold(true);
    recommendation_->setFont(f);
    if (style.presentation && views_->currentWidget() != tabs_) {
        tabs_->addTab(left_, tr("Heatmap"));
        tabs_->addTab(paramChart_, tr("T and C"));
        tabs_->addTab(ucurve_, tr("U-curve"));
        tabs_->addTab(scaling_, tr("Scaling and fits"));
        views_->setCurrentWidget(tabs_);
    } else if (!style.presentation && views_->currentWidget() != split_) {
        split_->insertWidget(0, left_);
        rightSplit_->addWidget(paramChart_);
        rightSplit_->addWidget(ucurve_);
        rightSplit_->addWidget(scaling_);
        views_->setCurrentWidget(split_);
    }
    heatmap_->setChartStyle(style);
    ucurve_->setChartStyle(style);
    paramChart_->setChartStyle(style);
    scaling_->setChartStyle(style);
    updateViews();
}

}  // namespace poolscope::ui
