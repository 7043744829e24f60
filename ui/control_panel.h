// ControlPanel: the form on the left of the main window that sets up a run: the workload and
// its parameters, size, workers, chunksize, backend, dispatch and the rest of the knobs of
// `poolscope-cli run`, with the run buttons at the bottom. It reads names, ranges and defaults
// from core (the workload registry, param_domain, validation), and explains a refusal in the
// engine's own words beside the control it is about as soon as it is made, before anything runs.
//
// Controls carry objectNames for tests and tooling: "workload", "size", "workers",
// "chunksize", "backend", "globalLock", "dispatch", "start", "transport", "pool",
// "libThreads", "pin", "repeat", "warmup", "sampleMs", "taskTimeout", "onFailure", "inject",
// "reapDelayMs",
// "advanced" (the toggle), "param:KEY" for a workload parameter.
#pragma once

#include <QMap>
#include <QString>
#include <QStringList>
#include <QWidget>
#include <optional>
#include <vector>

#include "core/platform/machine_info.h"
#include "core/workloads/workload.h"
#include "ui/option_rows.h"
#include "ui/run_settings.h"

class QAction;
class QCheckBox;
class QComboBox;
class QHBoxLayout;
class QLabel;
class QSpinBox;

namespace poolscope::ui {

class AdvancedOptions;
class ChunksizeControl;
class ErrorLabel;
class ParamForm;
class SizeControl;

class ControlPanel : public QWidget {
    Q_OBJECT
  public:
    explicit ControlPanel(const MachineInfo& machine, QWidget* parent = nullptr);

    RunSettings settings() const;
    // Shows `settings` (e.g. a lesson's, read with fromArguments) and emits both signals once.
    void setSettings(const RunSettings& settings);
    QStringList arguments(RunMode mode) const;  // toArguments(settings(), mode)
    std::optional<FieldError> validationError(RunMode mode) const;

    // An exit-2 line from the engine: shown beside the control whose option it names
    // ("--chunksize must be …"), or at the top when it names none. Cleared by clearEngineError()
    // and by the next edit (it was about the settings as they were).
    void showEngineError(const QString& message);
    void clearEngineError();

    // Adds a button for each action (null ones are skipped) below the form; the caller owns
    // the actions, their enabled state and what they do. A second call replaces the buttons.
    void setRunActions(QAction* runSerial, QAction* runParallel, QAction* compare, QAction* stop);
    // Disables the inputs while a run is going (the run buttons stay as their actions say).
    void setRunning(bool running);

    // The control a field's refusal is shown beside ("--chunksize", "--param sigma").
    QWidget* control(const QString& field) const;
    // The refusal shown beside a field now ("" = none); field "" = the line at the top.
    QString shownError(const QString& field) const;

  signals:
    void settingsChanged();
    void validityChanged();  // after any change: validationError() may differ per mode

  private:
    QWidget* buildWorkloadGroup();
    QWidget* buildPoolGroup();
    void connectEdits();
    void workloadPicked();
    void edited();
    void refresh();
    void updateApplicability();
    void showErrors();
    void place(const FieldError& error);

    MachineInfo machine_;
    std::vector<WorkloadInfo> workloads_;
    quint64 maxFrame_;  // no control: kept as setSettings gave it
    QString hosts_;     // --hosts (mpi): no control either; a lesson or --args sets it
    QString engineError_;
    bool loading_ = false;
    OptionRows rows_;

    QWidget* inputs_ = nullptr;
    ErrorLabel* topError_ = nullptr;
    QComboBox* workload_ = nullptr;
    ParamForm* params_ = nullptr;
    SizeControl* size_ = nullptr;
    QSpinBox* workers_ = nullptr;
    QLabel* cores_ = nullptr;
    ChunksizeControl* chunksize_ = nullptr;
    QComboBox* backend_ = nullptr;
    QCheckBox* globalLock_ = nullptr;
    QComboBox* dispatch_ = nullptr;
    QComboBox* start_ = nullptr;
    QComboBox* transport_ = nullptr;
    QComboBox* pool_ = nullptr;
    AdvancedOptions* advanced_ = nullptr;
    QHBoxLayout* buttons_ = nullptr;
};

}  // namespace poolscope::ui
