// The live views after a recorded compare is replayed through the real models: the progress
// lines end at the items and wall times of the RESULT, CPU and memory carry every sample, the
// result panel shows the comparison; a 16-core machine gets a heat strip; histories stay
// bounded however long the run.
#include <QFile>
#include <QTest>

#include "support/gui_test_paths.h"
#include "ui/axis_ticks.h"
#include "ui/bounded_series.h"
#include "ui/breakdown_chart.h"
#include "ui/cpu_chart.h"
#include "ui/heat_strip.h"
#include "ui/memory_chart.h"
#include "ui/progress_chart.h"
#include "ui/result_panel.h"
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
    session.beginRequest(QStringLiteral("Compare"), {}, 1);
    session.update(feed.stream());
    session.finishRequest(RequestState::Done, {});
}

// A stream of one run sampled on `cores` cores, every core at its own level.
EventStream syntheticRun(int cores, int samples) {
    EventStream s;
    s.hello.cores = cores;
    StreamRun run;
    run.run_id = "1";
    run.config.size = 100;
    for (int i = 0; i < samples; ++i) {
        Sample smp;
        smp.t_ns = int64_t{100'000'000} * (i + 1);
        for (int c = 0; c < cores; ++c) smp.core_util.push_back(double(c) / cores);
        smp.machine_util = 0.5;
        smp.processes.push_back({100, "engine", -1, 10 << 20, 8 << 20, 4 << 20});
        smp.processes.push_back({101, "worker", 0, 30 << 20, 20 << 20, 10 << 20});
        smp.rss_sum_bytes = 40 << 20;
        run.samples.push_back(smp);
    }
    s.runs.push_back(run);
    return s;
}

}  // namespace

class LiveViewsTest : public QObject {
    Q_OBJECT

  private slots:
    void progressLinesEndAtTheResult() {
        SessionModel session;
        replay(session, "compare_sleep.jsonl");
        ProgressChart chart;
        chart.refresh(session);
        const RunTrace* p = session.latestRun(false);
        QVERIFY(p && p->result);
        const auto pts = chart.linePoints(false);
        QVERIFY(pts.size() >= 2);
        QCOMPARE(pts.back().y(), 200.0);
        const double scale = chart.axisUnit() == QStringLiteral("s")    ? 1
                             : chart.axisUnit() == QStringLiteral("ms") ? 1e-3
                                                                        : 1e-6;
        QVERIFY(qAbs(pts.back().x() * scale - p->result->wall_s) < 0.01 * p->result->wall_s + 1e-3);
        for (int i = 1; i < pts.size(); ++i) QVERIFY(pts[i].y() >= pts[i - 1].y());
        QCOMPARE(chart.linePoints(true).back().y(), 200.0);
    }

    void cpuAndMemoryCarryEverySample() {
        SessionModel session;
        replay(session, "compare_sleep.jsonl");
        std::size_t samples = 0;
        for (const auto& r : session.current()->runs) samples += r.cpu.size();
        CpuChart cpu;
        cpu.refresh(session);
        QVERIFY(!cpu.showsHeatStrip());
        QCOMPARE(cpu.coreLines(), 2);
        QCOMPARE(std::size_t(cpu.totalPoints().size()), samples);
        MemoryChart memory;
        memory.refresh(session);
        QVERIFY(memory.layers() >= 3);  // engine, serial child, two workers
        QCOMPARE(std::size_t(memory.rssPoints().size()), samples);
        // Summed RSS counts shared pages once per process: never below the PSS stack.
        const auto top = memory.topOfStack();
        const auto rss = memory.rssPoints();
        QCOMPARE(top.size(), rss.size());
        for (int i = 0; i < top.size(); ++i) QVERIFY(rss[i].y() + 1e-9 >= top[i].y());
    }

    void resultPanelShowsTheComparison() {
        SessionModel session;
        replay(session, "compare_square.jsonl");
        ResultPanel panel;
        panel.refresh(session);
        QVERIFY(panel.figuresText().contains(QStringLiteral("speedup")));
        QVERIFY(panel.figuresText().contains(QStringLiteral("match")));
        QVERIFY2(panel.verdictText().contains(QStringLiteral("slower")),
                 qPrintable(panel.verdictText()));
        const auto& parallel = *session.latestRun(false)->result;
        QCOMPARE(panel.breakdown()->value(0, 1), parallel.breakdown.startup);
        QCOMPARE(panel.breakdown()->value(3, 1), parallel.breakdown.compute);
    }

    void aSerialRunOfOtherWorkIsNotComparedWithTheParallelRun() {
        SessionModel session;
        replay(session, "compare_square.jsonl");  // serial and parallel, 1000 items
        replay(session, "square_auto.jsonl");     // parallel alone, 2000 items
        const auto [serial, parallel] = session.latestPair();
        QVERIFY(!serial);
        QVERIFY(parallel && parallel->config.size == 2000);
        ResultPanel panel;
        panel.refresh(session);
        QVERIFY2(!panel.figuresText().contains(QStringLiteral("DIFFER")),
                 qPrintable(panel.figuresText()));
        QVERIFY(!panel.figuresText().contains(QStringLiteral("speedup")));
        // The same work again pairs up.
        replay(session, "compare_square.jsonl");
        const auto [s2, p2] = session.latestPair();
        QVERIFY(s2 && p2 && s2->config.size == p2->config.size);
    }

    void axisTicksAreRoundAndFitTheirRoom() {
        // 1050 items with room for 4 labels: 0, 350, 700, 1050 (not 262.5 apart).
        const AxisTicks items = roundTicks(1050, 4);
        QCOMPARE(items.count, 4);
        QCOMPARE(items.step, 350.0);
        QCOMPARE(items.decimals, 0);
        // Seconds 0 … 2 with room for ten: every 0.2 s, one decimal.
        const AxisTicks secs = roundTicks(2, 10);
        QCOMPARE(secs.count, 11);
        QCOMPARE(secs.decimals, 1);
        // Room for one label still shows both ends; no range, no ticks.
        QCOMPARE(roundTicks(33.6, 1).count, 2);
        QCOMPARE(roundTicks(0, 5).count, 0);
        // A large font fits fewer labels than a small one along the same plot.
        QFont small, large;
        small.setPointSizeF(10);
        large.setPointSizeF(20);
        QVERIFY(labelsThatFit(400, large, 1050, true) < labelsThatFit(400, small, 1050, true));
    }

    void manyCoresGetAHeatStrip() {
        SessionModel session;
        session.beginRequest(QStringLiteral("Run parallel"), {}, 1);
        session.update(syntheticRun(16, 50));
        CpuChart cpu;
        cpu.refresh(session);
        QVERIFY(cpu.showsHeatStrip());
        const QImage& img = cpu.findChild<HeatStrip*>()->image();
        QCOMPARE(img.height(), 16);
        // Core 0 idle, core 15 nearly busy: the rows differ where samples were drawn.
        const int x = img.width() / 2;
        QCOMPARE(img.pixel(x, 0), HeatStrip::heat(0).rgb());
        QCOMPARE(img.pixel(x, 15), HeatStrip::heat(15.0 / 16).rgb());
    }

    void sixteenWorkersStackEightLayersWithTheRestSummed() {
        SessionModel session;
        session.beginRequest(QStringLiteral("Run parallel"), {}, 1);
        EventStream stream = syntheticRun(16, 20);
        for (auto& smp : stream.runs[0].samples) {
            smp.processes.resize(1);      // the engine: 8 MiB of PSS
            for (int w = 0; w < 16; ++w)  // worker w: w + 1 MiB
                smp.processes.push_back({200 + w, "worker", w, uint64_t(40) << 20,
                                         uint64_t(w + 1) << 20, uint64_t(1) << 20});
            smp.rss_sum_bytes = uint64_t(700) << 20;
        }
        session.update(stream);
        MemoryChart memory;
        memory.refresh(session);
        QCOMPARE(memory.layers(), MemoryChart::kMaxLayers);
        QCOMPARE(memory.layers(), 8);
        QCOMPARE(memory.layerName(0), QStringLiteral("engine"));
        for (int w = 1; w <= 6; ++w) QCOMPARE(memory.layerName(w), QStringLiteral("w%1").arg(w));
        QCOMPARE(memory.layerName(7), QStringLiteral("10 other workers"));
        QCOMPARE(memory.axisUnit(), QStringLiteral("MiB"));
        // The stack's top is every process's PSS: 8 + (1 + … + 16) MiB; the last layer alone
        // holds workers 7 … 16: 7 + … + 16 MiB.
        const auto top = memory.topOfStack();
        QCOMPARE(top.size(), 20);
        for (const QPointF& p : top) QCOMPARE(p.y(), 8.0 + 136.0);
        const auto below = memory.layerTop(6);
        for (int i = 0; i < top.size(); ++i) QCOMPARE(top[i].y() - below[i].y(), 115.0);
        QCOMPARE(memory.layerTop(0).front().y(), 8.0);
    }

    void aZombieWorkerIsNamedInTheMemoryChart() {
        SessionModel session;
        session.beginRequest(QStringLiteral("Run parallel"), {}, 1);
        EventStream stream = syntheticRun(2, 10);
        for (auto& smp : stream.runs[0].samples) smp.processes[1].state = 'S';
        session.update(stream);
        MemoryChart memory;
        memory.refresh(session);
        QCOMPARE(memory.layerName(1), QStringLiteral("w1"));
        // The worker has exited and the pool has not reaped it: state Z, nothing resident.
        for (int i = 0; i < 3; ++i) {
            Sample smp = stream.runs[0].samples.back();
            smp.t_ns += 100'000'000;
            ProcessSample& w = smp.processes[1];
            w.state = 'Z';
            w.rss_bytes = w.pss_bytes = w.uss_bytes = 0;
            smp.rss_sum_bytes = 10 << 20;
            stream.runs[0].samples.push_back(smp);
        }
        session.update(stream);
        memory.refresh(session);
        QCOMPARE(memory.layerName(1), QStringLiteral("w1 · zombie"));
        QCOMPARE(memory.layerName(0), QStringLiteral("engine"));
        // Its layer is empty: the stack's top is the engine's PSS alone.
        QCOMPARE(memory.topOfStack().back().y(), memory.layerTop(0).back().y());
        // Reaped: the next sample no longer lists it; its name keeps what it was.
        Sample after = stream.runs[0].samples.back();
        after.t_ns += 100'000'000;
        after.processes.resize(1);
        stream.runs[0].samples.push_back(after);
        session.update(stream);
        memory.refresh(session);
        QCOMPARE(memory.layerName(1), QStringLiteral("w1 · was a zombie"));
    }

    void historiesStayBounded() {
        BoundedSeries s(256);
        for (int i = 0; i < 1'000'000; ++i) s.append(i, 2.0 * i);
        QVERIFY(s.size() <= 256);
        QCOMPARE(s.last().x, 999999.0);  // the newest point is always there
        const auto pts = s.points();
        for (std::size_t i = 1; i < pts.size(); ++i) QVERIFY(pts[i].x > pts[i - 1].x);
        QVERIFY(pts.front().x == 0);
        // Long runs keep their shape: points still cover the whole run evenly.
        QVERIFY(pts[pts.size() / 2].x > 300'000 && pts[pts.size() / 2].x < 700'000);
    }

    void aLongLiveRunStaysBoundedInTheModel() {
        SessionModel session;
        session.beginRequest(QStringLiteral("Run parallel"), {}, 1);
        EventStream stream = syntheticRun(2, 10);
        for (int round = 0; round < 50; ++round) {  // an hour at 10 Hz, in rounds of 720
            auto& run = stream.runs[0];
            const int64_t t0 = run.samples.back().t_ns;
            for (int i = 0; i < 720; ++i) {
                Sample s = run.samples.back();
                s.t_ns = t0 + int64_t{100'000'000} * (i + 1);
                run.samples.push_back(s);
            }
            session.update(stream);
        }
        const RunTrace& r = session.current()->runs[0];
        QCOMPARE(r.seen_samples, stream.runs[0].samples.size());
        QVERIFY(r.cpu.size() <= r.cpu.capacity());
        QVERIFY(r.memory.size() <= r.memory.capacity());
    }
};

QTEST_MAIN(LiveViewsTest)
#include "live_views_test.moc"
