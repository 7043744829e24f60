// ParamForm: the editors of one workload's parameters, rebuilt when the workload changes. Each
// editor is limited to the parameter's domain (core's param_domain), so an out-of-range number
// cannot be typed; its tooltip is the parameter's help and range. values() leaves out what
// equals the default, so an argument list stays as short as the lesson it came from.
#pragma once

#include <QMap>
#include <QString>
#include <QWidget>
#include <optional>
#include <vector>

#include "core/workloads/param_domain.h"
#include "core/workloads/workload.h"

class QFormLayout;

namespace poolscope::ui {

class ErrorLabel;

class ParamForm : public QWidget {
    Q_OBJECT
  public:
    explicit ParamForm(QWidget* parent = nullptr);

    // Rebuilds the editors for `info`'s parameters, each at its default.
    void setWorkload(const WorkloadInfo& info);
    // Sets each editor to its value in `values`, or to its default when absent. A value its
    // editor cannot hold (out of range, a key the workload lacks) is kept as given until that
    // editor is edited, so validation refuses it in the workload's words instead of the form
    // quietly changing it.
    void setValues(const QMap<QString, QString>& values);
    QMap<QString, QString> values() const;

    // The editor of a parameter (its objectName is "param:KEY"), or nullptr.
    QWidget* editor(const QString& key) const;
    // Shows `message` in red under the parameter's editor; an unknown or empty key puts it
    // above the form. An empty message clears it.
    void setError(const QString& key, const QString& message);
    void clearErrors();
    QString error(const QString& key) const;  // what setError shows there now

  signals:
    void valuesChanged();

  private:
    struct Row {
        ParamSpec spec;
        ParamDomain domain;
        QWidget* editor = nullptr;
        ErrorLabel* error = nullptr;
        std::optional<QString> given =
            std::nullopt;  // a value the editor cannot hold, until edited
    };

    QWidget* makeEditor(Row& row);
    QString editorText(const Row& row) const;
    void setEditorText(Row& row, const QString& value);
    void edited(const QString& key);

    QFormLayout* form_;
    ErrorLabel* formError_;
    std::vector<Row> rows_;
    QMap<QString, QString> extra_;  // keys the workload does not know, as given
    bool loading_ = false;
};

}  // namespace poolscope::ui
