// AboutDialog: its text names PoolScope's version, the Qt it runs on, the OpenCV compiled in
// (or says it is not), the machine's usable cores, CPU model and kernel, and what PoolScope is.
#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QPushButton>
#include <QTest>

#include "core/platform/build_info.h"
#include "ui/about_dialog.h"

using namespace poolscope;
using namespace poolscope::ui;

namespace {

MachineInfo recordedMachine() {
    MachineInfo m;
    m.cpu_model = "Intel(R) Core(TM) i5-8250U CPU @ 1.60GHz";
    m.online_cores = 8;
    m.usable_cores = 2;
    m.kernel = "6.1.0-18-amd64";
    return m;
}

}  // namespace

class AboutDialogTest : public QObject {
    Q_OBJECT

  private slots:
    void textNamesEveryFact() {
        AboutDialog dialog(recordedMachine());
        const QString text = dialog.text();
        QVERIFY2(text.contains(QStringLiteral(POOLSCOPE_VERSION)), qPrintable(text));
        QVERIFY(text.contains(QString::fromLatin1(qVersion())));
        const QString cv = has_opencv() ? QString::fromStdString(opencv_version())
                                        : QStringLiteral("not built in");
        QVERIFY(text.contains(QStringLiteral("OpenCV: ") + cv));
        QVERIFY(text.contains(QStringLiteral("Usable cores: 2 of 8 online")));
        QVERIFY(text.contains(QStringLiteral("Intel(R) Core(TM) i5-8250U CPU @ 1.60GHz")));
        QVERIFY(text.contains(QStringLiteral("6.1.0-18-amd64")));
        QVERIFY(text.contains(QStringLiteral("pool of processes or threads")));
        QCOMPARE(dialog.windowTitle(), QStringLiteral("About PoolScope"));
    }

    void theLiveMachineIsShown() {
        const MachineInfo m = read_machine_info();
        AboutDialog dialog(m);
        QVERIFY(dialog.text().contains(QString::fromStdString(m.kernel)));
        QVERIFY(dialog.text().contains(QStringLiteral("Usable cores: %1").arg(m.usable_cores)));
    }

    void anUnknownCpuSaysSo() {
        MachineInfo m = recordedMachine();
        m.cpu_model.clear();
        QVERIFY(AboutDialog(m).text().contains(QStringLiteral("CPU: unknown")));
    }

    void copyPutsTheTextOnTheClipboard() {
        AboutDialog dialog(recordedMachine());
        auto* buttons = dialog.findChild<QDialogButtonBox*>();
        QVERIFY(buttons);
        QPushButton* copy = nullptr;
        for (QAbstractButton* b : buttons->buttons())
            if (buttons->buttonRole(b) == QDialogButtonBox::ActionRole)
                copy = qobject_cast<QPushButton*>(b);
        QVERIFY(copy);
        copy->click();
        QCOMPARE(QApplication::clipboard()->text(), dialog.text());
    }
};

QTEST_MAIN(AboutDialogTest)
#include "about_dialog_test.moc"
