// The main window's menu bar: File (filled by FileActions and the Sweep view once the views
// exist), Run, View, Lessons and Help, and the keyboard shortcuts dialog that lists them. The
// window owns the actions and what they do; this only arranges them.
#pragma once

#include <QList>
#include <functional>

class QAction;
class QMainWindow;
class QMenu;
class QObject;

namespace poolscope::ui {

struct MainMenuActions {
    QAction* runSerial = nullptr;
    QAction* runParallel = nullptr;
    QAction* compare = nullptr;
    QAction* runSweep = nullptr;
    QAction* stop = nullptr;
    QAction* presentation = nullptr;
    QAction* sweepView = nullptr;
    std::function<void()> runLesson;
    std::function<void(int)> stepLesson;  // +1 next, −1 previous
    std::function<void()> about;
};

// The window's actions with their names, shortcuts and tooltips (the callbacks left empty).
MainMenuActions makeMainActions(QObject* parent);
// Returns the File menu (empty).
QMenu* buildMainMenus(QMainWindow* window, const MainMenuActions& actions);

}  // namespace poolscope::ui
