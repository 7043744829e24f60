// MainWindow's layout: the settings dock (lesson panel over the control panel), the live views
// and the run history in tabs, the Sweep view, the status bar; built once, at construction.
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

}  // namespace poolscope::ui
