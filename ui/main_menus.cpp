#include "ui/main_menus.h"

#include <QAction>
#include <QCoreApplication>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>

#include "ui/shortcuts_dialog.h"

namespace poolscope::ui {

namespace {
struct MainMenus {
    Q_DECLARE_TR_FUNCTIONS(MainMenus)
};
}  // namespace

MainMenuActions makeMainActions(QObject* parent) {
    MainMenuActions a;
    a.runSerial = new QAction(MainMenus::tr("Run &serial"), parent);
    a.runSerial->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_1));
    a.runSerial->setToolTip(
        MainMenus::tr("Run the workload serially: one loop in one process (Ctrl+1)"));
    a.runParallel = new QAction(MainMenus::tr("Run &parallel"), parent);
    a.runParallel->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_2));
    a.runParallel->setToolTip(MainMenus::tr("Run the workload through the pool (Ctrl+2)"));
    a.compare = new QAction(MainMenus::tr("&Compare"), parent);
    a.compare->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_R), QKeySequence(Qt::Key_F5)});
    a.compare->setToolTip(MainMenus::tr("Serial, then parallel, and where the time went (Ctrl+R)"));
    a.runSweep = new QAction(MainMenus::tr("Run s&weep"), parent);
    a.runSweep->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    a.runSweep->setToolTip(
        MainMenus::tr("Sweep the Sweep view's workers and chunksizes (Ctrl+Shift+R)"));
    a.stop = new QAction(MainMenus::tr("S&top"), parent);
    a.stop->setShortcut(QKeySequence(Qt::Key_Escape));
    a.stop->setToolTip(MainMenus::tr("Stop the run or the sweep; what finished is kept (Esc)"));
    a.presentation = new QAction(MainMenus::tr("&Presentation mode"), parent);
    a.presentation->setCheckable(true);
    a.presentation->setShortcut(QKeySequence(Qt::Key_F11));
    a.sweepView = new QAction(MainMenus::tr("&Sweep view"), parent);
    a.sweepView->setCheckable(true);
    a.sweepView->setShortcut(QKeySequence(Qt::Key_F6));
    a.sweepView->setToolTip(
        MainMenus::tr("Workers × chunksize sweeps, the U-curve and the fits (F6)"));
    return a;
}

QMenu* buildMainMenus(QMainWindow* window, const MainMenuActions& a) {
    QMenuBar* bar = window->menuBar();
    QMenu* file = bar->addMenu(MainMenus::tr("&File"));
    QMenu* run = bar->addMenu(MainMenus::tr("&Run"));
    run->addActions({a.runSerial, a.runParallel, a.compare, a.runSweep, a.stop});
    run->addSeparator();
    QAction* quit = run->addAction(MainMenus::tr("&Quit"), window, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    QMenu* view = bar->addMenu(MainMenus::tr("&View"));
    view->addActions({a.sweepView, a.presentation});
    QMenu* lessons = bar->addMenu(MainMenus::tr("&Lessons"));
    QAction* runLesson = lessons->addAction(MainMenus::tr("Run &lesson"), window, a.runLesson);
    runLesson->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    const auto step = a.stepLesson;
    QAction* next = lessons->addAction(MainMenus::tr("&Next lesson"), window, [step] { step(1); });
    next->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_PageDown));
    QAction* previous =
        lessons->addAction(MainMenus::tr("&Previous lesson"), window, [step] { step(-1); });
    previous->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_PageUp));
    QMenu* help = bar->addMenu(MainMenus::tr("&Help"));
    QAction* keys = help->addAction(MainMenus::tr("&Keyboard shortcuts"));
    keys->setShortcut(QKeySequence(Qt::Key_F1));
    const QList<QAction*> listed{a.runSerial, a.runParallel,  a.compare, a.runSweep,
                                 a.stop,      runLesson,      next,      previous,
                                 a.sweepView, a.presentation, quit,      keys};
    QObject::connect(keys, &QAction::triggered, window,
                     [window, listed] { ShortcutsDialog(listed, window).exec(); });
    help->addAction(MainMenus::tr("&About PoolScope"), window, a.about);
    return file;
}

}  // namespace poolscope::ui
