// RunSettings and its argument lists: defaults are the engine's, each run mode gives the
// options that apply to it, argument lists are read with the CLI's own parser and words, and
// a refusal names the option it is about.
#include <QTest>

#include "ui/run_settings.h"

using namespace poolscope;
using namespace poolscope::ui;

namespace {

MachineInfo fourCores() {
    MachineInfo m;
    m.online_cores = 4;
    m.usable_cores = 4;
    return m;
}

}  // namespace

class RunSettingsTest : public QObject {
    Q_OBJECT

  private slots:
    void defaultsAreTheEngines() {
        QVERIFY(settingsFromConfig(RunConfig{}) == RunSettings{});
        QVERIFY(!validate(RunSettings{}, RunMode::Compare, fourCores()));
    }

    void eachModeGivesItsOptions() {
        RunSettings s;
        s.params.insert(QStringLiteral("iterations"), QStringLiteral("50"));
        s.inject << QStringLiteral("error@item=3");
        const QStringList serial = toArguments(s, RunMode::Serial);
        QCOMPARE(serial.join(u' '),
                 QStringLiteral("--workload cpu --param iterations=50 --size 2000 --backend serial "
                                "--lib-threads 1 --repeat 1 --warmup 0 --sample-ms 100 "
                                "--inject error@item=3"));
        const QStringList parallel = toArguments(s, RunMode::Parallel);
        QCOMPARE(parallel.join(u' '),
                 QStringLiteral("--workload cpu --param iterations=50 --size 2000 --workers 4 "
                                "--chunksize auto --backend processes --dispatch map --start fork "
                                "--transport pipe --pool cold --lib-threads 1 --repeat 1 "
                                "--warmup 0 --sample-ms 100 --task-timeout 0 --on-failure stop "
                                "--inject error@item=3"));
        QCOMPARE(toArguments(s, RunMode::Compare),
                 parallel + QStringList{QStringLiteral("--compare")});
    }

    void threadsLeaveOutProcessOptionsUnlessTheyContradict() {
        RunSettings s;
        s.backend = Backend::Threads;
        QStringList args = toArguments(s, RunMode::Parallel);
        for (const char* option : {"--start", "--transport", "--pool", "--pin"})
            QVERIFY2(!args.contains(QString::fromUtf8(option)), option);
        s.start = StartMethod::Spawn;
        args = toArguments(s, RunMode::Parallel);
        QVERIFY(args.contains(QStringLiteral("--start")));
        QVERIFY(!validate(s, RunMode::Serial, fourCores()));  // serial reads no start method
        QCOMPARE(validate(s, RunMode::Parallel, fourCores())->field, QStringLiteral("--start"));
    }

    void forkserverIsPythonsAndRefusedBesideStartElsewhere() {
        RunSettings s;
        s.start = StartMethod::Forkserver;
        const auto refused = validate(s, RunMode::Parallel, fourCores());
        QVERIFY(refused);
        QCOMPARE(refused->field, QStringLiteral("--start"));
        QVERIFY(refused->message.contains(QStringLiteral("forkserver")));
        s.backend = Backend::Python;
        QVERIFY(!validate(s, RunMode::Parallel, fourCores()));
        const QStringList args = toArguments(s, RunMode::Parallel);
        QCOMPARE(args.at(args.indexOf(QStringLiteral("--start")) + 1),
                 QStringLiteral("forkserver"));
    }

    void aLessonsReapDelayReachesTheEngine() {
        // Loaded from a lesson's arguments, given back to the engine for a pool run, left out
        // of the serial baseline (which has no pool to reap).
        RunSettings s;
        QString error;
        RunMode mode = RunMode::Serial;
        QVERIFY(fromArguments({QStringLiteral("--workers"), QStringLiteral("4"),
                               QStringLiteral("--reap-delay-ms"), QStringLiteral("600")},
                              s, &error, &mode));
        QCOMPARE(s.reapDelayMs, 600);
        QVERIFY(mode == RunMode::Parallel);
        const QStringList parallel = toArguments(s, RunMode::Parallel);
        QCOMPARE(parallel.at(parallel.indexOf(QStringLiteral("--reap-delay-ms")) + 1),
                 QStringLiteral("600"));
        QVERIFY(!toArguments(s, RunMode::Serial).contains(QStringLiteral("--reap-delay-ms")));
        QVERIFY(!validate(s, RunMode::Compare, fourCores()));
        s.backend = Backend::Threads;
        QCOMPARE(validate(s, RunMode::Parallel, fourCores())->field,
                 QStringLiteral("--reap-delay-ms"));
    }

    void mpiHostsReachTheEngineAndNoSerialRun() {
        RunSettings s;
        QString error;
        QVERIFY(fromArguments({QStringLiteral("--backend"), QStringLiteral("mpi"),
                               QStringLiteral("--hosts"), QStringLiteral("a:2,b:2")},
                              s, &error, nullptr));
        QCOMPARE(s.hosts, QStringLiteral("a:2,b:2"));
        const QStringList parallel = toArguments(s, RunMode::Compare);
        QCOMPARE(parallel.at(parallel.indexOf(QStringLiteral("--hosts")) + 1),
                 QStringLiteral("a:2,b:2"));
        QVERIFY(!toArguments(s, RunMode::Serial).contains(QStringLiteral("--hosts")));
        QVERIFY(!toArguments(RunSettings{}, RunMode::Parallel).contains(QStringLiteral("--hosts")));
    }

    void argumentsAreReadWithTheCliParser() {
        RunSettings s;
        QString error;
        QVERIFY(!fromArguments({QStringLiteral("--size"), QStringLiteral("lots")}, s, &error));
        QCOMPARE(error,
                 QStringLiteral("--size must be a whole number in 0 … 1000000000; got 'lots'"));
        RunMode mode = RunMode::Compare;
        QVERIFY(fromArguments({QStringLiteral("--backend=serial"), QStringLiteral("--json"),
                               QStringLiteral("--events"), QStringLiteral("-")},
                              s, &error, &mode));
        QVERIFY(mode == RunMode::Serial);
        QVERIFY(s == RunSettings{});  // output options are dropped; serial is a mode
    }

    void refusalsNameTheirOption_data() {
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("field");
        const auto row = [](const char* message, const char* field) {
            QTest::newRow(message) << QString::fromUtf8(message) << QString::fromUtf8(field);
        };
        row("--chunksize must be ≥ 1 or auto; got 0", "--chunksize");
        row("--dispatch static makes one block per worker: --chunksize must be auto; got 3",
            "--chunksize");
        row("--start spawn contradicts --backend threads (threads share one process)", "--start");
        row("--workload: unknown workload 'x' (known: square, cpu)", "--workload");
        row("parameter sigma must be in 0.1 … 100; got 0", "--param sigma");
        row("parameter dir: folder '/x' holds no image file OpenCV can read", "--param dir");
        row("workload square has no parameter 'x' (it takes none)", "--param");
        row("could not calibrate item_us (the calibration child failed)", "");
    }

    void refusalsNameTheirOption() {
        QFETCH(QString, message);
        QFETCH(QString, field);
        QCOMPARE(fieldOf(message), field);
    }
};

QTEST_MAIN(RunSettingsTest)
#include "run_settings_test.moc"
