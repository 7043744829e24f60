// The control panel: every control maps to its run argument and back, every lesson loads and
// comes out as the same run, contradictions are explained beside the offending control in the
// engine's own words, parameter editors cannot leave their domain, and the chunksize line
// works Python's formula out. Set POOLSCOPE_SCREENSHOT=FILE to save a picture of the panel.
#include <QAbstractButton>
#include <QAction>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QScrollArea>
#include <QSignalSpy>
#include <QSlider>
#include <QSpinBox>
#include <QTest>
#include <QToolButton>

#include "core/workloads/param_domain.h"
#include "core/workloads/workload_registry.h"
#include "ui/chunksize_control.h"
#include "ui/control_panel.h"
#include "ui/lesson_catalog.h"

using namespace poolscope;
using namespace poolscope::ui;

namespace {

MachineInfo fourCores() {
    MachineInfo m;
    m.online_cores = 4;
    m.usable_cores = 4;
    return m;
}

// Sets the control named before '=' to the value after it, as a user would.
void setControl(ControlPanel& panel, const QString& step) {
    const qsizetype eq = step.indexOf(QLatin1Char('='));
    const QString name = step.left(eq);
    const QString value = step.mid(eq + 1);
    auto* w = panel.findChild<QWidget*>(name);
    QVERIFY2(w, qPrintable(QStringLiteral("no control named ") + name));
    if (auto* spin = qobject_cast<QSpinBox*>(w)) {
        spin->setValue(value.toInt());
    } else if (auto* dspin = qobject_cast<QDoubleSpinBox*>(w)) {
        dspin->setValue(value.toDouble());
    } else if (auto* combo = qobject_cast<QComboBox*>(w)) {
        QVERIFY2(combo->findText(value) >= 0, qPrintable(value));
        combo->setCurrentIndex(combo->findText(value));
    } else if (auto* button = qobject_cast<QAbstractButton*>(w)) {
        button->setChecked(value == QStringLiteral("true"));
    } else if (auto* line = qobject_cast<QLineEdit*>(w)) {
        line->setText(value);
    } else if (auto* slider = qobject_cast<QSlider*>(w)) {
        slider->setValue(value.toInt());
    } else {
        QFAIL(qPrintable(QStringLiteral("cannot set ") + name));
    }
}

// Whether `args` holds `option` followed by `value` (or the flag alone when value is empty).
bool holds(const QStringList& args, const QString& option, const QString& value) {
    for (qsizetype i = 0; i < args.size(); ++i)
        if (args[i] == option && (value.isEmpty() || (i + 1 < args.size() && args[i + 1] == value)))
            return true;
    return false;
}

}  // namespace

class ControlPanelTest : public QObject {
    Q_OBJECT

  private slots:
    void startsAtTheEnginesDefaults() {
        ControlPanel panel(fourCores());
        QVERIFY(panel.settings() == RunSettings{});
        QVERIFY(!panel.validationError(RunMode::Parallel));
        QCOMPARE(panel.arguments(RunMode::Compare), toArguments(RunSettings{}, RunMode::Compare));
    }

    void controlMapsToItsArgument_data() {
        QTest::addColumn<QStringList>("steps");
        QTest::addColumn<QString>("option");
        QTest::addColumn<QString>("value");
        QTest::addColumn<bool>("inSerial");
        const auto row = [](const char* name, QStringList steps, const char* option,
                            const char* value, bool inSerial) {
            QTest::newRow(name) << steps << QString::fromUtf8(option) << QString::fromUtf8(value)
                                << inSerial;
        };
        row("workload", {QStringLiteral("workload=transfer")}, "--workload", "transfer", true);
        row("param iterations", {QStringLiteral("param:iterations=500")}, "--param",
            "iterations=500", true);
        row("param item_us", {QStringLiteral("param:item_us=2.5")}, "--param", "item_us=2.5", true);
        row("param tail", {QStringLiteral("workload=skewed"), QStringLiteral("param:tail=0.25")},
            "--param", "tail=0.25", true);
        row("param seed", {QStringLiteral("workload=skewed"), QStringLiteral("param:seed=7")},
            "--param", "seed=7", true);
        row("param output", {QStringLiteral("workload=blur"), QStringLiteral("param:output=keep")},
            "--param", "output=keep", true);
        row("size", {QStringLiteral("size=5000")}, "--size", "5000", true);
        row("size slider", {QStringLiteral("sizeSlider=300")}, "--size", "1000", true);
        row("workers", {QStringLiteral("workers=3")}, "--workers", "3", false);
        row("chunksize auto", {}, "--chunksize", "auto", false);
        row("chunksize number starts at auto's", {QStringLiteral("chunksizeNumber=true")},
            "--chunksize", "125", false);
        row("chunksize number",
            {QStringLiteral("chunksizeNumber=true"), QStringLiteral("chunksize=7")}, "--chunksize",
            "7", false);
        row("backend", {QStringLiteral("backend=threads")}, "--backend", "threads", false);
        row("backend python", {QStringLiteral("backend=python")}, "--backend", "python", false);
        row("backend python threads", {QStringLiteral("backend=python-threads")}, "--backend",
            "python-threads", false);
        row("global lock", {QStringLiteral("backend=threads"), QStringLiteral("globalLock=true")},
            "--global-lock", "", false);
        row("dispatch", {QStringLiteral("dispatch=imap_unordered")}, "--dispatch", "imap_unordered",
            false);
        row("start", {QStringLiteral("start=spawn")}, "--start", "spawn", false);
        row("transport", {QStringLiteral("transport=shm")}, "--transport", "shm", false);
        row("pool", {QStringLiteral("pool=warm")}, "--pool", "warm", false);
        row("lib threads", {QStringLiteral("libThreads=3")}, "--lib-threads", "3", true);
        row("pin", {QStringLiteral("pin=true")}, "--pin", "", false);
        row("repeat", {QStringLiteral("repeat=5")}, "--repeat", "5", true);
        row("warmup", {QStringLiteral("warmup=2")}, "--warmup", "2", true);
        row("sample ms", {QStringLiteral("sampleMs=250")}, "--sample-ms", "250", true);
        row("sample off", {QStringLiteral("sampleMs=0")}, "--sample-ms", "0", true);
        row("task timeout", {QStringLiteral("taskTimeout=2.5")}, "--task-timeout", "2.5", false);
        row("on failure", {QStringLiteral("onFailure=skip")}, "--on-failure", "skip", false);
        row("inject", {QStringLiteral("inject=crash@chunk=5")}, "--inject", "crash@chunk=5", true);
        row("reap delay", {QStringLiteral("reapDelayMs=600")}, "--reap-delay-ms", "600", false);
    }

    void controlMapsToItsArgument() {
        QFETCH(QStringList, steps);
        QFETCH(QString, option);
        QFETCH(QString, value);
        QFETCH(bool, inSerial);
        ControlPanel panel(fourCores());
        QSignalSpy changed(&panel, &ControlPanel::settingsChanged);
        for (const QString& step : steps) setControl(panel, step);
        if (!steps.isEmpty()) QVERIFY(changed.count() > 0);
        const QStringList args = panel.arguments(RunMode::Parallel);
        QVERIFY2(holds(args, option, value), qPrintable(args.join(u' ')));
        QCOMPARE(holds(panel.arguments(RunMode::Serial), option, value), inSerial);
        // And back: the argument list reads as the same settings, and shows as them.
        RunSettings back;
        QString error;
        RunMode mode = RunMode::Serial;
        QVERIFY2(fromArguments(args, back, &error, &mode), qPrintable(error));
        QVERIFY(mode == RunMode::Parallel);
        QVERIFY(back == panel.settings());
        ControlPanel other(fourCores());
        other.setSettings(back);
        QCOMPARE(other.arguments(RunMode::Parallel), args);
    }

    void everyLessonRoundTrips_data() {
        QTest::addColumn<QStringList>("args");
        // The lessons as the GUI loads them: "{cores}" settled for this machine.
        QFile file(QStringLiteral(POOLSCOPE_RESOURCES_DIR "/lessons/lessons.json"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QString error;
        const LessonCatalog catalog = LessonCatalog::parse(file.readAll(), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(catalog.lessons.size() >= 10);
        for (const auto& lesson : catalog.lessons) {
            for (const auto& run : lesson.runs) {
                const QString name = lesson.title + QStringLiteral(" / ") + run.label;
                QTest::newRow(qPrintable(name)) << run.args;
            }
        }
    }

    void everyLessonRoundTrips() {
        QFETCH(QStringList, args);
        RunSettings loaded;
        QString error;
        RunMode mode = RunMode::Serial;
        QVERIFY2(fromArguments(args, loaded, &error, &mode), qPrintable(error));
        QCOMPARE(mode == RunMode::Compare, args.contains(QStringLiteral("--compare")));
        ControlPanel panel(fourCores());
        panel.setSettings(loaded);
        QVERIFY(panel.settings() == loaded);
        RunSettings again;
        QVERIFY(fromArguments(panel.arguments(mode), again, &error));
        QVERIFY(again == loaded);
        if (make_workload(loaded.workload.toStdString())) {
            const auto refusal = panel.validationError(mode);
            QVERIFY2(!refusal, qPrintable(refusal ? refusal->message : QString()));
        }
    }

    void contradictionsAreExplainedBesideTheControl_data() {
        QTest::addColumn<QStringList>("steps");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("message");
        const auto row = [](const char* name, QStringList steps, const char* field,
                            const char* message) {
            QTest::newRow(name) << steps << QString::fromUtf8(field) << QString::fromUtf8(message);
        };
        row("threads + spawn", {QStringLiteral("start=spawn"), QStringLiteral("backend=threads")},
            "--start", "--start spawn contradicts --backend threads (threads share one process)");
        row("apply_async + 5",
            {QStringLiteral("dispatch=apply_async"), QStringLiteral("chunksizeNumber=true"),
             QStringLiteral("chunksize=5")},
            "--chunksize",
            "--dispatch apply_async sends one message per task: --chunksize must be 1 or auto; "
            "got 5");
        row("static + a number",
            {QStringLiteral("chunksizeNumber=true"), QStringLiteral("chunksize=10"),
             QStringLiteral("dispatch=static")},
            "--chunksize",
            "--dispatch static makes one block per worker: --chunksize must be auto; got 10");
        row("global lock + processes", {QStringLiteral("globalLock=true")}, "--global-lock",
            "--global-lock needs --backend threads; got --backend processes");
        row("threads + retry",
            {QStringLiteral("backend=threads"), QStringLiteral("onFailure=retry")}, "--on-failure",
            "--on-failure retry needs --backend processes (one thread cannot be replaced alone)");
        row("threads + pin", {QStringLiteral("pin=true"), QStringLiteral("backend=threads")},
            "--pin", "--pin needs --backend processes (it pins worker processes)");
        row("threads + warm", {QStringLiteral("pool=warm"), QStringLiteral("backend=threads")},
            "--pool", "--pool warm needs --backend processes");
        row("threads + shm", {QStringLiteral("transport=shm"), QStringLiteral("backend=threads")},
            "--transport",
            "--transport shm contradicts --backend threads (threads already share memory)");
        row("sample 20 ms", {QStringLiteral("sampleMs=20")}, "--sample-ms",
            "--sample-ms must be 0 (off) or in 50 … 1000; got 20");
    }

    void contradictionsAreExplainedBesideTheControl() {
        QFETCH(QStringList, steps);
        QFETCH(QString, field);
        QFETCH(QString, message);
        ControlPanel panel(fourCores());
        QSignalSpy validity(&panel, &ControlPanel::validityChanged);
        for (const QString& step : steps) setControl(panel, step);
        QVERIFY(validity.count() >= steps.size());
        const auto refusal = panel.validationError(RunMode::Parallel);
        QVERIFY(refusal);
        QCOMPARE(refusal->field, field);
        QCOMPARE(refusal->message, message);
        QVERIFY(panel.validationError(RunMode::Compare));
        QCOMPARE(panel.shownError(field), message);  // shown before anything runs
        QVERIFY(panel.control(field)->isEnabled());  // and it can be put right there
        QVERIFY(panel.shownError(QString()).isEmpty());
    }

    void aParameterOutsideItsDomainIsRefusedInTheWorkloadsWords() {
        ControlPanel panel(fourCores());
        RunSettings s;
        s.params.insert(QStringLiteral("iterations"), QStringLiteral("0"));
        panel.setSettings(s);
        QVERIFY(panel.settings() == s);  // kept as given, not quietly clamped
        const auto refusal = panel.validationError(RunMode::Serial);
        QVERIFY(refusal);
        QCOMPARE(refusal->field, QStringLiteral("--param iterations"));
        QCOMPARE(refusal->message,
                 QStringLiteral("parameter iterations must be in 1 … 1000000000; got 0"));
        QCOMPARE(panel.shownError(QStringLiteral("--param iterations")), refusal->message);
        setControl(panel, QStringLiteral("param:iterations=20"));
        QVERIFY(!panel.validationError(RunMode::Serial));
    }

    void parameterEditorsCannotLeaveTheirDomain() {
        ControlPanel panel(fourCores());
        for (const auto& info : list_workloads()) {
            setControl(panel, QStringLiteral("workload=") + QString::fromStdString(info.name));
            for (const auto& p : info.params) {
                const ParamDomain d = param_domain(p);
                auto* editor =
                    panel.control(QStringLiteral("--param ") + QString::fromStdString(p.key));
                QVERIFY(editor);
                QVERIFY(editor->toolTip().contains(QString::fromStdString(p.range)));
                if (auto* spin = qobject_cast<QSpinBox*>(editor)) {
                    QCOMPARE(static_cast<quint64>(spin->minimum()), d.lo);
                    QCOMPARE(static_cast<quint64>(spin->maximum()), d.hi);
                    spin->clear();
                    QTest::keyClicks(spin, QStringLiteral("99999999999"));
                    QVERIFY(static_cast<quint64>(spin->value()) <= d.hi);
                } else if (auto* dspin = qobject_cast<QDoubleSpinBox*>(editor)) {
                    QCOMPARE(dspin->minimum(), d.real_lo);
                    QCOMPARE(dspin->maximum(), d.real_hi);
                    dspin->setValue(d.real_hi * 2 + 1);
                    QCOMPARE(dspin->value(), d.real_hi);
                } else if (auto* line = qobject_cast<QLineEdit*>(editor);
                           line && d.kind == ParamDomain::Kind::Integer) {
                    line->clear();
                    QTest::keyClicks(line, QStringLiteral("999999999999999999999x"));
                    QVERIFY(d.contains(line->text().toStdString()));
                }
                QVERIFY(!panel.validationError(RunMode::Parallel));
            }
        }
    }

    void chunksizeLineWorksTheFormulaOut() {
        QCOMPARE(ChunksizeControl::hint(1000, 4, Dispatch::Map, std::nullopt),
                 QStringLiteral("auto = ceil(n/(4·W)) = ceil(1000/(4·4)) = 63 → 16 chunks"));
        ControlPanel panel(fourCores());
        setControl(panel, QStringLiteral("size=1000"));
        setControl(panel, QStringLiteral("workers=4"));
        const QString shown = panel.findChild<QLabel*>(QStringLiteral("chunksizeHint"))->text();
        QVERIFY2(shown.contains(QStringLiteral("= 63 → 16 chunks")), qPrintable(shown));
        setControl(panel, QStringLiteral("dispatch=static"));
        QVERIFY(!panel.findChild<QWidget*>(QStringLiteral("chunksizeAuto"))->isEnabled());
        QCOMPARE(panel.findChild<QLabel*>(QStringLiteral("chunksizeHint"))->text(),
                 QStringLiteral("static: one block per worker → 4 chunks"));
    }

    void irrelevantControlsAreGreyed() {
        ControlPanel panel(fourCores());
        QVERIFY(!panel.control(QStringLiteral("--global-lock"))->isEnabled());
        setControl(panel, QStringLiteral("backend=threads"));
        QVERIFY(panel.control(QStringLiteral("--global-lock"))->isEnabled());
        for (const char* option : {"--start", "--transport", "--pool", "--pin"})
            QVERIFY2(!panel.control(QString::fromUtf8(option))->isEnabled(), option);
        QVERIFY(!panel.validationError(RunMode::Parallel));
        // CPython's Pool has a start method, a transport and a lifetime; it cannot be pinned.
        setControl(panel, QStringLiteral("backend=python"));
        for (const char* option : {"--start", "--transport", "--pool"})
            QVERIFY2(panel.control(QString::fromUtf8(option))->isEnabled(), option);
        QVERIFY(!panel.control(QStringLiteral("--pin"))->isEnabled());
        QVERIFY(!panel.control(QStringLiteral("--global-lock"))->isEnabled());
    }

    void engineErrorsLandBesideTheirControl() {
        ControlPanel panel(fourCores());
        const QString chunk = QStringLiteral("--chunksize must be a whole number ≥ 1 or auto");
        panel.showEngineError(chunk);
        QCOMPARE(panel.shownError(QStringLiteral("--chunksize")), chunk);
        setControl(panel, QStringLiteral("workload=blur"));  // an edit clears it
        QVERIFY(panel.shownError(QStringLiteral("--chunksize")).isEmpty());
        const QString dir = QStringLiteral("parameter dir must be an existing folder; got '/no'");
        panel.showEngineError(dir);
        QCOMPARE(panel.shownError(QStringLiteral("--param dir")), dir);
        const QString other = QStringLiteral("this run needs about 9 GiB");
        panel.showEngineError(other);
        QCOMPARE(panel.shownError(QString()), other);
        panel.clearEngineError();
        QVERIFY(panel.shownError(QString()).isEmpty());
    }

    void runActionsAndRunningState() {
        ControlPanel panel(fourCores());
        QAction serial(QStringLiteral("Run serial"));
        QAction parallel(QStringLiteral("Run parallel"));
        QAction compare(QStringLiteral("Compare"));
        QAction stop(QStringLiteral("Stop"));
        panel.setRunActions(&serial, &parallel, &compare, &stop);
        panel.setRunActions(&serial, &parallel, &compare, &stop);  // replaces, not adds
        const auto buttons = panel.findChildren<QToolButton*>();
        QCOMPARE(std::count_if(buttons.begin(), buttons.end(),
                               [](QToolButton* b) { return b->defaultAction() != nullptr; }),
                 4);
        panel.setRunning(true);
        QVERIFY(!panel.control(QStringLiteral("--workers"))->isEnabled());
        panel.setRunning(false);
        QVERIFY(panel.control(QStringLiteral("--workers"))->isEnabled());
    }

    void fitsASmallScreen() {
        ControlPanel panel(fourCores());
        panel.resize(340, 640);
        panel.show();
        QVERIFY(panel.minimumSizeHint().height() <= 640);
        // With the advanced section folded, every workload's form fits a 1366×768 screen's
        // dock (about 640 px) with the run buttons, without scrolling; and a 300 px wide dock.
        const QWidget* form = panel.findChild<QScrollArea*>()->widget();
        for (const auto& info : list_workloads()) {
            setControl(panel, QStringLiteral("workload=") + QString::fromStdString(info.name));
            QCoreApplication::processEvents();
            QVERIFY2(
                form->sizeHint().height() <= 600,
                qPrintable(QString::fromStdString(info.name) + QStringLiteral(": ") +
                           QString::number(form->sizeHint().height()) + QStringLiteral(" px")));
            QVERIFY2(form->minimumSizeHint().width() <= 300, info.name.c_str());
        }
        const QByteArray shot = qgetenv("POOLSCOPE_SCREENSHOT");
        if (shot.isEmpty()) return;
        QAction serial(QStringLiteral("Run serial"));
        QAction parallel(QStringLiteral("Run parallel"));
        QAction compare(QStringLiteral("Compare"));
        QAction stop(QStringLiteral("Stop"));
        stop.setEnabled(false);
        panel.setRunActions(&serial, &parallel, &compare, &stop);
        for (const char* step : {"workload=skewed", "size=1000", "chunksizeNumber=true",
                                 "chunksize=10", "dispatch=static"})
            setControl(panel, QString::fromUtf8(step));
        QCoreApplication::processEvents();  // widgets added to a shown form appear queued
        QVERIFY(panel.grab().save(QString::fromLocal8Bit(shot)));
    }
};

QTEST_MAIN(ControlPanelTest)
#include "control_panel_test.moc"
