// The run history: every run of the session as a row, checked by QAbstractItemModelTester
// while requests begin, stream, finish, get renamed, deleted and dropped; numeric columns sort
// as numbers; the filter matches any column; deleting removes runs from the session but never
// a running one; a recording opened mid-run goes before the running request.
#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTest>

#include "support/session_replay.h"
#include "ui/run_history_model.h"
#include "ui/run_history_view.h"
#include "ui/session_model.h"

using namespace poolscope;
using namespace poolscope::ui;

namespace {

// A stream with one run of `items` items whose RESULT says `wall` seconds (no RESULT yet when
// wall is negative: the run is still going).
EventStream oneRun(const std::string& id, bool serial, double wall, uint64_t items = 100) {
    EventStream s;
    StreamRun run;
    run.run_id = id;
    run.config.size = items;
    run.config.workload = "square";
    if (serial) run.config.backend = Backend::Serial;
    run.label = serial ? "serial" : describe(run.config);
    RunResult r;
    r.run_id = id;
    r.config = run.config;
    r.wall_s = wall;
    r.items = items;
    r.checksum_items = items;
    r.workers = serial ? 1 : run.config.workers;
    r.compute_s = wall / 2;
    if (wall >= 0) run.result = r;
    s.runs.push_back(run);
    return s;
}

EventStream twoRuns(double serialWall, double parallelWall) {
    EventStream s = oneRun("1", true, serialWall);
    s.runs.push_back(oneRun("2", false, parallelWall).runs.front());
    return s;
}

}  // namespace

class RunHistoryModelTest : public QObject {
    Q_OBJECT

  private slots:
    void rowsFollowTheSessionUnderTheTester() {
        SessionModel session;
        RunHistoryModel model(session);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(test::replayFixture(session, "compare_square.jsonl", QStringLiteral("Compare")));
        QCOMPARE(model.rowCount(), 2);
        const QPersistentModelIndex first = model.index(0, RunHistoryModel::LabelColumn);
        QCOMPARE(first.data().toString(), QStringLiteral("serial"));

        // A streaming request: its runs appear on refresh, after the rows already there.
        session.beginRequest(QStringLiteral("Run parallel"), {}, 1);
        session.update(oneRun("1", false, -1));
        model.refresh();
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.index(2, RunHistoryModel::StateColumn).data().toString(),
                 QStringLiteral("running"));
        QVERIFY(first.isValid());
        QCOMPARE(first.row(), 0);
        // Its RESULT arrives: the row changes in place.
        session.update(oneRun("1", false, 0.5));
        model.refresh();
        session.finishRequest(RequestState::Done, {});
        QCOMPARE(model.index(2, RunHistoryModel::StateColumn).data().toString(),
                 QStringLiteral("done"));

        // Renaming through the table goes to the session.
        QVERIFY(model.setData(model.index(1, RunHistoryModel::LabelColumn),
                              QStringLiteral("4 workers")));
        QCOMPARE(session.requests().front().runs[1].label, std::string("4 workers"));
        QCOMPARE(model.index(1, RunHistoryModel::LabelColumn).data().toString(),
                 QStringLiteral("4 workers"));
        QVERIFY(!model.setData(model.index(1, RunHistoryModel::WallColumn), QStringLiteral("1")));

        // Deleting the serial run: its row goes, the others stay.
        QVERIFY(session.removeRun(first.data(RunHistoryModel::RunRefRole).value<RunRef>()));
        QCOMPARE(model.rowCount(), 2);
        QVERIFY(!first.isValid());

        // The session's bound drops the oldest request: its rows go from the front.
        for (std::size_t i = 0; i < SessionModel::kMaxRequests; ++i) {
            session.beginRequest(QStringLiteral("Compare"), {}, 1);
            session.update(twoRuns(0.1, 0.2));
            session.finishRequest(RequestState::Done, {});
        }
        QCOMPARE(model.rowCount(), int(2 * SessionModel::kMaxRequests));
    }

    void figuresComeFromTheResults() {
        SessionModel session;
        RunHistoryModel model(session);
        session.beginRequest(QStringLiteral("Compare"), {}, 1);
        session.update(twoRuns(1.0, 0.25));
        session.finishRequest(RequestState::Done, {});
        const RunFigures& p = model.figures(1);
        QCOMPARE(*p.speedup, 4.0);
        QCOMPARE(*p.efficiency, 1.0);  // 4 workers
        QCOMPARE(*p.T, 0.01);
        QCOMPARE(*p.C, (4 * 0.25 - 0.125) / 100);
        QCOMPARE(model.index(1, RunHistoryModel::SpeedupColumn).data().toString(),
                 QStringLiteral("4×"));
        QCOMPARE(model.figures(0).speedup.value(), 1.0);
        QVERIFY(!model.figures(0).efficiency);
        QCOMPARE(model.index(0, RunHistoryModel::EfficiencyColumn).data().toString(),
                 QStringLiteral("–"));
    }

    void numericColumnsSortAsNumbers() {
        SessionModel session;
        RunHistoryView view(session);
        // Walls 9, 10 and 100 ms: as text "100" < "9"; as numbers 9 < 10 < 100.
        for (double wall : {0.010, 0.100, 0.009}) {
            session.beginRequest(QStringLiteral("Run serial"), {}, 1);
            session.update(oneRun("1", true, wall));
            session.finishRequest(RequestState::Done, {});
        }
        view.table()->sortByColumn(RunHistoryModel::WallColumn, Qt::AscendingOrder);
        QSortFilterProxyModel* proxy = view.proxy();
        QList<double> walls;
        for (int row = 0; row < proxy->rowCount(); ++row)
            walls << proxy->index(row, RunHistoryModel::WallColumn)
                         .data(RunHistoryModel::SortRole)
                         .toDouble();
        QCOMPARE(walls, (QList<double>{0.009, 0.010, 0.100}));
        view.table()->sortByColumn(RunHistoryModel::WallColumn, Qt::DescendingOrder);
        QCOMPARE(
            proxy->index(0, RunHistoryModel::WallColumn).data(RunHistoryModel::SortRole).toDouble(),
            0.100);
    }

    void filterMatchesAnyColumn() {
        SessionModel session;
        RunHistoryView view(session);
        QVERIFY(test::replayFixture(session, "compare_square.jsonl", QStringLiteral("Compare")));
        QVERIFY(test::replayFixture(session, "compare_sleep.jsonl", QStringLiteral("Compare")));
        QCOMPARE(view.proxy()->rowCount(), 4);
        view.setFilterText(QStringLiteral("SLEEP"));  // the config column, any case
        QCOMPARE(view.proxy()->rowCount(), 2);
        view.setFilterText(QStringLiteral("serial"));
        QCOMPARE(view.proxy()->rowCount(), 2);
        view.setFilterText(QStringLiteral("no such run"));
        QCOMPARE(view.proxy()->rowCount(), 0);
        view.setFilterText({});
        QCOMPARE(view.proxy()->rowCount(), 4);
        QCOMPARE(view.exportedRuns().size(), 4);
    }

    void deleteRemovesSelectedRunsButNotRunningOnes() {
        SessionModel session;
        RunHistoryView view(session);
        QAbstractItemModelTester tester(view.proxy(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(test::replayFixture(session, "compare_square.jsonl", QStringLiteral("Compare")));
        session.beginRequest(QStringLiteral("Run parallel"), {}, 1);
        session.update(oneRun("1", false, 0.5));
        view.refresh();
        QCOMPARE(view.proxy()->rowCount(), 3);
        QSignalSpy selection(&view, &RunHistoryView::selectionChanged);
        const RunRef serial{1, "1"}, running{2, "1"};
        view.selectRuns({serial, running});
        QVERIFY(!selection.isEmpty());
        QCOMPARE(selection.last().first().value<QList<RunRef>>().size(), 2);
        QCOMPARE(view.deleteSelected(), 1);  // the running run stays
        QCOMPARE(view.proxy()->rowCount(), 2);
        QVERIFY(!session.findRun(serial));
        QVERIFY(session.findRun(running));
        QVERIFY(!session.removeRun(running));
        // The request's last run going takes the request with it.
        QVERIFY(session.removeRun({1, "2"}));
        QVERIFY(!session.findRequest(1));
        QCOMPARE(view.proxy()->rowCount(), 1);
    }

    void recordingOpenedMidRunGoesBeforeTheRunningRequest() {
        SessionModel session;
        RunHistoryModel model(session);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        session.beginRequest(QStringLiteral("Run parallel"), {}, 1);
        session.update(oneRun("1", false, -1));
        model.refresh();
        const Request& added = session.addRecordedRequest(QStringLiteral("old.jsonl"),
                                                          twoRuns(1, 0.5), RequestState::Done, {});
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.figures(0).ref.request, added.id);
        QCOMPARE(model.figures(2).state, RunState::Running);
        // The engine's updates still reach the running request.
        EventStream more = oneRun("1", false, 0.5);
        more.runs.push_back(oneRun("2", false, 0.4).runs.front());
        session.update(more);
        QVERIFY(session.current()->running());
        QCOMPARE(session.current()->runs.size(), std::size_t(2));
    }
};

QTEST_MAIN(RunHistoryModelTest)
#include "run_history_model_test.moc"
