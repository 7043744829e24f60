// SweepView's part in a sweep lesson: the lesson's arguments loaded as the CLI reads them (the
// base run settings into the control panel, the axes into the form) and its text on show.
#include <QLabel>

#include "ui/control_panel.h"
#include "ui/error_banner.h"
#include "ui/sweep_form.h"
#include "ui/sweep_view.h"

namespace poolscope::ui {

QLabel* SweepView::buildLessonLabel() {
    lesson_ = new QLabel;
    lesson_->setObjectName(QStringLiteral("sweepLesson"));
    lesson_->setWordWrap(true);
    lesson_->hide();
    return lesson_;
}

bool SweepView::loadLesson(const QString& title, const QStringList& sweepArgs,
                           const QString& whatYouShouldSee) {
    RunSettings base;
    SweepSettings sweep;
    QString error;
    if (!parseSweepArguments(sweepArgs, base, sweep, &error)) {
        banner_->showMessage(tr("This lesson's sweep is refused:"), error);
        clearLesson();
        return false;
    }
    controls_->setSettings(base);
    form_->setSettings(sweep);
    lesson_->setText(QStringLiteral("<b>%1</b> — %2")
                         .arg(title.toHtmlEscaped(), whatYouShouldSee.toHtmlEscaped()));
    lesson_->show();
    return true;
}

void SweepView::clearLesson() {
    lesson_->clear();
    lesson_->hide();
}

QString SweepView::lessonText() const {
    return lesson_->text();
}

}  // namespace poolscope::ui
