#include "ui/about_dialog.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include "core/platform/build_info.h"

namespace poolscope::ui {

namespace {

QString summary() {
    return AboutDialog::tr(
        "PoolScope is a lab for parallel code: it runs the same work serially and through a "
        "pool of processes or threads, and shows where the time went (start-up, "
        "serialization, transfer, compute, idle), with memory and CPU per core, live.");
}

}  // namespace

QString AboutDialog::details(const MachineInfo& machine) {
    const QString opencv =
        has_opencv() ? QString::fromStdString(opencv_version()) : tr("not built in");
    const QString cpu =
        machine.cpu_model.empty() ? tr("unknown") : QString::fromStdString(machine.cpu_model);
    QStringList lines;
    lines << tr("Version: %1").arg(QString::fromStdString(poolscope_version()));
    lines << tr("Qt: %1 (built with %2)")
                 .arg(QString::fromLatin1(qVersion()), QStringLiteral(QT_VERSION_STR));
    lines << tr("OpenCV: %1").arg(opencv);
    lines
        << tr("Usable cores: %1 of %2 online").arg(machine.usable_cores).arg(machine.online_cores);
    lines << tr("CPU: %1").arg(cpu);
    lines << tr("Kernel: %1").arg(QString::fromStdString(machine.kernel));
    return lines.join(u'\n');
}

AboutDialog::AboutDialog(const MachineInfo& machine, QWidget* parent) : QDialog(parent) {
    setWindowTitle(tr("About PoolScope"));
    const QString details = AboutDialog::details(machine);
    text_ = tr("PoolScope") + u'\n' + summary() + u'\n' + details;

    auto* title = new QLabel(tr("PoolScope"));
    QFont big = title->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    big.setBold(true);
    title->setFont(big);
    auto* what = new QLabel(summary());
    what->setWordWrap(true);
    auto* facts = new QLabel(details);
    facts->setTextFormat(Qt::PlainText);
    facts->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    QPushButton* copy = buttons->addButton(tr("&Copy"), QDialogButtonBox::ActionRole);
    copy->setToolTip(tr("Copy these facts, e.g. for a bug report"));
    connect(copy, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(text_); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(what);
    layout->addWidget(facts);
    layout->addWidget(buttons);
    setMinimumWidth(460);
}

}  // namespace poolscope::ui
