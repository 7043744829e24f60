// SweepForm: the axes of a sweep as the CLI writes them (workers "1..8", chunksize
// "1..4096*4,auto"), the dispatch methods to try, the runs per point; everything else is the
// control panel's. Each list is read with the core's own parser as it is typed: the values it
// expands to, or the CLI's refusal, are shown beside it, and the count of points and runs below.
//
// Controls carry objectNames: "sweepWorkers", "sweepChunksize", "sweepDispatch:NAME",
// "sweepRepeat", "sweepSummary", "sweepParams" (a swept workload parameter, shown when set).
#pragma once

#include <QWidget>
#include <optional>

#include "ui/sweep_settings.h"

class QCheckBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace poolscope::ui {

class ErrorLabel;

class SweepForm : public QWidget {
    Q_OBJECT
  public:
    explicit SweepForm(QWidget* parent = nullptr);

    SweepSettings settings() const;
    void setSettings(const SweepSettings& settings);
    // The first refusal of the axes, in the CLI's words; none when the sweep can start.
    std::optional<QString> validationError() const;
    QString summary() const;

  signals:
    void changed();

  private:
    void refresh();

    QLineEdit* workers_ = nullptr;
    QLineEdit* chunksize_ = nullptr;
    QLabel* workersHint_ = nullptr;
    QLabel* chunksizeHint_ = nullptr;
    QList<QCheckBox*> dispatch_;
    QLabel* dispatchHint_ = nullptr;  // what runs when no box is ticked
    QSpinBox* repeat_ = nullptr;
    QLabel* paramsTitle_ = nullptr;
    QLabel* params_ = nullptr;
    QStringList paramAxes_;  // SweepSettings::params, shown in params_
    QLabel* summary_ = nullptr;
    ErrorLabel* error_ = nullptr;
    quint64 seed_ = kDefaultSweepSeed;
};

}  // namespace poolscope::ui
