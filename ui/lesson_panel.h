// LessonPanel: the lessons at the top of the controls. Pick one: its settings load, its
// explanation and "what you should see" appear. Run lesson runs all its runs in order; after
// the last one the panel says, expectation by expectation, whether what you should see
// happened (PASS, FAIL, or DISTURBED when other programs took the cores), with the figures.
#pragma once

#include <QWidget>
#include <optional>

#include "core/lessons/lesson_check.h"
#include "ui/lesson_catalog.h"

class QComboBox;
class QLabel;
class QPushButton;

namespace poolscope::ui {

class LessonPanel : public QWidget {
    Q_OBJECT
  public:
    explicit LessonPanel(LessonCatalog catalog, QWidget* parent = nullptr);
    const LessonCatalog& catalog() const { return catalog_; }
    // Selects a lesson (and emits lessonChosen); false when there is none with that id.
    bool select(int id);
    const Lesson* current() const;
    // The core's lesson of the selected one (expectations), or nullptr.
    const poolscope::Lesson* currentChecked() const;
    void selectNext(int step);

    void setRunning(bool running, const QString& progress = {});
    void showOutcome(const LessonOutcome& outcome);
    void clearOutcome();
    QString outcomeText() const;

  signals:
    void lessonChosen(const poolscope::ui::Lesson& lesson);
    void runLessonRequested();

  private:
    void updateText();

    LessonCatalog catalog_;
    QComboBox* combo_ = nullptr;
    QLabel* about_ = nullptr;
    QPushButton* run_ = nullptr;
    QLabel* outcome_ = nullptr;
};

}  // namespace poolscope::ui
