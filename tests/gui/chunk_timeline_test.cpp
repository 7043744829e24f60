// The worker timeline against recorded streams and a synthetic run of 10^5 chunks: bars carry
// the stamps' phase durations and add up to the run's compute figure; merged columns stay a few
// spans per pixel and report the busy share the chunks cover; an aggregated run draws buckets;
// the zoom stack steps back; hover names the chunk; every worker row paints, fast.
#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>

#include "support/gui_test_paths.h"
#include "support/synthetic_run.h"
#include "support/timeline_checks.h"
#include "ui/chunk_timeline_view.h"
#include "ui/session_model.h"
#include "ui/stream_feed.h"

using namespace poolscope;
using namespace poolscope::ui;

namespace {

void replayFile(SessionModel& session, const QString& path) {
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    StreamFeed feed;
    feed.feed(f.readAll());
    feed.finish();
    QCOMPARE(feed.errorCount(), 0);
    session.beginRequest(QStringLiteral("Run parallel"), {}, 1);
    session.update(feed.stream());
    session.finishRequest(RequestState::Done, {});
}

void replay(SessionModel& session, const char* fixture) {
    replayFile(session, test::fixture(fixture));
}

// Mouse input as the window system would deliver it, straight to the widget (it need not be
// shown on the offscreen platform).
void mouse(QWidget& w, QEvent::Type type, QPoint pos, Qt::MouseButton button,
           Qt::MouseButtons buttons, Qt::KeyboardModifiers mods = Qt::NoModifier) {
    QMouseEvent e(type, QPointF(pos), w.mapToGlobal(QPointF(pos)), button, buttons, mods);
    QApplication::sendEvent(&w, &e);
}

void saveScreenshot(ChunkTimelineView& view, const char* name) {
    const QString dir = qEnvironmentVariable("POOLSCOPE_SCREENSHOT_DIR");
    if (dir.isEmpty()) return;
    QDir().mkpath(dir);
    QVERIFY(view.grab().save(dir + QLatin1Char('/') + QString::fromUtf8(name)));
}

}  // namespace

class ChunkTimelineTest : public QObject {
    Q_OBJECT

  private slots:
    void aPythonRunStartsWhereItsPoolDoesNotWhereItsInterpreterDid() {
        SessionModel session;
        replay(session, "compare_square_python.jsonl");
        const RunTrace* run = session.latestRun(false);
        QVERIFY(run && run->result && !run->worker_events.empty());
        const int64_t run_start = run->origin_ns + std::llround(run->start_s * 1e9);
        const int64_t origin = TimelineModel::originOf(*run);
        // The pool (and the wall time) began well after the driver was launched.
        QVERIFY2(origin - run_start > 50'000'000,
                 qPrintable(QString::number((origin - run_start) / 1e6)));
        QVERIFY(origin <= run->result->start_ns);
        for (const auto& e : run->worker_events) QVERIFY(e.t_ns >= origin);
        TimelineModel model;
        model.setRun(run);
        // The timeline is as long as the pool's wall, not the interpreter's start as well.
        QVERIFY2(model.duration() < run->result->wall_s * 1.5,
                 qPrintable(QString::number(model.duration())));
    }

    void barsCarryTheStampsPhases() {
        SessionModel session;
        replay(session, "compare_sleep.jsonl");
        const RunTrace* run = session.latestRun(false);
        QVERIFY(run && run->result && !run->chunks.empty());
        ChunkTimelineView view;
        view.setRun(run);
        QCOMPARE(view.rowCount(), run->result->workers);
        TimelineModel model;
        model.setRun(run);
        const int width = 800;
        model.layout(0, model.duration(), width);
        const double s_per_px = test::pixelSeconds(model, width);
        const ChunkRecord& known = run->chunks[3];
        double compute = 0;
        int phases_seen = 0;
        for (const auto& row : model.rows())
            for (const auto& s : row.spans) {
                if (inPipe(s.phase)) continue;                 // short pipe phases may merge
                QVERIFY(s.kind == TimelineSpan::Kind::Exact);  // 20 ms chunks: all wide
                const double d = (s.x1 - s.x0) * s_per_px;
                if (s.phase == Phase::Computing) compute += d;
                if (s.item != 3) continue;
                double a = 0, b = 0;
                QVERIFY(model.phase(known, s.phase, a, b));
                QVERIFY2(std::abs(d - (b - a)) < 1e-6, qPrintable(QString::number(d - (b - a))));
                ++phases_seen;
            }
        QVERIFY(phases_seen >= 4);
        QVERIFY2(std::abs(compute - run->result->compute_s) < 1e-5 + 1e-4 * compute,
                 qPrintable(QStringLiteral("%1 vs %2").arg(compute).arg(run->result->compute_s)));
    }

    void mergedColumnsStayFewAndReportTheBusyShare() {
        const RunTrace run = test::syntheticRun(2, 100'000);
        test::checkMergedColumns(run, 800, test::Busy::EveryRow);
    }

    // The same with a real run of 10^5 one-item chunks from the engine, every chunk in detail.
    void realRunOfHundredThousandChunks() {
        QTemporaryDir dir;
        const QString events = dir.filePath(QStringLiteral("100k.jsonl"));
        QProcess cli;
        cli.start(test::cliPath(),
                  QStringLiteral("run --workload square --size 100000 --chunksize 1 --workers 2 "
                                 "--chunk-detail 100000 --events")
                          .split(QLatin1Char(' '))
                      << events);
        QVERIFY(cli.waitForFinished(60'000));
        QCOMPARE(cli.exitCode(), 0);
        SessionModel session;
        replayFile(session, events);
        const RunTrace* run = session.latestRun(false);
        QVERIFY(run && run->result && !run->aggregated);
        QCOMPARE(run->chunks.size(), std::size_t{100'000});
        test::checkMergedColumns(*run, 800, test::Busy::AllRows);
        ChunkTimelineView view;
        view.resize(900, 300);
        view.setRun(run);
        QImage img(view.size(), QImage::Format_ARGB32_Premultiplied);
        QElapsedTimer timer;
        timer.start();
        view.render(&img);
        qInfo("a real run of 10^5 chunks, %d px: first paint %lld ms", view.plotRect().width(),
              timer.elapsed());
        // As for the merged columns: a worker the scheduler set aside leaves its row thin while
        // its peer takes the queue's chunks, so the rows together are what must be drawn.
        int painted = 0;
        for (int p : test::paintedPerRow(view, img)) painted += p;
        QVERIFY2(painted > 1000 * view.rowCount(), qPrintable(QString::number(painted)));
        saveScreenshot(view, "timeline_100k_real.png");
    }

    void aggregatedRunDrawsBuckets() {
        SessionModel session;
        replay(session, "aggregated_cpu.jsonl");
        const RunTrace* run = session.latestRun(false);
        QVERIFY(run && run->aggregated && !run->buckets.empty());
        TimelineModel model;
        model.setRun(run);
        model.layout(0, model.duration(), 800);
        for (const auto& row : model.rows()) QVERIFY(!row.spans.empty());
        // Zoomed in to a few buckets, each is a span shaded by its busy share.
        const ChunkBucket& b = run->buckets.back();
        const double a = model.seconds(b.start_ns), w = static_cast<double>(b.width_ns) * 1e-9;
        model.layout(a - w, a + 2 * w, 800);
        bool found = false;
        for (const auto& s : model.rows()[std::size_t(b.worker)].spans)
            if (s.kind == TimelineSpan::Kind::Bucket &&
                s.item == int64_t(run->buckets.size() - 1)) {
                QVERIFY(std::abs(s.busy - std::min(1.0, b.busy_s / w)) < 1e-4);
                found = true;
            }
        QVERIFY(found);
        ChunkTimelineView view;
        view.resize(900, 260);
        view.setRun(run);
        const QRect plot = view.plotRect();
        const double row_h = plot.height() / double(view.rowCount());
        const double mid = a + w / 2;
        const QPoint at(plot.left() + int(mid / view.visibleRange().second * plot.width()),
                        plot.top() + int(row_h * (b.worker + 0.35)));
        const QString tip = view.toolTipAt(at);
        QVERIFY2(tip.contains(QStringLiteral("Aggregated")), qPrintable(tip));
        saveScreenshot(view, "timeline_aggregated.png");
    }

    void zoomStepsBackAndResets() {
        const RunTrace run = test::syntheticRun(4, 2'000);
        ChunkTimelineView view;
        view.resize(900, 300);
        view.setRun(&run);
        const auto full = view.visibleRange();
        QCOMPARE(full.first, 0.0);
        QVERIFY(std::abs(full.second - (run.end_s - run.start_s)) < 1e-9);
        view.zoomTo(0.01, 0.02);
        view.zoomTo(0.012, 0.013);
        QCOMPARE(view.visibleRange(), qMakePair(0.012, 0.013));
        view.zoomBack();
        QCOMPARE(view.visibleRange(), qMakePair(0.01, 0.02));
        QTest::keyClick(&view, Qt::Key_Backspace);
        QCOMPARE(view.visibleRange(), full);
        QVERIFY(!view.canZoomBack());
        // A rubber band zooms to what it spans; a double-click goes back to the whole run.
        const QRect plot = view.plotRect();
        const QPoint from(plot.left() + plot.width() / 4, plot.center().y());
        const QPoint to(plot.left() + plot.width() / 2, plot.center().y());
        mouse(view, QEvent::MouseButtonPress, from, Qt::LeftButton, Qt::LeftButton);
        mouse(view, QEvent::MouseMove, to, Qt::NoButton, Qt::LeftButton);
        mouse(view, QEvent::MouseButtonRelease, to, Qt::LeftButton, Qt::NoButton);
        const auto band = view.visibleRange();
        QVERIFY(std::abs(band.first - full.second / 4) < full.second / plot.width() * 2);
        QVERIFY(std::abs(band.second - full.second / 2) < full.second / plot.width() * 2);
        // The wheel zooms in around the cursor: the time under it stays put.
        QWheelEvent wheel(QPointF(to), view.mapToGlobal(QPointF(to)), {}, QPoint(0, 240),
                          Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(&view, &wheel);
        const auto wheeled = view.visibleRange();
        QVERIFY(wheeled.second - wheeled.first < band.second - band.first);
        const double rel = double(to.x() - plot.left()) / plot.width();
        const double before = band.first + rel * (band.second - band.first);
        const double after = wheeled.first + rel * (wheeled.second - wheeled.first);
        QVERIFY(std::abs(after - before) < 1e-9 * full.second);
        // Shift+drag pans by the distance dragged; the pan is one step on the stack.
        const auto before_pan = view.visibleRange();
        const QPoint left(to.x() - 100, to.y());
        mouse(view, QEvent::MouseButtonPress, to, Qt::LeftButton, Qt::LeftButton,
              Qt::ShiftModifier);
        mouse(view, QEvent::MouseMove, left, Qt::NoButton, Qt::LeftButton, Qt::ShiftModifier);
        mouse(view, QEvent::MouseButtonRelease, left, Qt::LeftButton, Qt::NoButton);
        const auto panned = view.visibleRange();
        const double shift = 100 * (before_pan.second - before_pan.first) / plot.width();
        QVERIFY(std::abs(panned.first - before_pan.first - shift) < 1e-9 * full.second);
        view.zoomBack();
        QCOMPARE(view.visibleRange(), before_pan);
        mouse(view, QEvent::MouseButtonDblClick, to, Qt::LeftButton, Qt::LeftButton);
        QCOMPARE(view.visibleRange(), full);
        QVERIFY(!view.canZoomBack());
    }

    void hoverNamesTheChunk() {
        SessionModel session;
        replay(session, "compare_sleep.jsonl");
        const RunTrace* run = session.latestRun(false);
        ChunkTimelineView view;
        view.resize(900, 300);
        view.setRun(run);
        const ChunkRecord& c = run->chunks[5];
        const double mid = view.model().seconds((c.compute_start_ns + c.compute_end_ns) / 2);
        const QRect plot = view.plotRect();
        const auto [t0, t1] = view.visibleRange();
        const double row_h = plot.height() / double(view.rowCount());
        const QPoint at(plot.left() + int((mid - t0) / (t1 - t0) * plot.width()),
                        plot.top() + int(row_h * (c.worker + 0.35)));
        const QString tip = view.toolTipAt(at);
        QVERIFY2(tip.contains(QStringLiteral("Chunk %1").arg(c.id)), qPrintable(tip));
        QVERIFY(tip.contains(QStringLiteral("computing")));
        QVERIFY(view.toolTipAt(QPoint(2, 2)).isEmpty());
    }

    void everyRowPaintsAndPaintingIsFast() {
        const RunTrace run = test::syntheticRun(2, 100'000);
        ChunkTimelineView view;
        view.resize(1000, 320);
        view.setRun(&run);
        QImage img(view.size(), QImage::Format_ARGB32_Premultiplied);
        QElapsedTimer timer;
        timer.start();
        view.render(&img);  // the first paint lays the model out
        const qint64 first_ms = timer.restart();
        constexpr int kPaints = 10;
        for (int i = 0; i < kPaints; ++i) {
            view.zoomTo(0.001 * i, view.model().duration() - 0.001 * i);  // a new layout each
            view.render(&img);
        }
        const double relaid_ms = double(timer.elapsed()) / kPaints;
        timer.restart();
        for (int i = 0; i < kPaints; ++i) view.render(&img);  // same window: layout reused
        const double repaint_ms = double(timer.elapsed()) / kPaints;
        TimelineModel model;
        model.setRun(&run);
        timer.restart();
        for (int i = 0; i < kPaints; ++i) model.layout(0.001 * i, model.duration(), 937);
        const double layout_ms = double(timer.elapsed()) / kPaints;
        qInfo(
            "10^5 chunks, 2 workers, %d px: first paint %lld ms, paint with a new window "
            "%.1f ms (layout alone %.1f ms), repaint %.1f ms",
            view.plotRect().width(), first_ms, relaid_ms, layout_ms, repaint_ms);
        QVERIFY(first_ms < 1000 && relaid_ms < 1000 && repaint_ms < 1000);
        view.resetZoom();
        view.render(&img);
        for (int painted : test::paintedPerRow(view, img)) QVERIFY(painted > 1000);
        saveScreenshot(view, "timeline_100k.png");

        SessionModel session;
        replay(session, "compare_sleep.jsonl");
        ChunkTimelineView sleep;
        sleep.resize(1000, 260);
        sleep.setRun(session.latestRun(false));
        const QImage shot = sleep.grab().toImage();
        for (int painted : test::paintedPerRow(sleep, shot)) QVERIFY(painted > 1000);
        saveScreenshot(sleep, "timeline_sleep.png");
        sleep.setRun(nullptr);
        QCOMPARE(sleep.rowCount(), 0);
    }
};

QTEST_MAIN(ChunkTimelineTest)
#include "chunk_timeline_test.moc"
