// ErrorLabel: a refusal shown in red beside the control it is about, hidden while there is
// none (a hidden widget takes no room in a form row, so the form stays compact).
#pragma once

#include <QLabel>

namespace poolscope::ui {

class ErrorLabel : public QLabel {
    Q_OBJECT
  public:
    explicit ErrorLabel(QWidget* parent = nullptr);

    // Shows `message`; an empty one hides the label.
    void setMessage(const QString& message);
};

}  // namespace poolscope::ui
