// The Sweep view against the real poolscope-cli: the form's arguments are the CLI's (read back
// through the same split and run parser, and the CLI's document echoes the axes the form
// showed), a refusal is the CLI's own line, and Stop keeps the points that finished (exit 130,
// the document marked interrupted) with no engine left behind. The sleep workload keeps the
// timings long and steady enough for a loaded machine.
#include <QComboBox>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "app/cli/run_options.h"

#include "support/gui_test_paths.h"
#include "support/process_table.h"
#include "ui/control_panel.h"
#include "ui/error_banner.h"
#include "ui/main_window.h"
#include "ui/sweep_form.h"
#include "ui/sweep_heatmap.h"
#include "ui/sweep_progress.h"
#include "ui/sweep_runner.h"
#include "ui/sweep_view.h"

using namespace poolscope;
using namespace poolscope::ui;

namespace {

RunSettings sleepSettings(const QString& ms, quint64 size) {
    RunSettings s;
    s.workload = QStringLiteral("sleep");
    s.params.insert(QStringLiteral("ms"), ms);
    s.size = size;
    return s;
}

// What the CLI says on stderr (and its exit status) for these sweep arguments.
std::pair<int, QString> cliRefusal(const QStringList& args) {
    QProcess p;
    p.start(test::cliPath(), QStringList{QStringLiteral("sweep")} + args);
    p.waitForFinished(20000);
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardError()).trimmed()};
}

QStringList words(std::initializer_list<const char*> list) {
    QStringList out;
    for (const char* w : list) out << QString::fromLatin1(w);
    return out;
}

}  // namespace

class SweepRunTest : public QObject {
    Q_OBJECT

  private slots:
    void theArgumentsReadBackAsTheyWereBuilt() {
        RunSettings base = sleepSettings(QStringLiteral("1"), 40);
        base.transport = Transport::Shm;
        SweepSettings sweep;
        sweep.workers = QStringLiteral("1..8*2");
        sweep.chunksize = QStringLiteral("1,4..6,auto");
        sweep.dispatch = {QStringLiteral("map"), QStringLiteral("imap_unordered")};
        sweep.repeat = 2;
        sweep.seed = 7;
        const QStringList args = sweepArguments(base, sweep);
        QCOMPARE(args.count(QStringLiteral("--workers")), 1);
        QCOMPARE(args.count(QStringLiteral("--chunksize")), 1);
        QCOMPARE(args.count(QStringLiteral("--dispatch")), 1);
        RunSettings readBase;
        SweepSettings readSweep;
        QString error;
        QVERIFY2(parseSweepArguments(args, readBase, readSweep, &error), qPrintable(error));
        QVERIFY(readSweep == sweep);
        // Everything but the axes' options comes back as the control panel had it.
        RunSettings expected = base;
        expected.repeat = 2;
        readBase.workers = expected.workers;
        readBase.chunksize = expected.chunksize;
        readBase.dispatch = expected.dispatch;
        QVERIFY(readBase == expected);
        // An empty axis leaves the control panel's option in place.
        sweep.dispatch.clear();
        base.dispatch = Dispatch::Imap;
        QVERIFY(sweepArguments(base, sweep)
                    .join(QLatin1Char(' '))
                    .contains(QStringLiteral("--dispatch imap")));
    }

    void aRefusalIsTheClisLine() {
        SweepForm form;
        SweepSettings s;
        s.workers = QStringLiteral("8..2");
        form.setSettings(s);
        const auto error = form.validationError();
        QVERIFY(error);
        const auto [code, said] =
            cliRefusal(sweepArguments(sleepSettings(QStringLiteral("1"), 8), s));
        QCOMPARE(code, 2);
        QVERIFY2(said.endsWith(*error), qPrintable(said + QStringLiteral(" | ") + *error));
    }

    // A lesson's sweep arguments read back by the GUI are refused in the CLI's own words.
    void aSweepArgumentRefusalIsTheClisLine_data() {
        QTest::addColumn<QStringList>("tail");
        QTest::newRow("seed not a number") << words({"--workers", "1,2", "--seed", "x"});
        QTest::newRow("seed without a value") << words({"--workers", "1,2", "--seed"});
        QTest::newRow("axis without a value") << words({"--seed", "3", "--workers"});
    }
    void aSweepArgumentRefusalIsTheClisLine() {
        QFETCH(QStringList, tail);
        const QStringList args =
            words({"--workload", "sleep", "--param", "ms=1", "--size", "4"}) + tail;
        RunSettings base;
        SweepSettings sweep;
        QString error;
        QVERIFY(!parseSweepArguments(args, base, sweep, &error));
        const auto [code, said] = cliRefusal(args);
        QCOMPARE(code, 2);
        QVERIFY2(!error.isEmpty() && said.endsWith(error),
                 qPrintable(said + QStringLiteral(" | ") + error));
    }

    // The form has no transport axis: several transports are refused, naming the CLI, not
    // handed to the run parser (which would call them one bad transport).
    void aSweepOfAnAxisTheFormLacksIsRefusedClearly() {
        RunSettings base;
        SweepSettings sweep;
        QString error;
        QVERIFY(!parseSweepArguments(
            words({"--workload", "sleep", "--size", "4", "--transport", "pipe,shm"}), base, sweep,
            &error));
        QVERIFY2(error.contains(QStringLiteral("poolscope-cli sweep")), qPrintable(error));
        QVERIFY2(error.startsWith(QStringLiteral("--transport pipe,shm")), qPrintable(error));
        // One transport is the control panel's setting.
        QVERIFY2(parseSweepArguments(words({"--workload", "sleep", "--size", "4", "--workers",
                                            "1,2", "--transport", "shm"}),
                                     base, sweep, &error),
                 qPrintable(error));
        QCOMPARE(base.transport, Transport::Shm);
    }

    void theClisDocumentHasTheFormsAxes() {
        MainWindow window;
        window.controls()->setSettings(sleepSettings(QStringLiteral("2"), 8));
        SweepView* view = window.sweepView();
        SweepSettings s;
        s.workers = QStringLiteral("1,2");
        s.chunksize = QStringLiteral("1,auto");
        s.repeat = 1;
        view->form()->setSettings(s);
        QSignalSpy done(view, &SweepView::sweepFinished);
        QVERIFY(view->startSweep());
        QVERIFY(done.wait(60000));
        const SweepDocument* doc = view->document();
        QVERIFY2(doc, qPrintable(view->progressText()));
        QCOMPARE(doc->axes.size(), std::size_t{2});
        QVERIFY(doc->axes[0].name == "workers");
        QVERIFY(doc->axes[0].values == (std::vector<std::string>{"1", "2"}));
        QVERIFY(doc->axes[1].values == (std::vector<std::string>{"1", "auto"}));
        QVERIFY(doc->config.workload == "sleep");
        QCOMPARE(doc->config.size, uint64_t{8});
        QCOMPARE(doc->config.repeat, 1);
        QCOMPARE(doc->pointsRan(), 4);
        QVERIFY(!doc->interrupted);
        QVERIFY(doc->recommendation.has_value());
        QVERIFY(!view->recommendationText().isEmpty());
    }

    void aDispatchAxisIsShownOneSliceAtATime() {
        MainWindow window;
        window.controls()->setSettings(sleepSettings(QStringLiteral("1"), 8));
        SweepView* view = window.sweepView();
        SweepSettings s;
        s.workers = QStringLiteral("1,2");
        s.chunksize = QStringLiteral("1,4");
        s.dispatch = {QStringLiteral("map"), QStringLiteral("imap_unordered")};
        s.repeat = 1;
        view->form()->setSettings(s);
        QSignalSpy done(view, &SweepView::sweepFinished);
        QVERIFY(view->startSweep());
        QVERIFY(done.wait(60000));
        const SweepDocument* doc = view->document();
        QVERIFY2(doc, qPrintable(view->progressText()));
        QCOMPARE(doc->pointsRan(), 8);
        auto* slice = view->findChild<QComboBox*>(QStringLiteral("slice:dispatch"));
        QVERIFY(slice);
        QCOMPARE(slice->count(), 2);
        for (int k = 0; k < 2; ++k) {
            slice->setCurrentIndex(k);
            const std::string shown = slice->currentData().toString().toStdString();
            const SweepGrid& grid = view->heatmap()->grid();
            QCOMPARE(grid.rows.size() * grid.columns.size(), std::size_t{4});
            for (const auto& row : grid.cells)
                for (const auto& cell : row) {
                    QVERIFY(cell.has_value());
                    QVERIFY(doc->valueOf(doc->points[*cell], "dispatch") == shown);
                }
        }
    }

    void theLiveCellsAreTheDocumentsFigures() {
        // One sweep, with warm-up runs, writes its events to a file and its document to stdout:
        // the live reading of the events gives every point the document's median and speedup.
        QTemporaryDir dir;
        const QString events = dir.filePath(QStringLiteral("sweep.jsonl"));
        RunSettings base = sleepSettings(QStringLiteral("3"), 8);
        base.warmup = 1;
        SweepSettings s;
        s.workers = QStringLiteral("1,2");
        s.chunksize = QStringLiteral("1,4");
        s.dispatch = {QStringLiteral("map"), QStringLiteral("imap")};
        s.repeat = 2;
        QProcess p;
        p.start(test::cliPath(),
                QStringList{QStringLiteral("sweep")} + sweepArguments(base, s) +
                    QStringList{QStringLiteral("--json"), QStringLiteral("--events"), events});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 0);
        QString error;
        const auto doc = parseSweepDocument(p.readAllStandardOutput(), &error);
        QVERIFY2(doc, qPrintable(error));
        QFile f(events);
        QVERIFY(f.open(QIODevice::ReadOnly));
        RunSettings fixed = base;
        fixed.repeat = s.repeat;
        cli::RunOptions options;
        std::string err;
        std::vector<std::string> argv;
        for (const QString& a : toArguments(fixed, RunMode::Parallel))
            argv.push_back(a.toStdString());
        QVERIFY(cli::parse_run_options(argv, options, err));
        SweepProgress live(options.config, doc->axes, 2);
        const QByteArray bytes = f.readAll();
        for (qsizetype i = 0; i < bytes.size(); i += 4093) live.feed(bytes.mid(i, 4093));
        QCOMPARE(live.pointsTotal(), 8);
        QCOMPARE(live.pointsDone(), 8);
        QCOMPARE(live.runsDone(), live.runsTotal());
        QCOMPARE(live.runsTotal(), 9 * 3);  // (8 points + serial) × (1 warm-up + 2 runs)
        QVERIFY(live.live().serial == doc->serial);
        for (std::size_t i = 0; i < doc->points.size(); ++i) {
            QVERIFY(live.live().points[i].values == doc->points[i].values);
            QVERIFY2(live.live().points[i].wall == doc->points[i].wall, qPrintable(doc->label(i)));
            QCOMPARE(live.live().points[i].speedup, doc->points[i].speedup);
        }
    }

    void stopKeepsTheFinishedPoints() {
        MainWindow window;
        window.controls()->setSettings(sleepSettings(QStringLiteral("25"), 16));
        SweepView* view = window.sweepView();
        SweepSettings s;
        s.workers = QStringLiteral("1..4");
        s.chunksize = QStringLiteral("1,2,4");
        s.repeat = 1;
        view->form()->setSettings(s);
        QSignalSpy done(view, &SweepView::sweepFinished);
        QVERIFY(view->startSweep());
        const qint64 pid = view->runner()->processId();
        QVERIFY(pid > 0);
        // Each point takes 0.1–0.4 s: stop once two have finished, long before the twelfth.
        QTRY_VERIFY_WITH_TIMEOUT(view->runner()->progress()->pointsDone() >= 2, 60000);
        QVERIFY(view->progressText().contains(QStringLiteral(" of 12 points done")));
        view->stopSweep();
        QVERIFY(done.wait(10000));
        const SweepDocument* doc = view->document();
        QVERIFY2(doc, qPrintable(view->progressText()));
        QVERIFY(doc->interrupted);
        QVERIFY(doc->pointsRan() >= 2);
        QVERIFY(doc->pointsRan() < 12);
        QVERIFY(view->warningText().contains(QStringLiteral("Stopped before the end")));
        QVERIFY(view->progressText().startsWith(QStringLiteral("Stopped")));
        QTRY_VERIFY_WITH_TIMEOUT(!test::processExists(static_cast<pid_t>(pid)), 3000);
        QVERIFY(!view->isRunning());
    }
};

QTEST_MAIN(SweepRunTest)
#include "sweep_run_test.moc"
