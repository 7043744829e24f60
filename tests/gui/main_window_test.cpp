// The window as a user drives it: a lesson's settings load, Compare runs serial then parallel
// through the real engine and the views show the result; a refused setting disables the run
// with the engine's reason; closing the window mid-run leaves no engine or worker; the
// screenshot option writes a PNG of the whole window that shows the charts.
#include <QImage>
#include <QProcess>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "core/analysis/verdict.h"
#include "support/gui_test_paths.h"
#include "support/process_table.h"
#include "ui/control_panel.h"
#include "ui/error_banner.h"
#include "ui/main_window.h"
#include "ui/progress_chart.h"
#include "ui/result_panel.h"

using namespace poolscope;
using namespace poolscope::ui;

namespace {

// Distinct colours in a grid of samples over the image: a blank or one-colour picture has 1.
int distinctColours(const QImage& img) {
    QSet<QRgb> colours;
    for (int y = 0; y < img.height(); y += 7)
        for (int x = 0; x < img.width(); x += 7) colours.insert(img.pixel(x, y));
    return static_cast<int>(colours.size());
}

GuiOptions withArgs(const char* args) {
    GuiOptions o;
    o.args = splitArguments(QString::fromUtf8(args), nullptr);
    return o;
}

}  // namespace

class MainWindowTest : public QObject {
    Q_OBJECT

  private slots:
    void initTestCase() { qputenv("POOLSCOPE_CLI", test::cliPath().toUtf8()); }

    void theDefaultLessonLoadsAndComparesEndToEnd() {
        MainWindow w;
        QString error;
        QVERIFY2(w.applyOptions(GuiOptions{}, &error), qPrintable(error));
        QCOMPARE(w.controls()->settings().workload, QStringLiteral("square"));
        QCOMPARE(w.preferredMode(), RunMode::Compare);
        w.show();
        QSignalSpy done(&w, &MainWindow::requestFinished);
        QVERIFY(w.startRun(RunMode::Compare));
        QVERIFY(!w.startRun(RunMode::Compare));  // one request at a time
        QVERIFY(done.wait(60000));
        const Request* r = w.session().current();
        QVERIFY(r);
        QCOMPARE(r->state, RequestState::Done);
        QCOMPARE(r->runs.size(), std::size_t{2});
        // 1000 squares: the pool is slower, or the machine was too busy to say (CI under load).
        const Verdict v = assess(*r->comparison());
        QVERIFY(r->comparison()->speedup < 1);
        QVERIFY2(v.kind == VerdictKind::Slower || v.kind == VerdictKind::Disturbed,
                 qPrintable(w.resultPanel()->verdictText()));
        QVERIFY(!w.resultPanel()->verdictText().isEmpty());
        QCOMPARE(w.progressChart()->linePoints(false).back().y(), 1000.0);
        QVERIFY(w.statusText().contains(QStringLiteral("done")));
        QVERIFY(w.banner()->isHidden());
    }

    void aContradictionDisablesTheRunWithTheEnginesReason() {
        MainWindow w;
        QString error;
        QVERIFY(w.applyOptions(withArgs("--workload cpu --dispatch apply_async --chunksize 4"),
                               &error));
        const auto e = w.controls()->validationError(RunMode::Compare);
        QVERIFY(e.has_value());
        QCOMPARE(e->field, QStringLiteral("--chunksize"));  // the control to change
        QVERIFY(e->message.startsWith(QStringLiteral("--dispatch apply_async sends one message")));
        QVERIFY(!w.startRun(RunMode::Compare));
        QVERIFY(w.session().requests().empty());  // nothing started
        QVERIFY(w.startRun(RunMode::Serial));     // serial has no dispatch: it may run
        QSignalSpy done(&w, &MainWindow::requestFinished);
        QVERIFY(done.wait(60000));
    }

    void anEngineRefusalIsShownBesideItsControl() {
        MainWindow w;
        QString error;
        // Too large for memory: only the engine (with its workload configured) can tell.
        QVERIFY(w.applyOptions(
            withArgs("--workload transfer --param rows=100000 --param cols=10000 --size 100"),
            &error));
        QSignalSpy done(&w, &MainWindow::requestFinished);
        QVERIFY(w.startRun(RunMode::Parallel));
        QVERIFY(done.wait(60000));
        QCOMPARE(w.session().current()->state, RequestState::Refused);
        QVERIFY(!w.banner()->isHidden());
        QVERIFY(!w.session().current()->message.isEmpty());
    }

    void closingMidRunLeavesNoEngineOrWorker() {
        auto* w = new MainWindow;
        QString error;
        QVERIFY(w->applyOptions(withArgs("--workload sleep --param ms=20 --size 4000 --workers 2"),
                                &error));
        w->show();
        QVERIFY(w->startRun(RunMode::Parallel));
        QTRY_VERIFY_WITH_TIMEOUT(!w->session().current()->runs.empty() &&
                                     w->session().current()->runs[0].workers_ready >= 2,
                                 20000);
        const auto engine = static_cast<pid_t>(w->client().processId());
        const QList<pid_t> workers = test::childrenOf(engine);
        QVERIFY(engine > 0 && !workers.isEmpty());
        w->close();
        delete w;
        QTRY_VERIFY_WITH_TIMEOUT(!test::processExists(engine), 2000);
        for (pid_t p : workers) QTRY_VERIFY_WITH_TIMEOUT(!test::processExists(p), 2000);
    }

    void theScreenshotOptionSavesTheWholeWindow() {
        QTemporaryDir dir;
        const QString png = dir.filePath(QStringLiteral("window.png"));
        QProcess gui;
        gui.start(test::guiPath(),
                  {QStringLiteral("--lesson"), QStringLiteral("1"), QStringLiteral("--run"),
                   QStringLiteral("--screenshot"), png, QStringLiteral("--quit"),
                   QStringLiteral("--window-size"), QStringLiteral("1366x768")});
        QVERIFY(gui.waitForFinished(60000));
        QCOMPARE(gui.exitCode(), 0);
        const QImage img(png);
        QVERIFY(!img.isNull());
        QCOMPARE(img.size(), QSize(1366, 768));
        QVERIFY2(distinctColours(img) > 20, qPrintable(QString::number(distinctColours(img))));
    }

    void badGuiArgumentsAreRefused() {
        QProcess gui;
        gui.start(test::guiPath(),
                  {QStringLiteral("--lesson"), QStringLiteral("99"), QStringLiteral("--quit")});
        QVERIFY(gui.waitForFinished(30000));
        QCOMPARE(gui.exitCode(), 2);
        QVERIFY(gui.readAllStandardError().contains("no lesson 99"));
    }

    void withoutADisplayHelpAndScreenshotsWorkAndAWindowIsRefusedWithAReason() {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const char* name : {"QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"})
            env.remove(QString::fromLatin1(name));
        const auto run = [&](const QStringList& args, QByteArray* err = nullptr) {
            QProcess gui;
            gui.setProcessEnvironment(env);
            gui.start(test::guiPath(), args);
            if (!gui.waitForFinished(60000)) return -1;
            if (err) *err = gui.readAllStandardError();
            return gui.exitCode();
        };
        QCOMPARE(run({QStringLiteral("--version")}), 0);
        QTemporaryDir dir;
        const QString png = dir.filePath(QStringLiteral("window.png"));
        QCOMPARE(run({QStringLiteral("--lesson"), QStringLiteral("2"),
                      QStringLiteral("--screenshot"), png, QStringLiteral("--quit")}),
                 0);
        QVERIFY(!QImage(png).isNull());
        QByteArray err;
        QCOMPARE(run({QStringLiteral("--lesson"), QStringLiteral("1")}, &err), 2);
        QVERIFY2(err.contains("no display") && err.contains("poolscope-cli"), err.constData());
    }
};

QTEST_MAIN(MainWindowTest)
#include "main_window_test.moc"
