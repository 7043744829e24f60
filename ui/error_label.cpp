#include "ui/error_label.h"

#include <QPalette>

namespace poolscope::ui {

ErrorLabel::ErrorLabel(QWidget* parent) : QLabel(parent) {
    QPalette p = palette();
    p.setColor(QPalette::WindowText, QColor(0xc6, 0x28, 0x28));
    setPalette(p);
    setWordWrap(true);
    setTextFormat(Qt::PlainText);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    hide();
}

void ErrorLabel::setMessage(const QString& message) {
    setText(message);
    setVisible(!message.isEmpty());
}

}  // namespace poolscope::ui
