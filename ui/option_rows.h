// OptionRows: the form rows of the control panel by option name ("--chunksize"): each row's
// control, label and the red line under it, so a refusal naming an option lands beside its
// control and an option that does not apply can be greyed with its label.
#pragma once

#include <QMap>
#include <QString>

class QFormLayout;
class QWidget;

namespace poolscope::ui {

class ErrorLabel;

class OptionRows {
  public:
    struct Row {
        QWidget* control = nullptr;  // what the option's value is read from
        QWidget* label = nullptr;    // greyed with the control; nullptr for a shared row
        ErrorLabel* error = nullptr;
    };

    // Adds "label: field" and an error line under it to `form`. `control` (inside `field`) is
    // named after the option ("--lib-threads" -> "libThreads") and gets `tip`.
    ErrorLabel* add(QFormLayout* form, const QString& label, QWidget* field, const QString& option,
                    QWidget* control, const QString& tip);
    // Another option shown in an existing row (the global lock beside the backend).
    void alias(const QString& option, QWidget* control, ErrorLabel* error);

    const Row* find(const QString& option) const;
    void setApplies(const QString& option, bool applies);
    void clearErrors();

  private:
    QMap<QString, Row> rows_;
};

}  // namespace poolscope::ui
