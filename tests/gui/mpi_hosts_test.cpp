// A recorded --backend mpi run across two hosts (fixtures/mpi_two_hosts.jsonl, recorded with
// the set-up of tests/e2e/mpi_two_hosts_test.cpp: the engine and rank 1 on poolscope-host-a,
// ranks 2 and 3 on poolscope-host-b; `run --backend mpi --workers 3 --workload cpu --param
// item_us=10000 --size 60 --chunksize 1 --sample-ms 100`) replayed through the real models: the
// per-core view has one heat strip per host, the engine's first; the memory chart stacks each
// host's processes as a group named by its host, the other host's on top of the engine's; the
// timeline names each worker's host; the result panel shows each host's totals. The heat strip
// draws its labels and axis once per size, not on every repaint.
#include <QFile>
#include <QTest>

#include "support/gui_test_paths.h"
#include "support/session_replay.h"
#include "ui/chunk_timeline_view.h"
#include "ui/cpu_chart.h"
#include "ui/heat_strip.h"
#include "ui/memory_chart.h"
#include "ui/request_rows.h"
#include "ui/result_panel.h"
#include "ui/session_model.h"
#include "ui/stream_feed.h"

using namespace poolscope;
using namespace poolscope::ui;

namespace {

const QString kEngineHost = QStringLiteral("poolscope-host-a");
const QString kOtherHost = QStringLiteral("poolscope-host-b");

void replay(SessionModel& session) {
    QVERIFY(test::replayFixture(session, "mpi_two_hosts.jsonl", QStringLiteral("Run parallel")));
}

double maxY(const QList<QPointF>& points) {
    double y = 0;
    for (const auto& p : points) y = std::max(y, p.y());
    return y;
}

}  // namespace

class MpiHostsTest : public QObject {
    Q_OBJECT

  private slots:
    void theTraceKeepsEachHostsSamplesApart() {
        SessionModel session;
        replay(session);
        const RunTrace* p = session.latestRun(false);
        QVERIFY(p && p->result);
        QCOMPARE(p->hosts.size(), std::size_t{2});
        QCOMPARE(QString::fromStdString(p->hosts[0]), kEngineHost);
        QCOMPARE(QString::fromStdString(p->hosts[1]), kOtherHost);
        int rows[2] = {0, 0};
        p->cpu.for_each([&](const CoreRow& r) { ++rows[r.host]; });
        QVERIFY(rows[0] >= 2);
        QVERIFY(rows[1] >= 1);
    }

    void oneHeatStripPerHostTheEnginesFirst() {
        SessionModel session;
        replay(session);
        CpuChart cpu;
        cpu.refresh(session);
        QVERIFY(cpu.showsHeatStrip());
        const auto* strip = cpu.findChild<HeatStrip*>();
        QCOMPARE(strip->bandCount(), 2);
        QVERIFY(strip->bandLabel(0).startsWith(kEngineHost));
        QVERIFY(strip->bandLabel(0).contains(QStringLiteral("engine")));
        QCOMPARE(strip->bandLabel(1), kOtherHost);
        for (int b = 0; b < 2; ++b) {
            const QImage& img = strip->bandImage(b);
            QVERIFY(!img.isNull());
            QVERIFY(img.height() >= 1);
            // Each band got heat from its own host's samples: not every pixel is idle.
            bool lit = false;
            for (int x = 0; x < img.width() && !lit; ++x)
                for (int y = 0; y < img.height() && !lit; ++y)
                    lit = img.pixel(x, y) != HeatStrip::heat(0).rgb();
            QVERIFY2(lit, qPrintable(strip->bandLabel(b)));
        }
    }

    void theMemoryChartStacksEachHostAsAGroup() {
        SessionModel session;
        replay(session);
        MemoryChart chart;
        chart.refresh(session);
        QVERIFY(chart.layers() >= 3);
        int lastEngineLayer = -1, firstOtherLayer = -1;
        for (int i = 0; i < chart.layers(); ++i) {
            const QString name = chart.layerName(i);
            // The legend has little room: the part of the names both hosts share is left out.
            if (name.startsWith(QStringLiteral("host-a · "))) {
                QVERIFY2(firstOtherLayer < 0, "the engine's host is stacked first");
                lastEngineLayer = i;
            } else if (name.startsWith(QStringLiteral("host-b · "))) {
                if (firstOtherLayer < 0) firstOtherLayer = i;
            } else {
                QFAIL(qPrintable(QStringLiteral("a layer without its host: ") + name));
            }
        }
        QVERIFY(lastEngineLayer >= 0);
        QVERIFY(firstOtherLayer > lastEngineLayer);
        QVERIFY(chart.layerName(0).endsWith(QStringLiteral("engine")));
        // The other host's ranks stand on the engine's host: the stack's top is higher than
        // the engine's group alone.
        QVERIFY(maxY(chart.topOfStack()) > maxY(chart.layerTop(lastEngineLayer)));
        QVERIFY(maxY(chart.layerTop(firstOtherLayer)) > maxY(chart.layerTop(lastEngineLayer)));
    }

    void shortHostNamesKeepWhatTellsThemApart() {
        const auto names = [](std::vector<std::string> hosts) { return shortHostNames(hosts); };
        QCOMPARE(names({"poolscope-host-a", "poolscope-host-b"}),
                 (QStringList{QStringLiteral("host-a"), QStringLiteral("host-b")}));
        QCOMPARE(names({"gpu-node-17.lab.example", "gpu-node-18.lab.example"}),
                 (QStringList{QStringLiteral("node-17"), QStringLiteral("node-18")}));
        QCOMPARE(names({"node01", "node02"}),
                 (QStringList{QStringLiteral("node01"), QStringLiteral("node02")}));
        QCOMPARE(names({"alpha", "beta"}),
                 (QStringList{QStringLiteral("alpha"), QStringLiteral("beta")}));
        QCOMPARE(names({"poolscope-host-a"}), QStringList{QStringLiteral("poolscope-host-a")});
    }

    void theTimelineNamesEachWorkersHost() {
        SessionModel session;
        replay(session);
        const RunTrace* p = session.latestRun(false);
        QVERIFY(p);
        ChunkTimelineView view;
        view.resize(900, 300);
        view.setRun(p);
        QSet<QString> hosts;
        for (int w = 0; w < p->config.workers; ++w) {
            const QString label = view.workerLabel(w);
            QVERIFY2(label.endsWith(QStringLiteral(" w%1").arg(w + 1)), qPrintable(label));
            hosts.insert(label.section(QLatin1Char(' '), 0, 0));
        }
        QCOMPARE(hosts, (QSet<QString>{kEngineHost, kOtherHost}));
        const QImage shot = view.grab().toImage();  // labels fit: painting does not fail
        QVERIFY(!shot.isNull());
    }

    void theResultPanelGivesEachHostsTotals() {
        SessionModel session;
        replay(session);
        ResultPanel panel;
        panel.refresh(session);
        const QString text = panel.figuresText();
        QVERIFY2(text.contains(kEngineHost + QStringLiteral(" (engine)")), qPrintable(text));
        QVERIFY2(text.contains(kOtherHost), qPrintable(text));
        QVERIFY2(text.indexOf(kEngineHost) < text.indexOf(kOtherHost), qPrintable(text));
        QVERIFY2(!text.contains(QStringLiteral("no samples")), qPrintable(text));
    }

    void theStripDrawsItsLabelsOncePerSize() {
        SessionModel session;
        replay(session);
        CpuChart cpu;
        cpu.resize(600, 300);
        cpu.refresh(session);
        auto* strip = cpu.findChild<HeatStrip*>();
        strip->resize(500, 240);
        const QImage first = strip->grab().toImage();
        const int draws = strip->chromeDraws();
        QCOMPARE(draws, 1);
        for (int i = 0; i < 5; ++i) strip->grab();  // repaints at 10 Hz reuse the labels
        QCOMPARE(strip->chromeDraws(), draws);
        QCOMPARE(strip->grab().toImage(), first);
        strip->resize(520, 240);
        strip->grab();
        QCOMPARE(strip->chromeDraws(), draws + 1);
    }
};

QTEST_MAIN(MpiHostsTest)
#include "mpi_hosts_test.moc"
