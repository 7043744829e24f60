// ShortcutsDialog: one row per action that has a shortcut, in the order given, with the
// mnemonic dropped and every key sequence listed.
#include <QAction>
#include <QTableWidget>
#include <QTest>

#include "ui/shortcuts_dialog.h"

using namespace poolscope::ui;

class ShortcutsDialogTest : public QObject {
    Q_OBJECT

  private slots:
    void listsActionsWithShortcutsInOrder() {
        QAction compare(QStringLiteral("&Compare"));
        compare.setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_R), QKeySequence(Qt::Key_F5)});
        QAction noKeys(QStringLiteral("&Export..."));
        QAction stop(QStringLiteral("S&top"));
        stop.setShortcut(QKeySequence(Qt::Key_Escape));
        QAction next(QStringLiteral("&Next lesson"));
        next.setShortcut(QKeySequence(Qt::CTRL | Qt::Key_PageDown));

        const QList<QAction*> actions = {&compare, &noKeys, nullptr, &stop, &next};
        const auto rows = ShortcutsDialog::rows(actions);
        QCOMPARE(rows.size(), 3);
        QCOMPARE(rows[0].first, QStringLiteral("Compare"));
        QCOMPARE(rows[0].second, QStringLiteral("Ctrl+R, F5"));
        QCOMPARE(rows[1].first, QStringLiteral("Stop"));
        QCOMPARE(rows[1].second, QStringLiteral("Esc"));
        QCOMPARE(rows[2].second, QStringLiteral("Ctrl+PgDown"));

        ShortcutsDialog dialog(actions);
        QTableWidget* table = dialog.table();
        QCOMPARE(table->rowCount(), 3);
        QCOMPARE(table->columnCount(), 2);
        for (int r = 0; r < rows.size(); ++r) {
            QCOMPARE(table->item(r, 0)->text(), rows[r].first);
            QCOMPARE(table->item(r, 1)->text(), rows[r].second);
        }
        QCOMPARE(dialog.windowTitle(), QStringLiteral("Keyboard shortcuts"));
    }

    void anEmptyListGivesAnEmptyTable() {
        ShortcutsDialog dialog({});
        QCOMPARE(dialog.table()->rowCount(), 0);
    }
};

QTEST_MAIN(ShortcutsDialogTest)
#include "shortcuts_dialog_test.moc"
