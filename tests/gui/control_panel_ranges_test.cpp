// The control panel's spin boxes offer the option schema's ranges (core/config/option_schema.h),
// from 0 where 0 means off or none, and the worker count up to this machine's maximum: a value
// the panel lets a user pick is one the engine's validation takes by its range.
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
};

QTEST_MAIN(ControlPanelRangesTest)
#include "control_panel_ranges_test.moc"
