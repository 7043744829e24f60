// The control panel's spin boxes offer the option schema's ranges (core/config/option_schema.h),
// from 0 where 0 means off or none, and the worker count up to this machine's maximum: a value
// the panel lets a user pick is one the engine's validation takes by its range.
// Options without a control keep the value they were loaded with.
#include <QDoubleSpinBox>
#include <QSpinBox>
#include <QTest>

#include "core/config/option_schema.h"
#include "core/config/validation.h"
#include "ui/control_panel.h"

using namespace poolscope;
using namespace poolscope::ui;

class ControlPanelRangesTest : public QObject {
    Q_OBJECT

  private slots:
    void spinBoxesOfferTheSchemasRanges() {
        MachineInfo machine;
        machine.online_cores = 4;
        machine.usable_cores = 4;
        ControlPanel panel(machine);
        for (const char* name : {"--workers", "--size", "--chunksize", "--lib-threads", "--repeat",
                                 "--warmup", "--sample-ms", "--task-timeout", "--reap-delay-ms"}) {
            const OptionInfo& o = option_info(name);
            QWidget* editor = panel.control(QString::fromLatin1(name));
            QVERIFY2(editor, name);
            const double lo = o.zero_means.empty() ? static_cast<double>(o.min) : 0.0;
            const double hi = o.machine_max ? max_workers(machine) : static_cast<double>(o.max);
            if (auto* spin = qobject_cast<QSpinBox*>(editor)) {
                QCOMPARE(static_cast<double>(spin->minimum()), lo);
                QCOMPARE(static_cast<double>(spin->maximum()), hi);
            } else if (auto* dspin = qobject_cast<QDoubleSpinBox*>(editor)) {
                QCOMPARE(dspin->minimum(), lo);
                QCOMPARE(dspin->maximum(), hi);
            } else {
                QFAIL(name);
            }
        }
    }

    // Options without a control of their own are kept as loaded (from a lesson or --args) and
    // reach the engine's arguments: an MPI run's --hosts would otherwise run on one host.
    void optionsWithoutAControlSurviveTheRoundTrip() {
        MachineInfo machine;
        machine.online_cores = 4;
        machine.usable_cores = 4;
        ControlPanel panel(machine);
        RunSettings s = panel.settings();
        s.backend = Backend::Mpi;
        s.hosts = QStringLiteral("10.0.0.1:2,10.0.0.2:2");
        s.maxFrame = 1 << 20;
        panel.setSettings(s);
        QCOMPARE(panel.settings().hosts, s.hosts);
        QCOMPARE(panel.settings().maxFrame, s.maxFrame);
        const QStringList args = panel.arguments(RunMode::Parallel);
        const auto at = args.indexOf(QStringLiteral("--hosts"));
        QVERIFY2(at >= 0, qPrintable(args.join(QLatin1Char(' '))));
        QCOMPARE(args.value(at + 1), s.hosts);
    }
};

QTEST_MAIN(ControlPanelRangesTest)
#include "control_panel_ranges_test.moc"
