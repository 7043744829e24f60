#include "ui/sweep_view.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QVBoxLayout>

#include "ui/control_panel.h"
#include "ui/error_banner.h"
#include "ui/sweep_form.h"
#include "ui/sweep_heatmap.h"
#include "ui/sweep_param_chart.h"
#include "ui/sweep_runner.h"
#include "ui/sweep_scaling.h"
#include "ui/sweep_text.h"
#include "ui/sweep_ucurve.h"

namespace poolscope::ui {

namespace {

QString clock(double seconds) {
    const int s = static_cast<int>(seconds + 0.5);
    return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

}  // namespace

SweepView::SweepView(ControlPanel* controls, int usableCores, QWidget* parent)
    : QWidget(parent), controls_(controls), usableCores_(usableCores) {
    setObjectName(QStringLiteral("sweepView"));
    style_ = ChartStyle::fromPalette(false);
    runner_ = new SweepRunner(this);
    form_ = new SweepForm;
    form_->setSettings(defaultSweepSettings(usableCores));
    run_ = new QPushButton(tr("Run sweep"));
    run_->setObjectName(QStringLiteral("runSweep"));
    run_->setToolTip(
        tr("Run the serial baseline, then every point, in a seeded random order "
           "(Ctrl+Shift+R)"));
    stop_ = new QPushButton(tr("Stop"));
    stop_->setToolTip(tr("Stop the sweep; the points that finished are kept (Esc)"));
    use_ = new QPushButton(tr("Use this setting"));
    use_->setObjectName(QStringLiteral("useSetting"));
    use_->setToolTip(tr("Load the best point (or the cell you clicked) into the controls"));
    bar_ = new QProgressBar;
    bar_->setRange(0, 1000);
    bar_->setTextVisible(false);
    bar_->setMaximumHeight(12);
    progress_ = new QLabel;
    progress_->setObjectName(QStringLiteral("sweepProgress"));
    recommendation_ = new QLabel;
    recommendation_->setObjectName(QStringLiteral("sweepRecommendation"));
    recommendation_->setWordWrap(true);
    recommendation_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont bold = recommendation_->font();
    bold.setBold(true);
    recommendation_->setFont(bold);
    warning_ = new QLabel;
    warning_->setObjectName(QStringLiteral("sweepWarning"));
    warning_->setWordWrap(true);
    QPalette warn = warning_->palette();
    warn.setColor(QPalette::WindowText, QColor(0xb3, 0x4d, 0x00));  // dark orange: read it
    warning_->setPalette(warn);
    banner_ = new ErrorBanner;
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(banner_);
    layout->addWidget(buildLessonLabel());
    layout->addWidget(form_);
    // The buttons below the form, not beside it: the page must fit beside the settings dock at
    // 1280 pixels, in presentation mode too.
    auto* buttons = new QHBoxLayout;
    for (QPushButton* b : {run_, stop_, use_}) buttons->addWidget(b);
    buttons->addWidget(progress_, 1);
    layout->addLayout(buttons);
    layout->addWidget(bar_);
    layout->addWidget(recommendation_);
    layout->addWidget(warning_);
    layout->addWidget(buildViews(), 1);

    connect(run_, &QPushButton::clicked, this, &SweepView::startSweep);
    connect(stop_, &QPushButton::clicked, this, &SweepView::stopSweep);
    connect(use_, &QPushButton::clicked, this, [this] { useSetting(heatmap_->selected()); });
    connect(form_, &SweepForm::changed, this, &SweepView::updateButtons);
    connect(form_, &SweepForm::changed, this, [this] {
        if (!document()) updateViews();  // which charts the axes need
    });
    connect(runner_, &SweepRunner::progressed, this, &SweepView::updateProgress);
    connect(runner_, &SweepRunner::finished, this, &SweepView::onFinished);
    connect(heatmap_, &SweepHeatmap::pointActivated, this,
            [this](std::size_t i) { useSetting(i); });
    connect(heatmap_, &SweepHeatmap::pointSelected, this, &SweepView::pointClicked);
    connect(scaling_, &SweepScaling::pointClicked, this, &SweepView::pointClicked);
    connect(ucurve_, &SweepUCurve::pointClicked, this, &SweepView::pointClicked);
    connect(paramChart_, &SweepParamChart::pointClicked, this, &SweepView::pointClicked);
    updateViews();
    updateButtons();
}

SweepView::~SweepView() {
    runner_->shutdown();
}

void SweepView::setEnginePath(const QString& path) {
    runner_->setEnginePath(path);
}

bool SweepView::startSweep() {
    if (isRunning() || blocked_) return false;
    if (auto e = form_->validationError()) {
        banner_->showMessage(tr("This sweep is refused:"), *e);
        return false;
    }
    if (auto e = controls_->validationError(RunMode::Parallel)) {
        banner_->showMessage(tr("The control panel's settings are refused:"), e->message);
        return false;
    }
    QString error;
    if (!runner_->start(controls_->settings(), form_->settings(), usableCores_, &error)) {
        banner_->showMessage(tr("This sweep is refused:"), error);
        return false;
    }
    banner_->dismiss();
    shown_.reset();
    shownRuns_ = -1;
    slice_.clear();
    controls_->setRunning(true);
    updateButtons();
    updateProgress();
    emit runningChanged(true);
    return true;
}

void SweepView::stopSweep() {
    if (!isRunning()) return;
    runner_->stop();
    progress_->setText(tr("Stopping… the points that finished are kept."));
}

bool SweepView::isRunning() const {
    return runner_->isRunning();
}

void SweepView::shutdown() {
    runner_->shutdown();
}

void SweepView::setBlocked(bool blocked) {
    blocked_ = blocked;
    updateButtons();
}

void SweepView::updateButtons() {
    const bool running = isRunning();
    const auto error = form_->validationError();
    run_->setEnabled(!running && !blocked_ && !error);
    stop_->setEnabled(running);
    bar_->setVisible(running);
    form_->setEnabled(!running);
    const SweepDocument* doc = document();
    use_->setEnabled(!running && doc && doc->best());
}

const SweepDocument* SweepView::document() const {
    if (shown_) return &*shown_;
    if (runner_->progress() && isRunning()) return &runner_->progress()->live();
    return nullptr;
}

void SweepView::updateProgress() {
    const SweepProgress* p = runner_->progress();
    if (!p || !isRunning()) return;
    bar_->setValue(static_cast<int>(p->fraction() * 1000));
    const double elapsed = runner_->elapsedSeconds();
    QString text = tr("%1 of %2 points done · run %3 of %4 · %5 elapsed")
                       .arg(p->pointsDone())
                       .arg(p->pointsTotal())
                       .arg(p->runsDone())
                       .arg(p->runsTotal())
                       .arg(clock(elapsed));
    if (const auto left = p->secondsLeft(elapsed)) text += tr(" · about %1 left").arg(clock(*left));
    progress_->setText(text);
    if (p->runsDone() != shownRuns_) {  // redraw the views only when a run finished
        shownRuns_ = p->runsDone();
        updateViews();
    }
}

void SweepView::onFinished(int exitCode, const QString& message) {
    controls_->setRunning(false);
    bar_->setValue(1000);
    if (runner_->result()) {
        shown_ = *runner_->result();
        slice_.clear();
    }
    if (exitCode == 2) {
        controls_->showEngineError(message);
        banner_->showMessage(tr("The engine refused this sweep:"), message);
        progress_->setText(tr("Refused."));
    } else if (!shown_) {
        banner_->showMessage(tr("The sweep failed:"), message);
        progress_->setText(tr("Failed."));
    } else {
        if (exitCode != 0 && exitCode != 130)
            banner_->showMessage(tr("A run of the sweep failed; what finished is shown."), message);
        progress_->setText(shown_->interrupted ? tr("Stopped: %1 of %2 points ran; they are shown.")
                                                     .arg(shown_->pointsRan())
                                                     .arg(shown_->points.size())
                                               : tr("Done: %1 points in %2.")
                                                     .arg(shown_->points.size())
                                                     .arg(clock(runner_->elapsedSeconds())));
    }
    updateViews();
    updateButtons();
    emit this->message(progress_->text());  // the status bar says how it ended
    emit runningChanged(false);
    emit sweepFinished();
}

void SweepView::showDocument(SweepDocument doc) {
    shown_ = std::move(doc);
    // The form shows the document's axes, so that Run sweep measures them again.
    form_->setSettings(sweepSettingsOf(*shown_));
    slice_.clear();
    bar_->setValue(0);
    progress_->setText(tr("%1 of %2 points ran (seed %3).")
                           .arg(shown_->pointsRan())
                           .arg(shown_->points.size())
                           .arg(shown_->seed));
    updateViews();
    updateButtons();
}

void SweepView::updateTexts() {
    const SweepDocument* doc = document();
    recommendation_->setText(recommendationText());
    warning_->setText(warningText());
    warning_->setVisible(!warning_->text().isEmpty());
    recommendation_->setVisible(doc != nullptr);
}

QString SweepView::recommendationText() const {
    const SweepDocument* doc = document();
    if (!doc) return {};
    if (isRunning())
        return tr("Sweeping %1, %2 items: the cells fill in as points finish; the fits come "
                  "at the end.")
            .arg(QString::fromStdString(doc->config.workload))
            .arg(doc->config.size);
    return sweepRecommendationText(*doc);
}

QString SweepView::warningText() const {
    const SweepDocument* doc = document();
    return doc && !isRunning() ? sweepWarningText(*doc) : QString();
}

QString SweepView::progressText() const {
    return progress_->text();
}

bool SweepView::useSetting(std::optional<std::size_t> point) {
    const SweepDocument* doc = document();
    if (!doc || isRunning()) return false;
    if (!point) point = doc->best();
    if (!point || *point >= doc->points.size() || !doc->points[*point].ran) return false;
    RunConfig cfg = doc->config;
    for (std::size_t k = 0; k < doc->axes.size(); ++k)
        apply_axis_value(cfg, doc->axes[k].name, doc->points[*point].values[k]);
    controls_->setSettings(settingsFromConfig(cfg));
    emit message(tr("Loaded %1 into the controls: Compare runs it.").arg(doc->label(*point)));
    return true;
}

}  // namespace poolscope::ui
