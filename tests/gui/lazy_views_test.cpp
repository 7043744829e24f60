// Views draw only what a user can see, and catch up the moment they can: the worker timeline
// repaints a live run's new data at most every kLiveRepaintMs, but at once when the run ends or
// the user zooms, and then shows what a timeline given the whole run at once shows; the live
// views behind the Sweep view and the result behind the run history are not laid out while
// hidden, and show, as soon as their tab is, the picture of a window that showed them all along.
// The Qt Charts views (progress, CPU, memory) follow a live run's new data at LivePace's
// interval, and end on the picture of charts drawn at every refresh.
#include <QCoreApplication>
#include <QFile>
#include <QImage>
#include <QTabWidget>
#include <QTest>

#include "support/gui_test_paths.h"
#include "support/session_replay.h"
#include "support/synthetic_run.h"
#include "ui/chunk_timeline_view.h"
#include "ui/cpu_chart.h"
#include "ui/main_window.h"
#include "ui/memory_chart.h"
#include "ui/progress_chart.h"
#include "ui/result_panel.h"
#include "ui/run_history_view.h"
#include "ui/stream_feed.h"

using namespace poolscope;
using namespace poolscope::ui;

namespace {

// The tab widget a page sits in (QTabWidget → its stack → the page).
QTabWidget* tabsOf(QWidget* page) {
    return qobject_cast<QTabWidget*>(page->parentWidget()->parentWidget());
}

uint64_t layouts(const ChunkTimelineView& view) {
    return view.model().layoutCount();
}

QList<QByteArray> fixtureLines(const char* name) {
    QFile f(test::fixture(name));
    if (!f.open(QIODevice::ReadOnly)) return {};
    QList<QByteArray> lines = f.readAll().split('\n');
    for (auto& line : lines) line.append('\n');
    return lines;
}

// A window as the engine client drives it: the request begun, then the stream line by line,
// each line taken into the session and the views refreshed. after(i) runs after line i.
struct LiveWindow {
    MainWindow window;
    StreamFeed feed;

    LiveWindow() {
        window.resize(1366, 768);
        window.show();
        window.session().beginRequest(QStringLiteral("Compare"), {}, 1);
    }
    void take(const QByteArray& line) {
        feed.feed(line);
        feed.drain();
        window.session().update(feed.stream());
        window.refreshViews();
    }
    void finish() {
        feed.finish();
        window.session().update(feed.stream());
        window.session().finishRequest(RequestState::Done, {});
        window.refreshViews();
    }
};

}  // namespace

class LazyViewsTest : public QObject {
    Q_OBJECT

  private slots:
    void liveTimelineRepaintsNewDataAtMostEveryInterval() {
        const RunTrace whole = test::syntheticRun(4, 4000);
        QVERIFY(whole.finished());
        RunTrace live = whole;
        live.result.reset();
        live.end_s = -1;
        live.chunks.resize(1000);
        ChunkTimelineView view;
        view.setLiveRepaintInterval(60'000);  // no deferred repaint comes during this test
        view.resize(900, 320);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setRun(&live);
        QTRY_VERIFY(layouts(view) >= 1);
        QTest::qWait(50);
        const uint64_t first = layouts(view);
        // New chunks of the live run, just after a paint: they wait for the interval.
        live.chunks.assign(whole.chunks.begin(), whole.chunks.begin() + 2500);
        view.setRun(&live);
        QTest::qWait(200);
        QCOMPARE(layouts(view), first);
        // What the user does is drawn at once, with everything taken in so far.
        const auto [t0, t1] = view.visibleRange();
        view.zoomTo(t0, (t0 + t1) / 2);
        QTRY_VERIFY(layouts(view) > first);
        view.resetZoom();
        QTRY_VERIFY(layouts(view) > first + 1);
        // The run ends: drawn at once, the same picture as a timeline that had it whole.
        const uint64_t before_end = layouts(view);
        live.chunks = whole.chunks;
        live.result = whole.result;
        live.end_s = whole.end_s;
        view.setRun(&live);
        QTRY_VERIFY(layouts(view) > before_end);
        ChunkTimelineView fresh;
        fresh.resize(view.size());
        fresh.setRun(&whole);
        QCOMPARE(view.grab().toImage(), fresh.grab().toImage());
        // Nothing new: no repaint at all.
        const uint64_t done = layouts(view);
        view.setRun(&live);
        QTest::qWait(50);
        QCOMPARE(layouts(view), done);
    }

    void deferredRepaintComes() {
        const RunTrace whole = test::syntheticRun(2, 600);
        RunTrace live = whole;
        live.result.reset();
        live.end_s = -1;
        live.chunks.resize(200);
        ChunkTimelineView view;
        view.setLiveRepaintInterval(100);
        view.resize(700, 240);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setRun(&live);
        QTRY_VERIFY(layouts(view) >= 1);
        for (std::size_t n : {300u, 400u, 500u}) {
            const uint64_t before = layouts(view);
            live.chunks.assign(whole.chunks.begin(), whole.chunks.begin() + n);
            view.setRun(&live);
            QTRY_VERIFY(layouts(view) > before);  // within the interval, however busy
            QCOMPARE(view.model().rows().size(), std::size_t{2});
        }
    }

    void liveChartsFollowAtThePaceAndEndOnTheWholePicture() {
        const QList<QByteArray> lines = fixtureLines("compare_sleep.jsonl");
        QVERIFY(lines.size() > 80);
        LiveWindow paced, every;
        paced.window.chartsPace().setInterval(60'000);  // no held-back draw during this test
        every.window.chartsPace().setInterval(0);       // drawn at every refresh
        QVERIFY(QTest::qWaitForWindowExposed(&paced.window));
        QVERIFY(QTest::qWaitForWindowExposed(&every.window));
        bool behind = false;
        for (const QByteArray& line : lines) {
            paced.take(line);
            every.take(line);
            const auto serial = [](LiveWindow& w) {
                return w.window.progressChart()->linePoints(true).size();
            };
            // While the serial run streams in, the paced chart keeps its first picture.
            if (serial(paced) < serial(every)) behind = true;
        }
        QVERIFY(behind);
        QVERIFY(paced.window.chartsPace().draws() < every.window.chartsPace().draws() / 4);
        paced.finish();
        every.finish();
        QCOMPARE(paced.window.progressChart()->linePoints(true),
                 every.window.progressChart()->linePoints(true));
        QCOMPARE(paced.window.progressChart()->linePoints(false),
                 every.window.progressChart()->linePoints(false));
        QCOMPARE(paced.window.cpuChart()->totalPoints(), every.window.cpuChart()->totalPoints());
        QCOMPARE(paced.window.memoryChart()->rssPoints(), every.window.memoryChart()->rssPoints());
        QCOMPARE(paced.window.memoryChart()->topOfStack(),
                 every.window.memoryChart()->topOfStack());
        QCoreApplication::processEvents();
        QCOMPARE(paced.window.progressChart()->grab().toImage(),
                 every.window.progressChart()->grab().toImage());
        QCOMPARE(paced.window.memoryChart()->grab().toImage(),
                 every.window.memoryChart()->grab().toImage());
        QCOMPARE(paced.window.cpuChart()->grab().toImage(),
                 every.window.cpuChart()->grab().toImage());
    }

    void heldBackChartDrawComes() {
        const QList<QByteArray> lines = fixtureLines("compare_sleep.jsonl");
        LiveWindow paced;
        paced.window.chartsPace().setInterval(100);
        QVERIFY(QTest::qWaitForWindowExposed(&paced.window));
        // The serial run's start and its first progress lines: it is live.
        for (int i = 0; i < 12; ++i) paced.take(lines[i]);
        const auto taken = [&] {
            return paced.window.session().current()->runs[0].progress.size();
        };
        QVERIFY(taken() >= 3);
        // Drawn within the interval, however quickly the lines came.
        QTRY_COMPARE(std::size_t(paced.window.progressChart()->linePoints(true).size()),
                     std::size_t(taken()));
    }

    void hiddenTabsCatchUpWhenShown() {
        MainWindow shown, hidden;
        for (MainWindow* w : {&shown, &hidden}) {
            w->resize(1366, 768);
            w->show();
            QVERIFY(QTest::qWaitForWindowExposed(w));
        }
        hidden.showMode(1);  // the Sweep view: the live views are behind it
        tabsOf(hidden.resultPanel())->setCurrentWidget(hidden.history());
        QCoreApplication::processEvents();
        const uint64_t hiddenLayouts = layouts(*hidden.timeline());
        const QString idleVerdict = hidden.resultPanel()->verdictText();  // "Press Compare…"
        for (MainWindow* w : {&shown, &hidden}) {
            QVERIFY(test::replayFixture(w->session(), "compare_square.jsonl",
                                        QStringLiteral("Compare")) > 0);
            w->refreshViews();
        }
        QTRY_VERIFY(layouts(*shown.timeline()) > 0);
        QVERIFY(!shown.progressChart()->linePoints(false).isEmpty());
        QVERIFY(shown.resultPanel()->verdictText() != idleVerdict);
        QTest::qWait(50);
        // Behind their tabs nothing was laid out or drawn.
        QCOMPARE(layouts(*hidden.timeline()), hiddenLayouts);
        QVERIFY(hidden.progressChart()->linePoints(false).isEmpty());
        QVERIFY(hidden.cpuChart()->totalPoints().isEmpty());
        QCOMPARE(hidden.resultPanel()->verdictText(), idleVerdict);
        // Shown: caught up at once (before any redraw tick), the same as all along.
        hidden.showMode(0);
        QCOMPARE(hidden.progressChart()->linePoints(false),
                 shown.progressChart()->linePoints(false));
        QCOMPARE(hidden.progressChart()->linePoints(true), shown.progressChart()->linePoints(true));
        QCOMPARE(hidden.cpuChart()->totalPoints(), shown.cpuChart()->totalPoints());
        QCOMPARE(hidden.resultPanel()->verdictText(), idleVerdict);  // still behind the history
        tabsOf(hidden.resultPanel())->setCurrentWidget(hidden.resultPanel());
        QCOMPARE(hidden.resultPanel()->verdictText(), shown.resultPanel()->verdictText());
        QCoreApplication::processEvents();
        QWidget* views[] = {hidden.progressChart(), hidden.cpuChart(), hidden.memoryChart(),
                            hidden.timeline(), hidden.resultPanel()};
        QWidget* same[] = {shown.progressChart(), shown.cpuChart(), shown.memoryChart(),
                           shown.timeline(), shown.resultPanel()};
        for (std::size_t i = 0; i < std::size(views); ++i) {
            QCOMPARE(views[i]->size(), same[i]->size());
            QCOMPARE(views[i]->grab().toImage(), same[i]->grab().toImage());
        }
    }
};

QTEST_MAIN(LazyViewsTest)
#include "lazy_views_test.moc"
