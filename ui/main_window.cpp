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

void MainWindow::buildLayout() {
    const MachineInfo machine = read_machine_info();
    QString lessonError;
    lessons_ = new LessonPanel(LessonCatalog::builtIn(&lessonError));
    controls_ = new ControlPanel(machine);
    controls_->setRunActions(run_serial_, run_parallel_, compare_, stop_);
    auto* side = new QWidget;
    auto* sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(4, 4, 4, 4);
    sideLayout->addWidget(lessons_);
    sideLayout->addWidget(controls_, 1);
    auto* dock = new QDockWidget(tr("Settings"), this);
    dock->setObjectName(QStringLiteral("settingsDock"));
    dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    dock->setWidget(side);
    addDockWidget(Qt::LeftDockWidgetArea, dock);
    connect(lessons_, &LessonPanel::lessonChosen, this, &MainWindow::chooseLesson);
    connect(lessons_, &LessonPanel::runLessonRequested, this, &MainWindow::runLesson);
    connect(controls_, &ControlPanel::validityChanged, this, &MainWindow::updateActions);

    // The design's grid: progress and memory above, CPU per core and the worker timeline
    // below them, and a strip of the run history (or a comparison) beside the result.
    progress_ = new ProgressChart;
    cpu_ = new CpuChart;
    memory_ = new MemoryChart;
    result_ = new ResultPanel;
    timeline_ = new ChunkTimelineView;
    history_ = new RunHistoryView(session_);
    comparison_ = new ComparisonView(session_);
    // Below the charts: the result of the latest runs (shown by default, so the four live
    // views are visible together), the history of the session, and a comparison of runs.
    lower_tabs_ = new QTabWidget;
    lower_tabs_->setDocumentMode(true);
    lower_tabs_->addTab(result_, tr("Result"));
    lower_tabs_->addTab(history_, tr("Runs"));
    lower_tabs_->addTab(comparison_, tr("Compare runs"));
    auto* top = new QSplitter(Qt::Horizontal);
    top->addWidget(progress_);
    top->addWidget(memory_);
    auto* middle = new QSplitter(Qt::Horizontal);
    middle->addWidget(cpu_);
    middle->addWidget(timeline_);
    auto* rows = new QSplitter(Qt::Vertical);
    rows->addWidget(top);
    rows->addWidget(middle);
    rows->addWidget(lower_tabs_);
    for (auto* s : {top, middle, rows}) {
        s->setChildrenCollapsible(false);
        s->setStretchFactor(0, 1);
        s->setStretchFactor(1, 1);
        s->setSizes({1000, 1000});  // equal halves of whatever space there is
    }
    rows->setSizes({250, 230, 220});  // charts first; the result strip below
    banner_ = new ErrorBanner;
    auto* central = new QWidget;
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(banner_);
    layout->addWidget(rows, 1);
    // Two modes: the live runs, and sweeps (whose base settings are the same controls').
    sweep_ = new SweepView(controls_, machine.usable_cores);
    modes_ = new QTabWidget;
    modes_->setDocumentMode(true);
    modes_->addTab(central, tr("Live runs"));
    modes_->addTab(sweep_, tr("Sweep"));
    setCentralWidget(modes_);
    connect(modes_, &QTabWidget::currentChanged, sweep_view_,
            [this](int i) { sweep_view_->setChecked(i == 1); });
    // A tab that was not shown catches up the moment it is (before it paints).
    for (QTabWidget* tabs : {modes_, lower_tabs_})
        connect(tabs, &QTabWidget::currentChanged, this, [this] { refreshStale(false); });
    connect(sweep_, &SweepView::runningChanged, this, &MainWindow::updateActions);
    connectSweepView();
    connect(sweep_, &SweepView::message, this,
            [this](const QString& m) { statusBar()->showMessage(m, 6000); });
    if (!lessonError.isEmpty()) banner_->showMessage(tr("Lessons unavailable:"), lessonError);

    // The timeline keeps the run it paints: hand it the current one as soon as requests come
    // and go (a deleted or dropped run must never be painted).
    connect(&session_, &SessionModel::requestsChanged, this,
            [this] { timeline_->setRun(timelineRun()); });
    // One run picked in the history: the timeline shows it (a new request shows the newest).
    connect(history_, &RunHistoryView::selectionChanged, this, [this](const QList<RunRef>& runs) {
        timeline_run_ = runs.size() == 1 ? runs.first() : RunRef{};
        timeline_->setRun(timelineRun());
    });
    connect(history_, &RunHistoryView::compareRequested, this, [this](const QList<RunRef>& runs) {
        comparison_->setRuns(runs);
        lower_tabs_->setCurrentWidget(comparison_);
    });
    connect(history_, &RunHistoryView::message, this,
            [this](const QString& m) { statusBar()->showMessage(m, 5000); });
    connect(comparison_, &ComparisonView::message, this,
            [this](const QString& m) { statusBar()->showMessage(m, 5000); });
    recorder_ = new StreamRecorder(QString(), this);
    connect(&client_, &EngineClient::started, recorder_, &StreamRecorder::begin);
    connect(&client_, &EngineClient::bytesReceived, recorder_, &StreamRecorder::append);
    connect(&client_, &EngineClient::finished, recorder_, &StreamRecorder::end);
    connect(recorder_, &StreamRecorder::writeFailed, this, [this](const QString& m) {
        banner_->showMessage(tr("Runs are not being recorded:"), m);
    });
    loader_ = new RecordingLoader(session_, this);
    connect(loader_, &RecordingLoader::loaded, this, [this](int id, const QString& message) {
        refreshViews();
        if (!message.isEmpty()) banner_->showMessage(tr("The stream was read in part:"), message);
        statusBar()->showMessage(tr("Opened request %1").arg(id), 5000);
        emit workFinished();
    });
    connect(loader_, &RecordingLoader::failed, this, [this](const QString& message) {
        banner_->showMessage(tr("Cannot open the stream:"), message);
        emit workFinished();
    });
    file_actions_ = new FileActions(this, history_, loader_, banner_,
                                    {{tr("Progress chart"), progress_},
                                     {tr("CPU chart"), cpu_},
                                     {tr("Memory chart"), memory_},
                                     {tr("Worker timeline"), timeline_},
                                     {tr("Result"), result_}});
    file_actions_->setBeforeSave([this] { refreshStale(true); });  // a hidden view, current
    file_actions_->addTo(menuBar()->actions().first()->menu());
    menuBar()->actions().first()->menu()->addSeparator();
    sweep_->addFileActions(menuBar()->actions().first()->menu(), this);

    status_ = new QLabel(tr("Ready. Choose a lesson or set the knobs, then press Compare."));
    bar_ = new QProgressBar;
    bar_->setRange(0, 1000);
    bar_->setMaximumWidth(240);
    bar_->setTextVisible(false);
    bar_->hide();
    statusBar()->addWidget(status_, 1);
    statusBar()->addPermanentWidget(bar_);
    statusBar()->addPermanentWidget(new QLabel(tr("%n usable core(s)", "", machine.usable_cores)));
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
    refreshStale(false);
    history_->refresh();  // its model is what the exports write: current even when hidden
    updateStatus();
}

void MainWindow::refreshStale(bool hiddenToo) {
    const bool live = hiddenToo || modes_->currentWidget() != sweep_;
    const auto shown = [&](QWidget* tab) {
        return hiddenToo || (live && lower_tabs_->currentWidget() == tab);
    };
    if (live && std::exchange(stale_live_, false)) {
        progress_->refresh(session_);
        cpu_->refresh(session_);
        memory_->refresh(session_);
        timeline_->setRun(timelineRun());
    }
    if (shown(result_) && std::exchange(stale_result_, false)) result_->refresh(session_);
    if (shown(comparison_) && std::exchange(stale_comparison_, false)) comparison_->refresh();
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
    f.setPointSizeF(on ? 14 : 10);
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
