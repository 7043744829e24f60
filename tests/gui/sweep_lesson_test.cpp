// Sweep lessons and sweep points in the main window: choosing a sweep lesson loads its base
// settings into the control panel and its axes into the Sweep view's form with its "what you
// should see"; running it runs the sweep there (the real poolscope-cli) and checks every
// expectation against the sweep's analysis; a click on a heatmap cell puts that point's runs
// and its serial baseline into the history, selected, the figures those of the document (read
// here independently with QJsonDocument).
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

#include "support/gui_test_paths.h"
#include "ui/control_panel.h"
#include "ui/lesson_panel.h"
#include "ui/main_window.h"
#include "ui/sweep_scaling.h"
#include "ui/run_history_view.h"
#include "ui/sweep_form.h"
#include "ui/sweep_heatmap.h"
#include "ui/sweep_view.h"

using namespace poolscope;
using namespace poolscope::ui;

namespace {

// The value after `option` in an argument list.
QString valueAfter(const QStringList& args, const QString& option) {
    const qsizetype i = args.indexOf(option);
    return i >= 0 && i + 1 < args.size() ? args[i + 1] : QString();
}

QJsonObject fixtureJson() {
    QFile f(test::fixture("sweep_sleep.json"));
    if (!f.open(QIODevice::ReadOnly)) qFatal("missing fixture sweep_sleep.json");
    return QJsonDocument::fromJson(f.readAll()).object();
}

}  // namespace

class SweepLessonTest : public QObject {
    Q_OBJECT

  private slots:
    void aSweepLessonLoadsIntoTheSweepView() {
        MainWindow window;
        window.show();
        QVERIFY(window.lessons()->select(16));
        const ui::Lesson* lesson = window.lessons()->current();
        QVERIFY(lesson && lesson->isSweep());
        QVERIFY(window.sweepView()->isVisible());  // the Sweep tab is the one shown
        QVERIFY(window.sweepView()->lessonText().contains(QStringLiteral("How many workers?")));
        QVERIFY(window.sweepView()->lessonText().contains(
            QStringLiteral("stays flat")));  // its "what you should see"
        const SweepSettings form = window.sweepView()->form()->settings();
        QCOMPARE(form.workers, valueAfter(lesson->sweepArgs, QStringLiteral("--workers")));
        QCOMPARE(form.repeat, valueAfter(lesson->sweepArgs, QStringLiteral("--repeat")).toInt());
        const RunSettings base = window.controls()->settings();
        QCOMPARE(base.workload, QStringLiteral("cpu"));
        QCOMPARE(base.params.value(QStringLiteral("item_us")), QStringLiteral("1000"));
        QVERIFY(!window.sweepView()->form()->validationError());

        // Lesson 3 sweeps a workload parameter: the form shows it and keeps it.
        QVERIFY(window.lessons()->select(3));
        QCOMPARE(window.sweepView()->form()->settings().params,
                 QStringList{QStringLiteral("item_us=1,10,100,1000")});
        QVERIFY(!window.sweepView()->form()->validationError());
        // Lesson 4 sweeps the chunksize at one worker count: the control panel shows that
        // count, not the one it had before.
        QVERIFY(window.lessons()->select(4));
        const QString fixedWorkers =
            valueAfter(window.lessons()->current()->sweepArgs, QStringLiteral("--workers"));
        QCOMPARE(window.sweepView()->form()->settings().workers, fixedWorkers);
        QCOMPARE(window.controls()->settings().workers, fixedWorkers.toInt());
        // One worker count: the speedup-against-workers plot would be a single point, so the
        // U-curve has the room.
        QVERIFY(window.sweepView()->scaling()->isHidden());

        // A lesson of runs takes the text away again.
        QVERIFY(window.lessons()->select(1));
        QVERIFY(window.sweepView()->lessonText().isEmpty());
    }

    void runningASweepLessonChecksEveryExpectation() {
        MainWindow window;
        window.show();
        QVERIFY(window.lessons()->select(16));
        // Smaller than the lesson (the claims are the slow test's): 1 run of 4 items per point.
        RunSettings base = window.controls()->settings();
        base.size = 4;
        window.controls()->setSettings(base);
        SweepSettings form = window.sweepView()->form()->settings();
        form.repeat = 1;
        window.sweepView()->form()->setSettings(form);
        QSignalSpy done(&window, &MainWindow::workFinished);
        QVERIFY(window.runLesson());
        QVERIFY(window.sweepView()->isRunning());
        QVERIFY(done.wait(90000));
        const SweepDocument* doc = window.sweepView()->document();
        QVERIFY(doc);
        QVERIFY(!doc->interrupted);
        QCOMPARE(doc->axes.size(), std::size_t{1});
        QCOMPARE(doc->axes[0].name, std::string("workers"));
        const QString outcome = window.lessons()->outcomeText();
        for (const char* id : {"scales", "flattens", "amdahl"})
            QVERIFY2(outcome.contains(QLatin1String(id)), qPrintable(outcome));
        QVERIFY2(outcome.contains(QLatin1String("sweep.speedup_at_cores")), qPrintable(outcome));
    }

    void clickingACellPutsItsRunsIntoTheHistory() {
        MainWindow window;
        window.resize(1280, 800);
        window.show();
        window.showMode(1);
        SweepView* view = window.sweepView();
        QVERIFY(view->openFile(test::fixture("sweep_sleep.json")));
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        // The first point that ran, and what the document says of it.
        const QJsonObject json = fixtureJson();
        const QJsonArray points = json[QStringLiteral("points")].toArray();
        std::size_t point = 0;
        while (!points[static_cast<int>(point)].toObject()[QStringLiteral("ran")].toBool()) ++point;
        const QJsonObject p = points[static_cast<int>(point)].toObject();
        const auto runsOf = [](const QJsonObject& series) {
            return series.contains(QStringLiteral("runs"))
                       ? series[QStringLiteral("runs")].toArray().size()
                       : 1;
        };
        const int expectedRuns = runsOf(json[QStringLiteral("serial")].toObject()) +
                                 runsOf(p[QStringLiteral("series")].toObject());
        const auto cell = view->heatmap()->grid().find(point);
        QVERIFY(cell);
        const QRect rect = view->heatmap()->cellRect(static_cast<int>(cell->first),
                                                     static_cast<int>(cell->second));
        QVERIFY(rect.isValid());
        const std::size_t before = window.session().requests().size();
        QTest::mouseClick(view->heatmap(), Qt::LeftButton, {}, rect.center());
        QCOMPARE(window.session().requests().size(), before + 1);
        const Request& r = window.session().requests().back();
        QVERIFY(r.title.contains(view->document()->label(point)));
        QCOMPARE(static_cast<int>(r.runs.size()), expectedRuns);
        const auto c = r.comparison();
        QVERIFY(c);
        QVERIFY(qAbs(c->speedup - p[QStringLiteral("speedup")].toDouble()) < 1e-6);
        QCOMPARE(window.history()->selectedRuns().size(), expectedRuns);
        for (const RunRef& ref : window.history()->selectedRuns()) QCOMPARE(ref.request, r.id);
        // Clicked again, the same request is selected, not a second one added.
        window.history()->selectRuns({});
        QTest::mouseClick(view->heatmap(), Qt::LeftButton, {}, rect.center());
        QCOMPARE(window.session().requests().size(), before + 1);
        QCOMPARE(window.history()->selectedRuns().size(), expectedRuns);
    }
};

QTEST_MAIN(SweepLessonTest)
#include "sweep_lesson_test.moc"
