// QuitSignals: SIGTERM, SIGINT and SIGHUP (a session logging out, Ctrl+C in the terminal that
// started the GUI) close the main window like the user would, so a running engine is stopped
// and reaped before the program leaves. The handler only writes to a pipe; the window is closed
// from the event loop (the only async-signal-safe way to reach Qt).
#pragma once

#include <QObject>

class QSocketNotifier;

namespace poolscope::ui {

class QuitSignals : public QObject {
    Q_OBJECT
  public:
    explicit QuitSignals(QObject* parent = nullptr);
    ~QuitSignals() override;

  signals:
    void quitRequested(int signal);

  private:
    QSocketNotifier* notifier_ = nullptr;
};

}  // namespace poolscope::ui
