#include "ui/main_window.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QLabel>
#include <QMenuBar>
#include <QProgressBar>
#include <QScrollArea>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolBar>
#include <QVBoxLayout>
#include <utility>

#include "core/platform/machine_info.h"
#include "ui/about_dialog.h"
#include "ui/chunk_timeline_view.h"
#include "ui/comparison_view.h"
#include "ui/control_panel.h"
#include "ui/cpu_chart.h"
#include "ui/error_banner.h"
#include "ui/file_actions.h"
#include "ui/lesson_panel.h"
#include "ui/main_menus.h"
#include "ui/memory_chart.h"
#include "ui/progress_chart.h"
#include "ui/recording_loader.h"
#include "ui/result_panel.h"
#include "ui/run_history_view.h"
#include "ui/run_status.h"
#include "ui/stream_recorder.h"
#include "ui/sweep_view.h"

namespace poolscope::ui {

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {
    setWindowTitle(tr("PoolScope"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/poolscope.svg")));
    style_ = ChartStyle::fromPalette(false);
    buildActions();
    buildLayout();
    redraw_.setInterval(100);  // 10 Hz: smooth enough to watch, cheap enough not to disturb
    connect(&redraw_, &QTimer::timeout, this, [this] {
        if (session_.takeDirty()) refreshViews();
        if (client_.isRunning()) updateStatus();
    });
    redraw_.start();
    connect(&client_, &EngineClient::streamAdvanced, this, [this] {
        session_.update(client_.feed().stream());
        client_.feed().releaseSamples();  // the session holds them, bounded
    });
    connect(&client_, &EngineClient::streamError, this, [this](const QString& message) {
        banner_->showMessage(tr("The engine's event stream has a malformed line:"), message);
    });
    connect(&client_, &EngineClient::finished, this, &MainWindow::onFinished);
    updateActions();
    resize(1366, 768);
}

MainWindow::~MainWindow() {
    sweep_->shutdown();
    client_.shutdown();
}

void MainWindow::buildActions() {
    MainMenuActions a = makeMainActions(this);
    run_serial_ = a.runSerial;
    run_parallel_ = a.runParallel;
    compare_ = a.compare;
    stop_ = a.stop;
    presentation_ = a.presentation;
    run_sweep_ = a.runSweep;
    sweep_view_ = a.sweepView;
    connect(run_serial_, &QAction::triggered, this, [this] { startRun(RunMode::Serial); });
    connect(run_parallel_, &QAction::triggered, this, [this] { startRun(RunMode::Parallel); });
    connect(compare_, &QAction::triggered, this, [this] { startRun(RunMode::Compare); });
    connect(stop_, &QAction::triggered, this, &MainWindow::stopRun);
    connect(presentation_, &QAction::toggled, this, &MainWindow::setPresentation);
    connect(run_sweep_, &QAction::triggered, this, [this] {
        showMode(1);
        sweep_->startSweep();
    });
    connect(sweep_view_, &QAction::toggled, this, [this](bool on) { showMode(on ? 1 : 0); });
    a.runLesson = [this] { runLesson(); };
    a.stepLesson = [this](int step) { lessons_->selectNext(step); };
    a.about = [this] { AboutDialog(read_machine_info(), this).exec(); };
    buildMainMenus(this, a);
}

bool MainWindow::applyOptions(const GuiOptions& o, QString* error) {
    if (!o.engine.isEmpty()) client_.setEnginePath(o.engine);
    if (!o.engine.isEmpty()) sweep_->setEnginePath(o.engine);
    setRecording(o.record);
    if (o.presentation) presentation_->setChecked(true);
    if (o.lesson && !lessons_->select(*o.lesson)) {
        if (error) *error = tr("--lesson: there is no lesson %1").arg(*o.lesson);
        return false;
    }
    if (!o.lesson && o.args.isEmpty()) lessons_->select(lessons_->catalog().defaultLesson);
    if (!o.args.isEmpty()) {
        RunSettings s;
        if (!fromArguments(o.args, s, error, &preferred_mode_)) return false;
        controls_->setSettings(s);
    }
    return true;
}

void MainWindow::loadArguments(const QStringList& args) {
    RunSettings s;
    QString error;
    if (fromArguments(args, s, &error, &preferred_mode_))
        controls_->setSettings(s);
    else
        banner_->showMessage(tr("These settings are refused:"), error);
}

bool MainWindow::runLesson() {
    const Lesson* shown = lessons_->current();
    const poolscope::Lesson* checked = lessons_->currentChecked();
    if (shown && shown->isSweep()) return runSweepLesson();
    if (client_.isRunning() || !shown || !checked || shown->runs.isEmpty()) return false;
    lesson_run_.emplace(*shown, *checked);
    lessons_->clearOutcome();
    startNextLessonRun();
    return true;
}

void MainWindow::startNextLessonRun() {
    const LessonRun& run = lesson_run_->nextRun();
    lessons_->setRunning(true, tr("Run %1 of %2: %3")
                                   .arg(lesson_run_->nextIndex() + 1)
                                   .arg(lesson_run_->lesson().runs.size())
                                   .arg(run.label));
    loadArguments(run.args);
    if (!startRun(preferred_mode_)) {
        lesson_run_.reset();
        lessons_->setRunning(false, tr("This lesson's run '%1' was refused.").arg(run.label));
        emit workFinished();
        return;
    }
    if (Request* r = session_.currentMutable())
        r->title = tr("Lesson %1 · %2").arg(lesson_run_->lesson().id).arg(run.label);
}

bool MainWindow::startRun(RunMode mode) {
    if (client_.isRunning() || sweep_->isRunning()) return false;
    preferred_mode_ = mode;  // what the next session opens with
    controls_->clearEngineError();
    if (auto e = controls_->validationError(mode)) {
        status_->setText(tr("Refused: %1").arg(e->message));
        return false;
    }
    banner_->dismiss();
    const QStringList args = controls_->arguments(mode);
    const QString titles[] = {tr("Run serial"), tr("Run parallel"), tr("Compare")};
    session_.beginRequest(titles[static_cast<int>(mode)], args, controls_->settings().repeat);
    timeline_run_ = {};  // the new run is what the timeline follows
    client_.start(args);
    sweep_->setBlocked(true);
    controls_->setRunning(true);
    updateActions();
    updateStatus();
    return true;
}

void MainWindow::stopRun() {
    if (sweep_->isRunning()) sweep_->stopSweep();
    if (!client_.isRunning()) return;
    client_.stop();
    status_->setText(tr("Stopping…"));
}

void MainWindow::onFinished(const EngineExit& exit) {
    session_.update(client_.feed().stream());
    RequestState state = RequestState::Done;
    if (exit.code == 2 && !exit.crashed) {
        state = RequestState::Refused;
        controls_->showEngineError(exit.message);
        banner_->showMessage(tr("The engine refused these settings:"), exit.message);
    } else if (exit.code == 130) {
        state = RequestState::Stopped;
    } else if (exit.crashed || exit.code != 0) {
        state = RequestState::Failed;
        QString detail = exit.message;
        if (const Request* r = session_.current()) {
            for (const auto& run : r->runs)
                for (const auto& e : run.errors)
                    detail += QStringLiteral("\n") + QString::fromStdString(e.error.message);
        }
        banner_->showMessage(tr("The run failed; what finished is kept."), detail.trimmed());
    }
    session_.finishRequest(state, exit.message);
    controls_->setRunning(false);
    sweep_->setBlocked(false);
    refreshViews();
    updateActions();
    emit requestFinished();
    if (lesson_run_) {
        lesson_run_->finishRun(*session_.current());
        if (state == RequestState::Stopped) {  // the user stopped the lesson
            lesson_run_.reset();
            lessons_->setRunning(false, tr("Lesson stopped."));
        } else if (!lesson_run_->done()) {
            QTimer::singleShot(0, this, &MainWindow::startNextLessonRun);
            return;
        } else {
            lessons_->setRunning(false);
            lessons_->showOutcome(lesson_run_->outcome(read_machine_info().usable_cores));
            lesson_run_.reset();
        }
    }
    emit workFinished();
}

void MainWindow::refreshViews() {
    ++redraws_;
    stale_live_ = stale_result_ = stale_comparison_ = true;
    refreshStale(false, true);
    history_->refresh();  // its model is what the exports write: current even when hidden
    updateStatus();
}

void MainWindow::refreshStale(bool hiddenToo, bool paced) {
    const bool live = hiddenToo || modes_->currentWidget() != sweep_;
    const auto shown = [&](QWidget* tab) {
        return hiddenToo || (live && lower_tabs_->currentWidget() == tab);
    };
    if (live && std::exchange(stale_live_, false)) {
        // The charts are paced only while the current request's runs stream in; a new
        // request or run, a run's end and the request's end are drawn at once.
        const Request* req = session_.current();
        std::size_t ended = 0, running = 0;
        if (req)
            for (const RunTrace& r : req->runs) ++(r.finished() ? ended : running);
        const bool other = charts_signature_.changed(
            req ? req->id : 0, req ? static_cast<int>(req->state) : -1, req ? req->runs.size() : 0,
            ended, reinterpret_cast<uintptr_t>(session_.latestRun(true)),
            reinterpret_cast<uintptr_t>(session_.latestRun(false)));
        if (paced)
            charts_pace_.request(other, req && req->running() && running > 0);
        else
            charts_pace_.drawNow();
        timeline_->setRun(timelineRun());
    } else if (live && charts_pace_.pending() && !paced) {
        charts_pace_.drawNow();  // shown again (or saved) before the held-back draw came
    }
    if (shown(result_) && std::exchange(stale_result_, false)) result_->refresh(session_);
    if (shown(comparison_) && std::exchange(stale_comparison_, false)) comparison_->refresh();
}

// The Qt Charts views with everything taken in so far (LivePace's draw).
void MainWindow::drawPacedCharts() {
    progress_->refresh(session_);
    cpu_->refresh(session_);
    memory_->refresh(session_);
}

void MainWindow::updateStatus() {
    const RunStatus s = runStatus(session_, client_.isRunning());
    status_->setText(s.text);
    bar_->setVisible(s.running);
    bar_->setValue(static_cast<int>(s.fraction * 1000));
}

QString MainWindow::statusText() const {
    return status_->text();
}

void MainWindow::updateActions() {
    const bool running = client_.isRunning() || sweep_->isRunning();
    const std::pair<QAction*, RunMode> modes[] = {{run_serial_, RunMode::Serial},
                                                  {run_parallel_, RunMode::Parallel},
                                                  {compare_, RunMode::Compare}};
    for (const auto& [action, mode] : modes) {
        const auto e = controls_->validationError(mode);
        action->setEnabled(!running && !e);
        action->setStatusTip(e ? e->message : action->toolTip());
    }
    stop_->setEnabled(running);
    run_sweep_->setEnabled(!running);
}

void MainWindow::setPresentation(bool on) {
    style_ = ChartStyle::fromPalette(on);
    QFont f = QApplication::font();
    f.setPointSizeF(on ? 12 : 10);
    for (QWidget* w : {static_cast<QWidget*>(controls_), static_cast<QWidget*>(lessons_),
                       static_cast<QWidget*>(statusBar())})
        w->setFont(f);
    progress_->setChartStyle(style_);
    cpu_->setChartStyle(style_);
    memory_->setChartStyle(style_);
    result_->setChartStyle(style_);
    timeline_->setChartStyle(style_);
    comparison_->setChartStyle(style_);
    sweep_->setChartStyle(style_);
    refreshViews();
}

const RunTrace* MainWindow::timelineRun() const {
    if (timeline_run_.valid())
        if (const RunTrace* picked = session_.findRun(timeline_run_)) return picked;
    return session_.latestRun(false);
}

void MainWindow::showMode(int mode) {
    modes_->setCurrentIndex(mode);
}

bool MainWindow::presentationMode() const {
    return presentation_->isChecked();
}

bool MainWindow::openStream(const QString& path) {
    return file_actions_->open(path);
}

void MainWindow::setRecording(bool on) {
    recorder_->setEnabled(on);
}

bool MainWindow::saveScreenshot(const QString& path) {
    refreshViews();
    return grab().save(path, "PNG");
}

void MainWindow::closeEvent(QCloseEvent* event) {
    sweep_->shutdown();
    client_.shutdown();  // the engine and its workers end before the window does
    event->accept();
}

}  // namespace poolscope::ui
