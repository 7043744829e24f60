// AdvancedOptions: the control panel's collapsible "Advanced" section: library threads, pinning,
// repeats and warm-up, the sample period, the task timeout, what a failure does, and faults to
// inject, and how late the pool reaps its exited workers. Collapsed by default so the panel fits a
// 1366×768 screen.
#pragma once

#include <QWidget>

#include "ui/run_settings.h"

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLineEdit;
class QSpinBox;
class QToolButton;

namespace poolscope::ui {

class OptionRows;

class AdvancedOptions : public QWidget {
    Q_OBJECT
  public:
    // Registers its rows in `rows` (which must outlive it).
    explicit AdvancedOptions(OptionRows& rows, QWidget* parent = nullptr);

    void read(RunSettings& settings) const;
    void write(const RunSettings& settings);  // emits nothing
    void setExpanded(bool expanded);
    bool isExpanded() const;
    QWidget* body() const { return body_; }

  signals:
    void edited();

  private:
    QToolButton* toggle_;
    QWidget* body_;
    QSpinBox* libThreads_;
    QCheckBox* pin_;
    QSpinBox* repeat_;
    QSpinBox* warmup_;
    QSpinBox* sampleMs_;
    QDoubleSpinBox* taskTimeout_;
    QComboBox* onFailure_;
    QLineEdit* inject_;
    QSpinBox* reapDelay_;
};

}  // namespace poolscope::ui
