#include "ui/option_rows.h"

#include <QFormLayout>
#include <QWidget>
#include <utility>

#include "ui/error_label.h"

namespace poolscope::ui {

namespace {

// "--lib-threads" -> "libThreads".
QString objectNameFor(const QString& option) {
    QString name;
    bool upper = false;
    for (const QChar c : option.mid(2)) {
        if (c == QLatin1Char('-')) {
            upper = true;
            continue;
        }
        name += upper ? c.toUpper() : c;
        upper = false;
    }
    return name;
}

}  // namespace

ErrorLabel* OptionRows::add(QFormLayout* form, const QString& label, QWidget* field,
                            const QString& option, QWidget* control, const QString& tip) {
    form->addRow(label, field);
    auto* error = new ErrorLabel;
    error->setObjectName(QStringLiteral("error:") + option);
    form->addRow(error);
    QWidget* labelWidget = form->labelForField(field);
    if (!tip.isEmpty()) {
        control->setToolTip(tip);
        if (labelWidget) labelWidget->setToolTip(tip);
    }
    control->setObjectName(objectNameFor(option));
    rows_.insert(option, {control, labelWidget, error});
    return error;
}

void OptionRows::alias(const QString& option, QWidget* control, ErrorLabel* error) {
    control->setObjectName(objectNameFor(option));
    rows_.insert(option, {control, nullptr, error});
}

const OptionRows::Row* OptionRows::find(const QString& option) const {
    const auto it = rows_.constFind(option);
    return it == rows_.cend() ? nullptr : &*it;
}

void OptionRows::setApplies(const QString& option, bool applies) {
    const Row* row = find(option);
    if (!row) return;
    row->control->setEnabled(applies);
    if (row->label) row->label->setEnabled(applies);
}

void OptionRows::clearErrors() {
    for (const Row& row : std::as_const(rows_)) row.error->setMessage({});
}

}  // namespace poolscope::ui
