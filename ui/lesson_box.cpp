#include "ui/lesson_box.h"

#include <QComboBox>
#include <QLabel>
#include <QVBoxLayout>

namespace poolscope::ui {

LessonBox::LessonBox(LessonCatalog catalog, QWidget* parent)
    : QWidget(parent), catalog_(std::move(catalog)) {
    combo_ = new QComboBox;
    combo_->addItem(tr("Free exploration"), 0);
    for (const auto& l : catalog_.lessons)
        combo_->addItem(tr("%1  %2").arg(l.id).arg(l.title), l.id);
    combo_->setToolTip(tr("Ready lessons: each loads its settings and says what you should see"));
    expect_ = new QLabel;
    expect_->setWordWrap(true);
    expect_->setTextFormat(Qt::RichText);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(combo_);
    layout->addWidget(expect_);
    connect(combo_, &QComboBox::activated, this, [this](int) {
        const Lesson* l = current();
        expect_->setText(
            l ? tr("<b>What you should see:</b> %1").arg(l->whatYouShouldSee.toHtmlEscaped())
              : QString());
        if (l) emit lessonChosen(*l);
    });
}

bool LessonBox::select(int id) {
    const int index = combo_->findData(id);
    if (index < 0 || id == 0) return false;
    combo_->setCurrentIndex(index);
    emit combo_->activated(index);
    return true;
}

const Lesson* LessonBox::current() const {
    return catalog_.find(combo_->currentData().toInt());
}

}  // namespace poolscope::ui
