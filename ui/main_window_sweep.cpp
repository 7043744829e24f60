// MainWindow and the Sweep view: a sweep lesson loads into the Sweep view and runs there, its
// expectations checked against the sweep's analysis when it ends; a point clicked in the
// heatmap or a chart has its runs (and its serial baseline) put into the history, selected.
#include <QStatusBar>
#include <QTabWidget>

#include "core/platform/machine_info.h"
#include "ui/lesson_panel.h"
#include "ui/main_window.h"
#include "ui/run_history_view.h"
#include "ui/sweep_point_runs.h"
#include "ui/sweep_view.h"

namespace poolscope::ui {

void MainWindow::chooseLesson(const Lesson& l) {
    setWindowTitle(tr("PoolScope — Lesson %1: %2").arg(l.id).arg(l.title));
    if (l.isSweep()) {
        if (sweep_->loadLesson(tr("Lesson %1: %2").arg(l.id).arg(l.title), l.sweepArgs,
                               l.whatYouShouldSee))
            showMode(1);
        return;
    }
    sweep_->clearLesson();
    if (!l.runs.isEmpty()) loadArguments(l.runs.first().args);
}

void MainWindow::connectSweepView() {
    connect(sweep_, &SweepView::sweepFinished, this, &MainWindow::finishSweepLesson);
    connect(sweep_, &SweepView::pointClicked, this, &MainWindow::openSweepPoint);
}

bool MainWindow::runSweepLesson() {
    const poolscope::Lesson* checked = lessons_->currentChecked();
    if (!checked || client_.isRunning() || sweep_->isRunning()) return false;
    lessons_->clearOutcome();
    showMode(1);
    sweep_lesson_ = *checked;
    if (!sweep_->startSweep()) {
        sweep_lesson_.reset();
        lessons_->setRunning(false, tr("This lesson's sweep was refused."));
        emit workFinished();
        return false;
    }
    lessons_->setRunning(true, tr("The sweep runs in the Sweep view."));
    return true;
}

void MainWindow::finishSweepLesson() {
    if (!sweep_lesson_) return;
    const poolscope::Lesson lesson = *sweep_lesson_;
    sweep_lesson_.reset();
    const SweepDocument* doc = sweep_->document();
    if (!doc || doc->interrupted) {
        lessons_->setRunning(false, doc ? tr("Lesson stopped.") : tr("The sweep did not run."));
    } else {
        lessons_->setRunning(false);
        lessons_->showOutcome(sweepLessonOutcome(lesson, *doc, read_machine_info().usable_cores));
    }
    emit workFinished();
}

void MainWindow::openSweepPoint(std::size_t point) {
    const SweepDocument* doc = sweep_->document();
    if (!doc || sweep_->isRunning() || point >= doc->points.size()) return;
    // A point opened twice is selected again, not added again (while its request lasts).
    const QString key = QStringLiteral("%1:%2").arg(qHash(doc->source)).arg(point);
    const Request* request = nullptr;
    if (const auto it = sweep_point_requests_.constFind(key); it != sweep_point_requests_.cend())
        request = session_.findRequest(*it);
    if (!request) {
        QString error;
        const auto stream = sweepPointStream(*doc, point, &error);
        if (!stream) {
            statusBar()->showMessage(tr("%1: %2").arg(doc->label(point), error), 6000);
            return;
        }
        request = &session_.addRecordedRequest(tr("Sweep point %1").arg(doc->label(point)), *stream,
                                               RequestState::Done, QString());
        sweep_point_requests_.insert(key, request->id);
        refreshViews();
    }
    QList<RunRef> runs;
    for (const auto& run : request->runs) runs << RunRef{request->id, run.run_id};
    history_->refresh();
    history_->selectRuns(runs);
    lower_tabs_->setCurrentWidget(history_);
    statusBar()->showMessage(
        tr("%1: its %n run(s), the serial baseline's included, are selected in Live runs → Runs",
           "", static_cast<int>(runs.size()))
            .arg(doc->label(point)),
        8000);
}

}  // namespace poolscope::ui
