// The worker timeline lays a live run out incrementally while its window holds: only the chunks
// taken in since the last layout are added, and the rows are exactly (span for span, to the
// bit) what a layout from scratch of the same data gives: after a recorded stream replayed
// line by line, over a run growing in slices, with chunks arriving out of order, with
// aggregated buckets merged in place, and after the window or the width changes. A live view
// keeps its scale between steps (so that it can lay out incrementally) and ends on the run's
// whole length, the picture of a view given the whole run.
#include <QFile>
#include <QTest>
#include <algorithm>
#include <random>

#include "support/gui_test_paths.h"
#include "support/synthetic_run.h"
#include "ui/chunk_timeline_view.h"
#include "ui/session_model.h"
#include "ui/stream_feed.h"

using namespace poolscope;
using namespace poolscope::ui;

namespace {

// `got` holds what a fresh model laid out over [t0, t1] and `width` holds for `run`.
void compareWithFullLayout(const TimelineModel& got, const RunTrace& run, double t0, double t1,
                           int width) {
    TimelineModel full;
    full.setRun(&run);
    full.layout(t0, t1, width);
    QCOMPARE(full.fullLayoutCount(), uint64_t{1});
    QCOMPARE(got.rowCount(), full.rowCount());
    for (int r = 0; r < full.rowCount(); ++r) {
        const auto& a = got.rows()[static_cast<std::size_t>(r)].spans;
        const auto& b = full.rows()[static_cast<std::size_t>(r)].spans;
        QCOMPARE(a.size(), b.size());
        for (std::size_t i = 0; i < a.size(); ++i) {
            const bool same = a[i].x0 == b[i].x0 && a[i].x1 == b[i].x1 &&
                              a[i].phase == b[i].phase && a[i].kind == b[i].kind &&
                              a[i].busy == b[i].busy && a[i].item == b[i].item;
            QVERIFY2(same, qPrintable(QStringLiteral("row %1, span %2: [%3, %4] busy %5 vs "
                                                     "[%6, %7] busy %8")
                                          .arg(r)
                                          .arg(i)
                                          .arg(a[i].x0)
                                          .arg(a[i].x1)
                                          .arg(a[i].busy)
                                          .arg(b[i].x0)
                                          .arg(b[i].x1)
                                          .arg(b[i].busy)));
        }
    }
}

// Lays `whole` out over a fixed window while its chunks arrive `step` at a time (in the order
// given), checking every layout against one from scratch. Returns the model's full layouts.
uint64_t growInSlices(const RunTrace& whole, const std::vector<ChunkRecord>& order,
                      std::size_t step, double t0, double t1, int width) {
    RunTrace live = whole;
    live.chunks.clear();
    TimelineModel model;
    uint64_t checked = 0;
    for (std::size_t n = 0; n <= order.size(); n = std::min(n + step, order.size())) {
        live.chunks.assign(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(n));
        model.setRun(&live);
        model.layout(t0, t1, width);
        compareWithFullLayout(model, live, t0, t1, width);
        if (QTest::currentTestFailed()) return 0;
        ++checked;
        if (n == order.size()) break;
    }
    if (checked < 3) QTest::qFail("too few slices to say anything", __FILE__, __LINE__);
    return model.fullLayoutCount();
}

}  // namespace

class TimelineLayoutTest : public QObject {
    Q_OBJECT

  private slots:
    // A recorded stream taken in line by line as the engine client does, the model laid out
    // after every line; then the recorded run's chunks once more in small slices.
    void incrementalLayoutAfterAReplayEqualsAFullOne() {
        QFile f(test::fixture("square_cs1.jsonl"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        StreamFeed feed;
        SessionModel session;
        session.beginRequest(QStringLiteral("Run parallel"), {}, 1);
        TimelineModel model;
        const int width = 733;
        const double t1 = 0.2;  // seconds: longer than the recorded run, so every chunk shows
        int layouts_with_chunks = 0;
        for (const QByteArray& line : f.readAll().split('\n')) {
            if (line.isEmpty()) continue;
            feed.feed(line + '\n');
            feed.drain();
            session.update(feed.stream());
            const RunTrace* run = session.latestRun(false);
            if (!run) continue;
            model.setRun(run);
            model.layout(0, t1, width);
            if (!run->chunks.empty()) ++layouts_with_chunks;
        }
        feed.finish();
        QCOMPARE(feed.errorCount(), 0);
        session.update(feed.stream());
        const RunTrace* run = session.latestRun(false);
        QVERIFY(run && run->result && run->chunks.size() == 2000u);
        model.setRun(run);
        model.layout(0, t1, width);
        QVERIFY(model.duration() <= t1);
        QVERIFY(layouts_with_chunks >= 3);
        QCOMPARE(model.fullLayoutCount(), uint64_t{1});  // the window held: one layout from scratch
        compareWithFullLayout(model, *run, 0, t1, width);
        // The same chunks in slices of 37, with merged columns and zoomed in on exact spans.
        QCOMPARE(growInSlices(*run, run->chunks, 37, 0, t1, width), uint64_t{1});
        QCOMPARE(growInSlices(*run, run->chunks, 37, 0.04, 0.06, width), uint64_t{1});
    }

    void syntheticRunGrowingInSlicesEqualsAFullLayout() {
        const RunTrace whole = test::syntheticRun(4, 20'000);
        TimelineModel probe;
        probe.setRun(&whole);
        const double end = probe.duration();
        // The whole run (merged columns), a narrow window (exact spans), the run's middle.
        QCOMPARE(growInSlices(whole, whole.chunks, 1500, 0, end * 1.2, 900), uint64_t{1});
        QCOMPARE(growInSlices(whole, whole.chunks, 1500, end * 0.5, end * 0.501, 900), uint64_t{1});
        QCOMPARE(growInSlices(whole, whole.chunks, 700, end * 0.3, end * 0.7, 512), uint64_t{1});
    }

    // Chunks that arrive after a later one of the same worker are sorted into their row: the
    // next layout starts afresh (a sum in another order could differ in its last bit).
    void chunksOutOfOrderStillEqualAFullLayout() {
        const RunTrace whole = test::syntheticRun(3, 6000);
        std::vector<ChunkRecord> order = whole.chunks;
        std::mt19937 rng(7);
        for (std::size_t i = 0; i + 40 <= order.size(); i += 400)
            std::shuffle(order.begin() + static_cast<std::ptrdiff_t>(i),
                         order.begin() + static_cast<std::ptrdiff_t>(i + 40), rng);
        TimelineModel probe;
        probe.setRun(&whole);
        QVERIFY(growInSlices(whole, order, 500, 0, probe.duration(), 800) > 1u);
    }

    // An aggregated run's buckets grow and merge in place; they are laid out on top of the
    // chunks' cover every time.
    void bucketsMergedInPlaceEqualAFullLayout() {
        QFile f(test::fixture("aggregated_cpu.jsonl"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        StreamFeed feed;
        feed.feed(f.readAll());
        feed.finish();
        SessionModel session;
        session.beginRequest(QStringLiteral("Run parallel"), {}, 1);
        session.update(feed.stream());
        const RunTrace* run = session.latestRun(false);
        QVERIFY(run && run->aggregated && run->buckets.size() >= 4);
        TimelineModel probe;
        probe.setRun(run);
        const double end = probe.duration();
        RunTrace live = *run;
        TimelineModel model;
        for (int width : {300, 5000}) {  // buckets wide enough to draw, and merged into columns
            for (std::size_t n = 1; n <= run->buckets.size(); ++n) {
                live.buckets.assign(run->buckets.begin(),
                                    run->buckets.begin() + static_cast<std::ptrdiff_t>(n));
                live.buckets.back().chunks /= 2;  // the newest bucket is still filling
                live.buckets.back().busy_s /= 2;
                model.setRun(&live);
                model.layout(0, end, width);
                compareWithFullLayout(model, live, 0, end, width);
                live.buckets.back() = run->buckets[n - 1];  // and then merged in place
                model.setRun(&live);
                model.layout(0, end, width);
                compareWithFullLayout(model, live, 0, end, width);
            }
        }
        QCOMPARE(model.fullLayoutCount(), uint64_t{2});  // one per width
    }

    // A live view keeps its window's end between steps while the run grows (so the layout
    // holds), and shows the whole run, and only it, once the run has ended.
    void liveViewHoldsItsScaleAndEndsOnTheWholeRun() {
        const RunTrace whole = test::syntheticRun(4, 8000);
        RunTrace live = whole;
        live.result.reset();
        live.end_s = -1;
        live.chunks.clear();
        ChunkTimelineView view;
        view.setLiveRepaintInterval(0);
        view.resize(900, 300);
        QImage img(view.size(), QImage::Format_ARGB32_Premultiplied);
        std::vector<double> ends;
        for (std::size_t n = 400; n <= whole.chunks.size(); n += 400) {
            live.chunks.assign(whole.chunks.begin(),
                               whole.chunks.begin() + static_cast<std::ptrdiff_t>(n));
            view.setRun(&live);
            view.render(&img);
            const auto [t0, t1] = view.visibleRange();
            QCOMPARE(t0, 0.0);
            QVERIFY(t1 >= view.model().duration());
            ends.push_back(t1);
        }
        const auto steps = std::unique(ends.begin(), ends.end()) - ends.begin();
        QVERIFY2(steps <= 6, qPrintable(QString::number(steps)));  // 20 slices, a few steps
        QVERIFY(view.model().fullLayoutCount() <= static_cast<uint64_t>(steps));
        QVERIFY(view.model().layoutCount() >= 20u);
        live.result = whole.result;
        live.end_s = whole.end_s;
        live.chunks = whole.chunks;
        view.setRun(&live);
        QCOMPARE(view.visibleRange().second, std::max(view.model().duration(), 1e-6));
        ChunkTimelineView fresh;
        fresh.resize(view.size());
        fresh.setRun(&whole);
        QCOMPARE(view.grab().toImage(), fresh.grab().toImage());
    }
};

QTEST_MAIN(TimelineLayoutTest)
#include "timeline_layout_test.moc"
