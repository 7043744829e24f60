// Comparing runs recorded from the real engine: `square`, 2000 items, 2 workers, chunksize 1
// against chunksize auto. What differs in the configuration and every figure's change come
// from the two RESULTs; the view overlays one progress line per run, one breakdown bar per run
// with the RESULTs' worker-seconds, the memory peaks, and words and Markdown that carry the
// same numbers.
#include <QTest>
#include <cmath>

#include "support/session_replay.h"
#include "ui/comparison_text.h"
#include "ui/comparison_view.h"
#include "ui/run_comparison.h"
#include "ui/session_model.h"

using namespace poolscope;
using namespace poolscope::ui;

namespace {

struct Pair {
    SessionModel session;
    RunRef a, b;
    const RunTrace* runA = nullptr;
    const RunTrace* runB = nullptr;
};

void loadPair(Pair& p) {
    const int a = test::replayFixture(p.session, "square_cs1.jsonl", QStringLiteral("chunksize 1"));
    const int b = test::replayFixture(p.session, "square_auto.jsonl", QStringLiteral("auto"));
    QVERIFY(a && b);
    p.a = {a, p.session.findRequest(a)->runs.back().run_id};
    p.b = {b, p.session.findRequest(b)->runs.back().run_id};
    p.runA = p.session.findRun(p.a);
    p.runB = p.session.findRun(p.b);
    QVERIFY(p.runA && p.runA->result && p.runB && p.runB->result);
}

const FigureChange* find(const std::vector<FigureChange>& changes, Figure f) {
    for (const auto& c : changes)
        if (c.figure == f) return &c;
    return nullptr;
}

}  // namespace

class RunComparisonTest : public QObject {
    Q_OBJECT

  private slots:
    void configDifferencesNameTheKnobs() {
        Pair p;
        loadPair(p);
        const auto changes = config_changes(p.runA->config, p.runB->config);
        QCOMPARE(changes.size(), std::size_t(1));
        QCOMPARE(changes[0].key, std::string("chunksize"));
        QCOMPARE(changes[0].from, std::string("1"));
        QCOMPARE(changes[0].to, std::string("auto (250)"));  // ceil(2000 / (2·4))
        QCOMPARE(configChangeText(changes[0]), QStringLiteral("chunksize 1 → auto (250)"));

        RunConfig more = p.runB->config;
        more.workers = 4;
        more.params["rows"] = "10";
        const auto two = config_changes(p.runB->config, more);
        QCOMPARE(two.size(), std::size_t(3));
        QCOMPARE(two[0].key, std::string("param rows"));
        QCOMPARE(two[1].key, std::string("workers"));
        QCOMPARE(configChangeText(two[1]), QStringLiteral("workers 2 → 4"));
        QCOMPARE(two[2].to, std::string("auto (125)"));
    }

    void figureChangesComeFromTheResults() {
        Pair p;
        loadPair(p);
        const RunResult& a = *p.runA->result;
        const RunResult& b = *p.runB->result;
        const auto changes = figure_changes(a, b);
        const FigureChange* wall = find(changes, Figure::Wall);
        QVERIFY(wall);
        QCOMPARE(wall->from, a.wall_s);
        QCOMPARE(wall->to, b.wall_s);
        QCOMPARE(*wall->relative, (b.wall_s - a.wall_s) / a.wall_s);
        // 2000 one-item messages against 8: the bigger chunks move far less.
        QVERIFY(*wall->relative < 0);
        const FigureChange* transfer = find(changes, Figure::Transfer);
        QVERIFY(transfer);
        QCOMPARE(*transfer->relative,
                 (b.breakdown.transfer - a.breakdown.transfer) / a.breakdown.transfer);
        QVERIFY(*transfer->relative < 0);
        const FigureChange* bytes = find(changes, Figure::BytesMoved);
        QVERIFY(bytes && bytes->to < bytes->from);

        // Worded as the user reads it.
        const QString summary = comparisonSummary({p.runA, p.runB});
        QVERIFY2(summary.startsWith(QStringLiteral("B vs A: chunksize 1 → auto (250); wall ")),
                 qPrintable(summary));
        QVERIFY2(summary.contains(QStringLiteral("wall ") + relativeText(*wall->relative)),
                 qPrintable(summary));
    }

    void relativeChangesReadNaturally() {
        QCOMPARE(relativeText(-0.634), QStringLiteral("−63 %"));
        QCOMPARE(relativeText(0.12), QStringLiteral("+12 %"));
        QCOMPARE(relativeText(0.034), QStringLiteral("+3.4 %"));
        QCOMPARE(relativeText(0.0001), QStringLiteral("±0 %"));
        QCOMPARE(runLetter(0), QStringLiteral("A"));
        QCOMPARE(runLetter(25), QStringLiteral("Z"));
        QCOMPARE(runLetter(26), QStringLiteral("AA"));
    }

    void viewOverlaysTheRuns() {
        Pair p;
        loadPair(p);
        ComparisonView view(p.session);
        view.resize(1000, 500);
        view.setRuns({p.a, p.b});
        QCOMPARE(view.progressLineCount(), 2);
        for (int part = 0; part < 6; ++part) {
            const Breakdown& ba = p.runA->result->breakdown;
            const double parts[] = {ba.startup, ba.serialization, ba.transfer,
                                    ba.compute, ba.teardown,      ba.idle};
            QCOMPARE(view.breakdownValue(part, 0), parts[part]);
        }
        QCOMPARE(view.breakdownValue(2, 1), p.runB->result->breakdown.transfer);
        QCOMPARE(view.memoryPeak(1), double(p.runB->result->memory.peak_pss_sum_bytes));
        QVERIFY(view.differencesText().contains(QStringLiteral("chunksize 1 → auto (250)")));

        const QStringList md = view.markdown().trimmed().split(QLatin1Char('\n'));
        QVERIFY(md[0].contains(QStringLiteral("A: ")) && md[0].contains(QStringLiteral("B: ")));
        QVERIFY(md[2].startsWith(QStringLiteral("| chunksize | 1 | auto (250) |")));
        bool wallRow = false;
        for (const QString& line : md)
            wallRow = wallRow || (line.startsWith(QStringLiteral("| wall |")) &&
                                  line.contains(QStringLiteral("−")));
        QVERIFY(wallRow);

        // A deleted run drops out; one run left is no comparison.
        QVERIFY(p.session.findRequest(p.b.request));
        ComparisonView empty(p.session);
        empty.setRuns({p.a});
        QVERIFY(empty.differencesText().contains(QStringLiteral("two or more")));
    }
};

QTEST_MAIN(RunComparisonTest)
#include "run_comparison_test.moc"
