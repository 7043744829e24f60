// LessonBox: the lesson chooser at the top of the controls: pick a lesson, read what you should
// see, and its first run's settings are loaded into the controls.
#pragma once

#include <QWidget>

#include "ui/lesson_catalog.h"

class QComboBox;
class QLabel;

namespace poolscope::ui {

class LessonBox : public QWidget {
    Q_OBJECT
  public:
    explicit LessonBox(LessonCatalog catalog, QWidget* parent = nullptr);
    const LessonCatalog& catalog() const { return catalog_; }
    // Selects a lesson (and emits lessonChosen); false when there is none with that id.
    bool select(int id);
    const Lesson* current() const;

  signals:
    void lessonChosen(const poolscope::ui::Lesson& lesson);

  private:
    LessonCatalog catalog_;
    QComboBox* combo_ = nullptr;
    QLabel* expect_ = nullptr;
};

}  // namespace poolscope::ui
