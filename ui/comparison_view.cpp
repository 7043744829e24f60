#include "ui/comparison_view.h"

#include <QApplication>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QClipboard>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHorizontalBarSeries>
#include <QHorizontalStackedBarSeries>
#include <QLabel>
#include <QLineSeries>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>
#include <QValueAxis>
#include <algorithm>

#include "ui/axis_units.h"
#include "ui/chart_export.h"
#include "ui/comparison_text.h"
#include "ui/session_model.h"

namespace poolscope::ui {

namespace {

constexpr int kParts = 6;

double part(const Breakdown& b, int i) {
    const double parts[] = {b.startup, b.serialization, b.transfer, b.compute, b.teardown, b.idle};
    return parts[i];
}

QChartView* makeView(const QString& title) {
    auto* chart = new QChart;
    chart->setTitle(title);
    chart->legend()->setAlignment(Qt::AlignBottom);
    auto* view = new QChartView(chart);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(180);
    return view;
}

// New axes take the style's fonts (the theme was applied once, in setChartStyle).
void styleAxes(QChart* chart, const ChartStyle& style) {
    for (QAbstractAxis* axis : chart->axes()) {
        axis->setLabelsFont(style.font());
        axis->setTitleFont(style.font());
    }
}

// Drops the series and axes of the previous runs.
void clear(QChart* chart) {
    chart->removeAllSeries();
    for (QAbstractAxis* axis : chart->axes()) {
        chart->removeAxis(axis);
        delete axis;
    }
}

// Items done against seconds since the run's start, moved so a finished line ends at its wall
// time (as the live progress chart draws it).
QList<QPointF> curve(const RunTrace& run, double scale) {
    QList<QPointF> pts;
    double shift = 0, end = -1;
    if (run.result) {
        end = run.result->wall_s;
        shift = (run.end_s - end) - run.start_s;
    }
    run.progress.for_each([&](const SeriesPoint& p) {
        double x = std::max(0.0, p.x - shift);
        if (end >= 0) x = std::min(x, end);
        pts.append({x / scale, p.y});
    });
    return pts;
}

// Which letter is which run, above the differences (legends only have room for letters).
QString runKey(const QList<const RunTrace*>& runs) {
    QStringList lines;
    for (qsizetype i = 0; i < runs.size(); ++i)
        lines << ComparisonView::tr("%1 = %2").arg(runLetter(int(i)),
                                                   QString::fromStdString(runs[i]->label));
    return lines.join(QStringLiteral("   "));
}

QStringList categories(const QList<const RunTrace*>& runs) {
    QStringList names;
    for (qsizetype i = 0; i < runs.size(); ++i) names << runLetter(int(i));
    return names;
}

}  // namespace

ComparisonView::ComparisonView(const SessionModel& session, QWidget* parent)
    : QWidget(parent), session_(session) {
    progress_ = makeView(tr("Progress: items done"));
    breakdown_ = makeView(tr("Where the worker-seconds went"));
    memory_ = makeView(tr("Memory peaks"));
    differences_ = new QLabel;
    differences_->setWordWrap(true);
    differences_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    copy_ = new QPushButton(tr("Copy as &Markdown"));
    copy_->setToolTip(tr("Copy the comparison table (figures and what differs) as Markdown"));
    connect(copy_, &QPushButton::clicked, this, [this] {
        QApplication::clipboard()->setText(markdown());
        emit message(tr("Copied the comparison as a Markdown table."));
    });
    auto* save = new QPushButton(tr("Save image…"));
    save->setToolTip(tr("Save this comparison as PNG or SVG"));
    connect(save, &QPushButton::clicked, this, &ComparisonView::saveImage);

    auto* charts = new QSplitter(Qt::Horizontal);
    charts->addWidget(progress_);
    charts->addWidget(breakdown_);
    charts->addWidget(memory_);
    charts->setChildrenCollapsible(false);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(differences_, 1);
    buttons->addWidget(copy_, 0, Qt::AlignTop);
    buttons->addWidget(save, 0, Qt::AlignTop);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(charts, 1);
    layout->addLayout(buttons);
    setChartStyle(ChartStyle::fromPalette(false));
}

void ComparisonView::setChartStyle(const ChartStyle& style) {
    style_ = style;
    for (QChartView* v : {progress_, breakdown_, memory_}) style_.apply(v->chart());
    differences_->setFont(style_.font());
    refresh();
}

void ComparisonView::setRuns(const QList<RunRef>& runs) {
    refs_ = runs;
    refresh();
}

QList<const RunTrace*> ComparisonView::resolved() const {
    QList<const RunTrace*> runs;
    for (const RunRef& ref : refs_)
        if (const RunTrace* run = session_.findRun(ref)) runs << run;
    return runs;
}

void ComparisonView::refresh() {
    const QList<const RunTrace*> runs = resolved();
    fillProgress(runs);
    fillBreakdown(runs);
    fillMemory(runs);
    differences_->setText(runs.size() < 2
                              ? comparisonSummary(runs)
                              : runKey(runs) + QLatin1Char('\n') + comparisonSummary(runs));
    copy_->setEnabled(!runs.isEmpty());
}

void ComparisonView::fillProgress(const QList<const RunTrace*>& runs) {
    QChart* chart = progress_->chart();
    clear(chart);
    double longest = 0;
    for (const RunTrace* run : runs)
        if (!run->progress.empty()) longest = std::max(longest, run->progress.last().x);
    const AxisUnit unit = timeUnit(longest);
    auto* x = new QValueAxis(chart);
    x->setTitleText(tr("time since the run's start (%1)").arg(unit.name));
    auto* y = new QValueAxis(chart);
    y->setTitleText(tr("items"));
    y->setLabelFormat(QStringLiteral("%.0f"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    double top = 1;
    for (qsizetype i = 0; i < runs.size(); ++i) {
        auto* line = new QLineSeries(chart);
        line->setName(runLetter(int(i)));
        line->replace(curve(*runs[i], unit.scale));
        line->setPen(style_.line(style_.core(int(i))));
        chart->addSeries(line);
        line->attachAxis(x);
        line->attachAxis(y);
        top = std::max(top, double(runs[i]->items_total));
    }
    x->setRange(0, longest > 0 ? longest / unit.scale : 1.0);  // nice numbers of 0 are NaN
    x->applyNiceNumbers();
    y->setRange(0, top);
    y->applyNiceNumbers();
    styleAxes(chart, style_);
}

void ComparisonView::fillBreakdown(const QList<const RunTrace*>& runs) {
    QChart* chart = breakdown_->chart();
    clear(chart);
    const QString names[kParts] = {tr("start-up"), tr("serialization"), tr("transfer"),
                                   tr("compute"),  tr("teardown"),      tr("idle")};
    const QColor colours[kParts] = {QColor(0x8c, 0x56, 0x4b), QColor(0x9b, 0x59, 0xb6),
                                    QColor(0xe3, 0x77, 0xc2), QColor(0x2c, 0xa0, 0x2c),
                                    QColor(0x7f, 0x7f, 0x7f), QColor(0xd6, 0xd6, 0xd6)};
    double widest = 0;
    parts_ = QList<QList<double>>(kParts);
    for (const RunTrace* run : runs) {
        for (int p = 0; p < kParts; ++p)
            parts_[p] << (run->result ? part(run->result->breakdown, p) : 0.0);
        if (run->result) widest = std::max(widest, run->result->breakdown.total());
    }
    const AxisUnit unit = timeUnit(widest);
    auto* series = new QHorizontalStackedBarSeries(chart);
    for (int p = 0; p < kParts; ++p) {
        auto* set = new QBarSet(names[p], series);
        for (double v : parts_[p]) *set << v / unit.scale;
        set->setColor(colours[p]);
        set->setBorderColor(colours[p].darker(120));
        series->append(set);
    }
    chart->addSeries(series);
    auto* rows = new QBarCategoryAxis(chart);
    rows->append(categories(runs));
    auto* value = new QValueAxis(chart);
    value->setTitleText(tr("worker-seconds (%1)").arg(unit.name));
    chart->addAxis(rows, Qt::AlignLeft);
    chart->addAxis(value, Qt::AlignBottom);
    series->attachAxis(rows);
    series->attachAxis(value);
    if (value->max() > value->min()) value->applyNiceNumbers();  // of an empty range: NaN
    styleAxes(chart, style_);
}

void ComparisonView::fillMemory(const QList<const RunTrace*>& runs) {
    QChart* chart = memory_->chart();
    clear(chart);
    peaks_.clear();
    double highest = 0;
    for (const RunTrace* run : runs) {
        const RunResult* r = run->result ? &*run->result : nullptr;
        const double pss = r && r->memory.samples ? double(r->memory.peak_pss_sum_bytes)
                                                  : double(run->peak_pss_sum);
        peaks_ << pss;
        highest = std::max({highest, pss, r ? double(r->memory.peak_rss_sum_bytes) : 0.0});
    }
    const AxisUnit unit = byteUnit(highest);
    auto* series = new QHorizontalBarSeries(chart);
    auto* pss = new QBarSet(tr("peak PSS"), series);
    auto* rss = new QBarSet(tr("peak RSS sum"), series);
    memory_->setToolTip(
        tr("PSS shares each page among the processes that map it: the honest "
           "total. The RSS sum counts shared pages once per process."));
    for (qsizetype i = 0; i < runs.size(); ++i) {
        *pss << peaks_[i] / unit.scale;
        const RunResult* r = runs[i]->result ? &*runs[i]->result : nullptr;
        *rss << (r ? double(r->memory.peak_rss_sum_bytes) / unit.scale : 0.0);
    }
    pss->setColor(style_.serial());
    rss->setColor(style_.parallel());
    series->append(pss);
    series->append(rss);
    chart->addSeries(series);
    auto* rows = new QBarCategoryAxis(chart);
    rows->append(categories(runs));
    auto* value = new QValueAxis(chart);
    value->setTitleText(unit.name);
    chart->addAxis(rows, Qt::AlignLeft);
    chart->addAxis(value, Qt::AlignBottom);
    series->attachAxis(rows);
    series->attachAxis(value);
    if (value->max() > value->min()) value->applyNiceNumbers();  // of an empty range: NaN
    styleAxes(chart, style_);
}

QString ComparisonView::differencesText() const {
    return differences_->text();
}

QString ComparisonView::markdown() const {
    return comparisonMarkdown(resolved());
}

int ComparisonView::progressLineCount() const {
    return int(progress_->chart()->series().size());
}

double ComparisonView::breakdownValue(int part, int run) const {
    return part >= 0 && part < parts_.size() ? parts_[part].value(run) : 0.0;
}

double ComparisonView::memoryPeak(int run) const {
    return peaks_.value(run);
}

void ComparisonView::saveImage() {
    const QString path = QFileDialog::getSaveFileName(this, tr("Save the comparison"), QString(),
                                                      tr("PNG image (*.png);;SVG drawing (*.svg)"));
    if (path.isEmpty()) return;
    QString error;
    emit message(saveWidgetImage(this, path, &error) ? tr("Saved %1.").arg(path) : error);
}

}  // namespace poolscope::ui
