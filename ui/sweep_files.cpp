// The Sweep view's files: a sweep is saved and opened as the CLI's own JSON document, so a
// sweep run from a script shows here, and one saved here is what `poolscope-cli sweep --json`
// would have printed.
#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QMenu>

#include "ui/error_banner.h"
#include "ui/sweep_view.h"

namespace poolscope::ui {

bool SweepView::openFile(const QString& path) {
    QString error;
    auto doc = readSweepFile(path, &error);
    if (!doc) {
        banner_->showMessage(tr("Cannot open the sweep:"), error);
        return false;
    }
    banner_->dismiss();
    showDocument(std::move(*doc));
    emit sweepFinished();
    return true;
}

bool SweepView::saveFile(const QString& path) {
    if (!shown_) return false;
    QString error;
    if (!writeSweepFile(*shown_, path, &error)) {
        banner_->showMessage(tr("Cannot save the sweep:"), error);
        return false;
    }
    emit message(tr("Saved %1").arg(path));
    return true;
}

void SweepView::addFileActions(QMenu* menu, QWidget* dialogParent) {
    const QString filter = tr("Sweep documents (*.json);;All files (*)");
    QAction* open = menu->addAction(tr("Open s&weep…"), this, [this, dialogParent, filter] {
        const QString path = QFileDialog::getOpenFileName(dialogParent, tr("Open a sweep"),
                                                          QDir::homePath(), filter);
        if (!path.isEmpty()) openFile(path);
    });
    open->setToolTip(tr("A sweep saved here, or printed by poolscope-cli sweep --json"));
    QAction* save = menu->addAction(tr("Sa&ve sweep…"), this, [this, dialogParent, filter] {
        QString path = QFileDialog::getSaveFileName(
            dialogParent, tr("Save the sweep"), QDir::home().filePath(QStringLiteral("sweep.json")),
            filter);
        if (path.isEmpty()) return;
        if (!path.contains(QLatin1Char('.'))) path += QStringLiteral(".json");
        saveFile(path);
    });
    connect(menu, &QMenu::aboutToShow, save,
            [this, save] { save->setEnabled(shown_.has_value()); });
}

}  // namespace poolscope::ui
