// ShortcutsDialog: Help → Keyboard shortcuts: a two-column table of the actions the window
// passes in (what it does, its keys), in the order given, so the list cannot drift from the
// actions themselves. Actions without a shortcut are left out.
#pragma once

#include <QDialog>
#include <QList>
#include <QPair>

class QAction;
class QTableWidget;

namespace poolscope::ui {

class ShortcutsDialog : public QDialog {
    Q_OBJECT
  public:
    explicit ShortcutsDialog(const QList<QAction*>& actions, QWidget* parent = nullptr);

    // (what it does, its keys) for each action with a shortcut, as the table shows them:
    // mnemonics and trailing dots dropped, several shortcuts joined by ", ", keys in the
    // platform's words ("Ctrl+R").
    static QList<QPair<QString, QString>> rows(const QList<QAction*>& actions);

    QTableWidget* table() const { return table_; }

  private:
    QTableWidget* table_ = nullptr;
};

}  // namespace poolscope::ui
