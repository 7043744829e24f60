// A QComboBox over one of RunConfig's enums: the items are the grammar's own names (the ones a
// lesson, the CLI and the JSON use, e.g. "apply_async"), the item data the enum value.
#pragma once

#include <QComboBox>
#include <QString>
#include <initializer_list>

#include "core/config/run_config.h"

namespace poolscope::ui {

template <typename E>
void fillEnumCombo(QComboBox* combo, std::initializer_list<E> values) {
    for (const E v : values) {
        const auto name = to_string(v);
        combo->addItem(QString::fromUtf8(name.data(), static_cast<qsizetype>(name.size())),
                       static_cast<int>(v));
    }
}

template <typename E>
E enumComboValue(const QComboBox* combo) {
    return static_cast<E>(combo->currentData().toInt());
}

template <typename E>
void setEnumComboValue(QComboBox* combo, E value) {
    combo->setCurrentIndex(combo->findData(static_cast<int>(value)));
}

}  // namespace poolscope::ui
