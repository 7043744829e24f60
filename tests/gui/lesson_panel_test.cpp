// The lessons panel: the built-in lessons load through the core's loader with "{cores}"
// settled, choosing one loads its settings, and a lesson's check (figures from a recorded run,
// through the same code as `poolscope-cli lesson N --check`) is shown expectation by
// expectation with PASS or FAIL and the figures.
#include <QFile>
#include <QSignalSpy>
#include <QTest>

#include "support/gui_test_paths.h"
#include "ui/lesson_panel.h"
#include "ui/lesson_run.h"
#include "ui/session_model.h"
#include "ui/stream_feed.h"

using namespace poolscope;
using namespace poolscope::ui;

namespace {

// One of lesson 1's runs, as recorded (square, 1000 items, 4 workers, --compare): the native
// pool ("compare_square.jsonl") or CPython's Pool ("compare_square_python.jsonl").
void replayLessonOneRun(SessionModel& session, const char* fixture) {
    QFile f(test::fixture(fixture));
    QVERIFY(f.open(QIODevice::ReadOnly));
    StreamFeed feed;
    feed.feed(f.readAll());
    feed.finish();
    session.beginRequest(
        QStringLiteral("Lesson 1"),
        {QStringLiteral("--workload"), QStringLiteral("square"), QStringLiteral("--compare")}, 1);
    session.update(feed.stream());
    session.finishRequest(RequestState::Done, {});
}

}  // namespace

class LessonPanelTest : public QObject {
    Q_OBJECT

  private slots:
    void builtInLessonsLoadWithCoresSettled() {
        QString error;
        const LessonCatalog catalog = LessonCatalog::builtIn(&error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(catalog.lessons.size() >= 10);
        int sweeps = 0;
        for (const auto& l : catalog.lessons) {
            QVERIFY(l.runs.isEmpty() == l.isSweep());  // runs or a sweep
            QVERIFY(catalog.file.find(l.id) != nullptr);
            QCOMPARE(l.isSweep(), catalog.file.find(l.id)->sweep.has_value());
            for (const auto& r : l.runs)
                QVERIFY(!r.args.join(QLatin1Char(' ')).contains(QLatin1Char('{')));
            QVERIFY(!l.sweepArgs.join(QLatin1Char(' ')).contains(QLatin1Char('{')));
            sweeps += l.isSweep() ? 1 : 0;
        }
        QVERIFY(sweeps >= 3);  // lessons 3, 4 and 16
    }

    void choosingALessonEmitsItsSettings() {
        LessonPanel panel(LessonCatalog::builtIn());
        QSignalSpy chosen(&panel, &LessonPanel::lessonChosen);
        QVERIFY(panel.select(2));
        QCOMPARE(chosen.size(), 1);
        QCOMPARE(panel.current()->id, 2);
        QVERIFY(!panel.select(999));
        panel.selectNext(1);
        QCOMPARE(panel.current()->id, 3);
        panel.select(panel.catalog().lessons.back().id);
        panel.selectNext(1);  // wraps to the first lesson
        QCOMPARE(panel.current()->id, panel.catalog().lessons.front().id);
    }

    void aRecordedRunsCheckIsShownWithItsFigures() {
        LessonPanel panel(LessonCatalog::builtIn());
        QVERIFY(panel.select(1));
        LessonProgress progress(*panel.current(), *panel.currentChecked());
        SessionModel session;
        replayLessonOneRun(session, "compare_square.jsonl");
        QVERIFY(!progress.done());
        progress.finishRun(*session.current());
        QVERIFY(!progress.done());  // the real Pool's run is next
        replayLessonOneRun(session, "compare_square_python.jsonl");
        progress.finishRun(*session.current());
        QVERIFY(progress.done());
        const LessonOutcome outcome = progress.outcome(2);
        QCOMPARE(outcome.overall, CheckStatus::Pass);  // the pool was far slower: recorded
        panel.showOutcome(outcome);
        const QString text = panel.outcomeText();
        QVERIFY(text.contains(QStringLiteral("PASS")));
        QVERIFY(!text.contains(QStringLiteral("FAIL")));
        for (const auto& x : outcome.expectations)
            QVERIFY2(text.contains(QString::fromStdString(x.text).toHtmlEscaped()),
                     qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("tiny.speedup")));  // the figures, not just a verdict
    }

    void aMissingRunFailsItsExpectations() {
        LessonPanel panel(LessonCatalog::builtIn());
        QVERIFY(panel.select(2));
        LessonProgress progress(*panel.current(), *panel.currentChecked());
        SessionModel session;
        session.beginRequest(QStringLiteral("refused"), {}, 1);
        session.finishRequest(RequestState::Refused, QStringLiteral("no"));
        while (!progress.done()) progress.finishRun(*session.current());
        const LessonOutcome outcome = progress.outcome(2);
        QCOMPARE(outcome.overall, CheckStatus::Fail);
        panel.showOutcome(outcome);
        QVERIFY(panel.outcomeText().contains(QStringLiteral("FAIL")));
    }
};

QTEST_MAIN(LessonPanelTest)
#include "lesson_panel_test.moc"
