// A real window on a virtual X display (xvfb-run): the GUI starts a real run, and whether it
// is asked to quit (SIGTERM, as a session logging out) or killed outright (SIGKILL), the
// engine and every worker are gone within 2 s of the GUI.
#include <signal.h>

#include <QElapsedTimer>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>

#include "support/gui_test_paths.h"
#include "support/process_table.h"

using namespace poolscope;

namespace {

// The GUI's pid under xvfb-run, its engine's pid and the engine's workers, once they run.
struct Running {
    pid_t gui = 0;
    pid_t engine = 0;
    QList<pid_t> workers;
};

// The GUI is the child of xvfb-run (other tests may run GUIs of their own meanwhile).
Running waitForWorkers(pid_t xvfbRun, int timeoutMs) {
    QElapsedTimer clock;
    clock.start();
    Running r;
    while (clock.elapsed() < timeoutMs) {
        const QList<pid_t> guis = test::processesNamed("/poolscope");
        for (pid_t gui : test::childrenOf(xvfbRun)) {
            if (!guis.contains(gui)) continue;
            for (pid_t child : test::childrenOf(gui)) {
                const auto workers = test::childrenOf(child);
                if (workers.size() >= 2) return {gui, child, workers};
            }
        }
        QTest::qWait(50);
    }
    return r;
}

bool allGone(const Running& r, int timeoutMs) {
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < timeoutMs) {
        bool any = test::processExists(r.engine);
        for (pid_t w : r.workers) any = any || test::processExists(w);
        if (!any) return true;
        QTest::qWait(20);
    }
    return false;
}

}  // namespace

class RealWindowTest : public QObject {
    Q_OBJECT

    QProcess xvfb_;

    void startGui() {
        const QString xvfbRun = QStandardPaths::findExecutable(QStringLiteral("xvfb-run"));
        if (xvfbRun.isEmpty()) QFAIL("xvfb-run is missing (scripts/install-deps.sh installs xvfb)");
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("QT_QPA_PLATFORM"));  // the real xcb platform this time
        env.insert(QStringLiteral("POOLSCOPE_CLI"), test::cliPath());
        xvfb_.setProcessEnvironment(env);
        xvfb_.start(
            xvfbRun,
            {QStringLiteral("-a"), QStringLiteral("-s"), QStringLiteral("-screen 0 1366x768x24"),
             test::guiPath(), QStringLiteral("--args"),
             QStringLiteral("--workload sleep --param ms=20 --size 4000 --workers 2 "
                            "--chunksize 1"),
             QStringLiteral("--run")});
        QVERIFY(xvfb_.waitForStarted(10000));
    }

  private slots:
    void cleanup() {
        if (xvfb_.state() != QProcess::NotRunning) {
            xvfb_.kill();
            xvfb_.waitForFinished(5000);
        }
    }

    void quittingTheGuiStopsTheRunFirst() {
        startGui();
        const Running r = waitForWorkers(static_cast<pid_t>(xvfb_.processId()), 30000);
        QVERIFY2(r.engine > 0, qPrintable(QString::fromUtf8(xvfb_.readAllStandardError())));
        kill(r.gui, SIGTERM);
        QVERIFY(allGone(r, 2000));
        QVERIFY(xvfb_.waitForFinished(10000));
    }

    void killingTheGuiStillEndsTheEngine() {
        startGui();
        const Running r = waitForWorkers(static_cast<pid_t>(xvfb_.processId()), 30000);
        QVERIFY2(r.engine > 0, qPrintable(QString::fromUtf8(xvfb_.readAllStandardError())));
        kill(r.gui, SIGKILL);  // no chance to clean up: the engine sees its stdin close
        QVERIFY(allGone(r, 2000));
    }
};

QTEST_GUILESS_MAIN(RealWindowTest)
#include "real_window_test.moc"
