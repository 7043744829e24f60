#include "ui/shortcuts_dialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QTableWidget>
#include <QVBoxLayout>

namespace poolscope::ui {

QList<QPair<QString, QString>> ShortcutsDialog::rows(const QList<QAction*>& actions) {
    QList<QPair<QString, QString>> out;
    for (const QAction* a : actions) {
        if (!a || a->shortcuts().isEmpty()) continue;
        QStringList keys;
        for (const QKeySequence& k : a->shortcuts()) keys << k.toString(QKeySequence::NativeText);
        // iconText() is text() without mnemonic ampersands and trailing "...".
        out.append({a->iconText(), keys.join(QStringLiteral(", "))});
    }
    return out;
}

ShortcutsDialog::ShortcutsDialog(const QList<QAction*>& actions, QWidget* parent)
    : QDialog(parent) {
    setWindowTitle(tr("Keyboard shortcuts"));
    const auto list = rows(actions);
    table_ = new QTableWidget(int(list.size()), 2);
    table_->setHorizontalHeaderLabels({tr("Action"), tr("Keys")});
    table_->verticalHeader()->hide();
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setShowGrid(false);
    table_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    table_->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    for (int row = 0; row < list.size(); ++row) {
        table_->setItem(row, 0, new QTableWidgetItem(list[row].first));
        table_->setItem(row, 1, new QTableWidgetItem(list[row].second));
    }
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(table_);
    layout->addWidget(buttons);
    resize(420, 360);
}

}  // namespace poolscope::ui
