// The worker timeline against recorded streams and a synthetic run of 10^5 chunks: bars carry
// the stamps' phase durations and add up to the run's compute figure; merged columns stay a few
// spans per pixel and report the busy share the chunks cover; an aggregated run draws buckets;
// the zoom stack steps back; hover names the chunk; every worker row paints, fast.
#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QTest>
#include <cmath>

#include "support/gui_test_paths.h"
#include "ui/chunk_timeline_view.h"
#include "ui/session_model.h"
#include "ui/stream_feed.h"

using namespace poolscope;
using namespace poolscope::ui;

namespace {

void replay(SessionModel& session, const char* fixture) {
    QFile f(test::fixture(fixture));
    QVERIFY(f.open(QIODevice::ReadOnly));
    StreamFeed feed;
    feed.feed(f.readAll());
    feed.finish();
    QCOMPARE(feed.errorCount(), 0);
    session.beginRequest(QStringLiteral("Run parallel"), {}, 1);
    session.update(feed.stream());
    session.finishRequest(RequestState::Done, {});
}

// A finished run of `n` chunks dealt round-robin to `workers`, each 5–25 µs of compute with
// small pipe and codec phases, after 10 ms of start-up; worker 0 gets a 30 ms straggler last.
RunTrace syntheticRun(int workers, int n) {
    RunTrace t;
    t.run_id = std::string("7");  // (assigning the literal trips GCC 12 -Wrestrict)
    t.origin_ns = 1'000'000'000;
    t.start_s = 0.5;
    t.config.workers = workers;
    const int64_t start = t.origin_ns + 500'000'000;
    std::vector<int64_t> cursor(static_cast<std::size_t>(workers), start + 10'000'000);
    RunResult r;
    r.workers = workers;
    uint32_t rng = 12345;
    for (int i = 0; i < n; ++i) {
        ChunkRecord c;
        c.id = static_cast<uint64_t>(i);
        c.first = c.id;
        c.count = 1;
        c.worker = i % workers;
        c.ok = true;
        c.bytes_in = 60;
        c.bytes_out = 80;
        rng = rng * 1664525u + 1013904223u;
        const int64_t compute = (i + 1 == n) ? 30'000'000 : 5'000 + (rng >> 8) % 20'000;
        int64_t& at = cursor[static_cast<std::size_t>(c.worker)];
        c.dispatch_ns = at - 3'000;
        c.recv_start_ns = at;
        c.recv_end_ns = at + 200;
        c.compute_start_ns = at + 500;
        c.compute_end_ns = c.compute_start_ns + compute;
        c.ser_end_ns = c.compute_end_ns + 300;
        c.received_ns = c.ser_end_ns + 2'000;
        at = c.ser_end_ns + ((rng >> 4) % 4 == 0 ? 1'500 : 100);
        r.compute_s += static_cast<double>(compute) * 1e-9;
        t.chunks.push_back(c);
    }
    int64_t last = 0;
    for (const auto& c : t.chunks) last = std::max(last, c.received_ns);
    r.start_ns = start;
    r.end_ns = last + 4'000'000;
    r.startup_s = 0.010;
    r.teardown_s = 0.004;
    t.end_s = static_cast<double>(r.end_ns - t.origin_ns) * 1e-9;
    t.result = r;
    return t;
}

// Renders the view and returns how many pixels of each worker row differ from the plot's base.
std::vector<int> paintedPerRow(ChunkTimelineView& view, const QImage& img) {
    const QRect plot = view.plotRect();
    const QRgb base = view.palette().color(QPalette::Base).rgb();
    std::vector<int> painted(static_cast<std::size_t>(view.rowCount()), 0);
    for (int r = 0; r < view.rowCount(); ++r) {
        const int y0 = plot.top() + plot.height() * r / view.rowCount();
        const int y1 = plot.top() + plot.height() * (r + 1) / view.rowCount();
        for (int y = y0 + 2; y < y1 - 1; ++y)
            for (int x = plot.left() + 2; x < plot.left() + plot.width() - 1; ++x)
                if (img.pixel(x, y) != base) ++painted[static_cast<std::size_t>(r)];
    }
    return painted;
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

double pixelSeconds(const TimelineModel& m, int width) {
    return m.duration() / width;
}

}  // namespace

class ChunkTimelineTest : public QObject {
    Q_OBJECT

  private slots:
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
        const double s_per_px = pixelSeconds(model, width);
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
        const RunTrace run = syntheticRun(2, 100'000);
        TimelineModel model;
        model.setRun(&run);
        const int width = 800;
        model.layout(0, model.duration(), width);
        QCOMPARE(model.rowCount(), 2);
        const double s_per_px = pixelSeconds(model, width);
        for (const auto& row : model.rows()) {
            QVERIFY2(row.spans.size() <= 2u * width + 8,
                     qPrintable(QString::number(row.spans.size())));
            // What the chunks' worker phases cover, per column, computed here independently.
            std::vector<double> cover(width, 0);
            for (const auto& c : run.chunks) {
                if (c.worker != row.worker) continue;
                const double a = model.seconds(c.recv_start_ns) / s_per_px;
                const double b = model.seconds(c.ser_end_ns) / s_per_px;
                for (int x = std::max(0, int(a)); x <= std::min(width - 1, int(b)); ++x)
                    cover[std::size_t(x)] +=
                        std::max(0.0, std::min(b, x + 1.0) - std::max(a, double(x)));
            }
            std::vector<int> per_px(width, 0);
            std::vector<bool> exact(width, false);  // columns a chunk wide enough to draw shares
            for (const auto& s : row.spans)
                if (s.kind == TimelineSpan::Kind::Exact && !inPipe(s.phase))
                    for (int x = int(s.x0); x < int(std::ceil(s.x1)) && x < width; ++x)
                        exact[std::size_t(x)] = true;
            int merged_columns = 0;
            for (const auto& s : row.spans) {
                for (int x = int(s.x0); x < int(std::ceil(s.x1)) && x < width; ++x)
                    ++per_px[std::size_t(x)];
                if (s.kind != TimelineSpan::Kind::Merged || inPipe(s.phase)) continue;
                for (int x = int(s.x0); x < int(s.x1); ++x, ++merged_columns)
                    if (!exact[std::size_t(x)])
                        QVERIFY2(std::abs(s.busy - std::min(cover[std::size_t(x)], 1.0)) < 2e-3,
                                 qPrintable(QStringLiteral("column %1: %2 vs %3")
                                                .arg(x)
                                                .arg(s.busy)
                                                .arg(cover[std::size_t(x)])));
            }
            QVERIFY(merged_columns > width / 2);
            // One merged span per lane, plus the sub-pixel phases of a wide chunk's ends.
            const int most = *std::max_element(per_px.begin(), per_px.end());
            QVERIFY2(most <= 8, qPrintable(QString::number(most)));
        }
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
        const RunTrace run = syntheticRun(4, 2'000);
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
        const RunTrace run = syntheticRun(2, 100'000);
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
        for (int painted : paintedPerRow(view, img)) QVERIFY(painted > 1000);
        saveScreenshot(view, "timeline_100k.png");

        SessionModel session;
        replay(session, "compare_sleep.jsonl");
        ChunkTimelineView sleep;
        sleep.resize(1000, 260);
        sleep.setRun(session.latestRun(false));
        const QImage shot = sleep.grab().toImage();
        for (int painted : paintedPerRow(sleep, shot)) QVERIFY(painted > 1000);
        saveScreenshot(sleep, "timeline_sleep.png");
        sleep.setRun(nullptr);
        QCOMPARE(sleep.rowCount(), 0);
    }
};

QTEST_MAIN(ChunkTimelineTest)
#include "chunk_timeline_test.moc"
