// WindowSettings: geometry, dock layout, presentation mode and the last run's arguments come
// back as saved; nothing saved gives defaults; arguments the engine now refuses are dropped
// with the CLI's reason. Every test writes its own INI file, never the user's settings.
#include <QDockWidget>
#include <QLabel>
#include <QMainWindow>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

#include "ui/window_settings.h"

using namespace poolscope;
using namespace poolscope::ui;

namespace {

// A main window with a central widget and one named dock, as MainWindow has.
std::unique_ptr<QMainWindow> makeWindow() {
    auto w = std::make_unique<QMainWindow>();
    w->setCentralWidget(new QLabel(QStringLiteral("centre")));
    auto* dock = new QDockWidget(QStringLiteral("Settings"), w.get());
    dock->setObjectName(QStringLiteral("settingsDock"));
    dock->setWidget(new QLabel(QStringLiteral("controls")));
    w->addDockWidget(Qt::LeftDockWidgetArea, dock);
    return w;
}

QDockWidget* dockOf(QMainWindow& w) {
    return w.findChild<QDockWidget*>(QStringLiteral("settingsDock"));
}

}  // namespace

class WindowSettingsTest : public QObject {
    Q_OBJECT

  private:
    QTemporaryDir dir_;
    QString iniPath(const char* name) const { return dir_.filePath(QString::fromUtf8(name)); }

  private slots:
    void initTestCase() {
        // Belt and braces: anything that reaches for the default settings lands in a test path.
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(dir_.isValid());
    }

    void nothingSavedGivesDefaults() {
        QSettings ini(iniPath("empty.ini"), QSettings::IniFormat);
        WindowSettings settings(ini);
        auto w = makeWindow();
        w->resize(500, 400);
        const auto r = settings.restore(*w);
        QVERIFY(!r.geometry);
        QVERIFY(!r.state);
        QVERIFY(!r.presentation);
        QVERIFY(r.lastArgs.isEmpty());
        QVERIFY(!r.settings);
        QVERIFY(r.argsError.isEmpty());
        QCOMPARE(w->size(), QSize(500, 400));
    }

    void everythingComesBackAsSaved() {
        const QStringList args = {QStringLiteral("--workload"), QStringLiteral("square"),
                                  QStringLiteral("--size"),     QStringLiteral("1000"),
                                  QStringLiteral("--workers"),  QStringLiteral("3"),
                                  QStringLiteral("--compare")};
        {
            QSettings ini(iniPath("saved.ini"), QSettings::IniFormat);
            WindowSettings settings(ini);
            auto w = makeWindow();
            w->setGeometry(40, 50, 620, 430);
            w->addDockWidget(Qt::RightDockWidgetArea, dockOf(*w));
            w->show();
            QVERIFY(QTest::qWaitForWindowExposed(w.get()));
            settings.save(*w, args, true);
        }
        QSettings ini(iniPath("saved.ini"), QSettings::IniFormat);
        WindowSettings settings(ini);
        auto w = makeWindow();
        QCOMPARE(w->dockWidgetArea(dockOf(*w)), Qt::LeftDockWidgetArea);
        const auto r = settings.restore(*w);
        QVERIFY(r.geometry);
        QVERIFY(r.state);
        QCOMPARE(w->size(), QSize(620, 430));
        QCOMPARE(w->dockWidgetArea(dockOf(*w)), Qt::RightDockWidgetArea);
        QVERIFY(r.presentation);
        QCOMPARE(r.lastArgs, args);
        QVERIFY(r.settings);
        QCOMPARE(r.settings->workload, QStringLiteral("square"));
        QCOMPARE(r.settings->size, quint64(1000));
        QCOMPARE(r.settings->workers, 3);
        QCOMPARE(r.mode, RunMode::Compare);
    }

    void argumentListsRoundTripThroughRunSettings() {
        RunSettings s;
        s.workload = QStringLiteral("transfer");
        s.workers = 2;
        s.chunksize = 7;
        s.transport = Transport::Shm;
        QSettings ini(iniPath("roundtrip.ini"), QSettings::IniFormat);
        WindowSettings settings(ini);
        auto w = makeWindow();
        settings.save(*w, toArguments(s, RunMode::Parallel), false);
        const auto r = settings.restore(*w);
        QVERIFY(!r.presentation);
        QVERIFY(r.settings);
        QVERIFY(*r.settings == s);
        QCOMPARE(r.mode, RunMode::Parallel);
        settings.save(*w, toArguments(s, RunMode::Serial), false);
        QCOMPARE(settings.restore(*w).mode, RunMode::Serial);
    }

    void refusedArgumentsAreDroppedWithTheReason() {
        QSettings ini(iniPath("refused.ini"), QSettings::IniFormat);
        WindowSettings settings(ini);
        auto w = makeWindow();
        settings.save(*w, {QStringLiteral("--workers"), QStringLiteral("many")}, false);
        const auto r = settings.restore(*w);
        QVERIFY(r.geometry);
        QVERIFY(r.lastArgs.isEmpty());
        QVERIFY(!r.settings);
        QVERIFY2(r.argsError.contains(QStringLiteral("--workers")), qPrintable(r.argsError));
    }

    void noArgumentsSavedMeansNoneRestored() {
        QSettings ini(iniPath("noargs.ini"), QSettings::IniFormat);
        WindowSettings settings(ini);
        auto w = makeWindow();
        settings.save(*w, {QStringLiteral("--size"), QStringLiteral("5")}, false);
        settings.save(*w, {}, false);
        const auto r = settings.restore(*w);
        QVERIFY(r.lastArgs.isEmpty());
        QVERIFY(r.argsError.isEmpty());
    }

    void clearForgetsOnlyItsOwnKeys() {
        QSettings ini(iniPath("clear.ini"), QSettings::IniFormat);
        ini.setValue(QStringLiteral("history/columns"), 5);
        WindowSettings settings(ini);
        auto w = makeWindow();
        settings.save(*w, {QStringLiteral("--size"), QStringLiteral("5")}, true);
        settings.clear();
        const auto r = settings.restore(*w);
        QVERIFY(!r.geometry);
        QVERIFY(!r.presentation);
        QVERIFY(r.lastArgs.isEmpty());
        QCOMPARE(ini.value(QStringLiteral("history/columns")).toInt(), 5);
    }

    void settingsOfAnotherFormatAreIgnored() {
        QSettings ini(iniPath("future.ini"), QSettings::IniFormat);
        ini.setValue(QStringLiteral("format"), 99);
        ini.setValue(QStringLiteral("window/presentation"), true);
        WindowSettings settings(ini);
        auto w = makeWindow();
        QVERIFY(!settings.restore(*w).presentation);
    }
};

QTEST_MAIN(WindowSettingsTest)
#include "window_settings_test.moc"
