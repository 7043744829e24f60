// AboutDialog: Help → About: what PoolScope is, its version and the versions it was built
// with (Qt, OpenCV), and the machine it measures (usable cores, CPU model, kernel): the facts
// a bug report or a figure quoted in class needs. The details are selectable and can be copied.
#pragma once

#include <QDialog>

#include "core/platform/machine_info.h"

namespace poolscope::ui {

class AboutDialog : public QDialog {
    Q_OBJECT
  public:
    // `machine` is read by the caller (read_machine_info()), so the dialog reads no /proc.
    explicit AboutDialog(const MachineInfo& machine, QWidget* parent = nullptr);

    // Everything the dialog shows, as plain text (what Copy puts on the clipboard).
    QString text() const { return text_; }

    // The details for `machine`, one fact a line.
    static QString details(const MachineInfo& machine);

  private:
    QString text_;
};

}  // namespace poolscope::ui
