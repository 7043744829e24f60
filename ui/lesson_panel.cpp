#include "ui/lesson_panel.h"

#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace poolscope::ui {

namespace {

QString statusBadge(CheckStatus s) {
    switch (s) {
        case CheckStatus::Pass:
            return QStringLiteral("<span style='color:#1a7f37'><b>✔ %1</b></span>")
                .arg(LessonPanel::tr("PASS"));
        case CheckStatus::Fail:
            return QStringLiteral("<span style='color:#c00'><b>✘ %1</b></span>")
                .arg(LessonPanel::tr("FAIL"));
        case CheckStatus::Skipped:
            return QStringLiteral("<span style='color:#666'><b>– %1</b></span>")
                .arg(LessonPanel::tr("SKIPPED"));
        case CheckStatus::Disturbed:
            break;
    }
    return QStringLiteral("<span style='color:#b35900'><b>⚠ %1</b></span>")
        .arg(LessonPanel::tr("DISTURBED"));
}

}  // namespace

LessonPanel::LessonPanel(LessonCatalog catalog, QWidget* parent)
    : QWidget(parent), catalog_(std::move(catalog)) {
    combo_ = new QComboBox;
    combo_->addItem(tr("Free exploration (no lesson)"), 0);
    for (const auto& l : catalog_.lessons)
        combo_->addItem(tr("Lesson %1: %2").arg(l.id).arg(l.title), l.id);
    combo_->setToolTip(tr("Ready lessons: each loads its settings and says what you should see"));
    about_ = new QLabel;
    about_->setWordWrap(true);
    about_->setTextFormat(Qt::RichText);
    run_ = new QPushButton(tr("Run lesson"));
    run_->setToolTip(tr("Run every run of the lesson in order, then check what you should see"));
    outcome_ = new QLabel;
    outcome_->setWordWrap(true);
    outcome_->setTextFormat(Qt::RichText);
    outcome_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(combo_);
    layout->addWidget(about_);
    layout->addWidget(run_);
    layout->addWidget(outcome_);
    connect(combo_, &QComboBox::activated, this, [this](int) {
        clearOutcome();
        updateText();
        if (const Lesson* l = current()) emit lessonChosen(*l);
    });
    connect(run_, &QPushButton::clicked, this, &LessonPanel::runLessonRequested);
    updateText();
}

void LessonPanel::updateText() {
    const Lesson* l = current();
    run_->setVisible(l != nullptr);
    about_->setText(l ? tr("%1<br><b>What you should see:</b> %2")
                            .arg(l->summary.toHtmlEscaped(), l->whatYouShouldSee.toHtmlEscaped())
                      : tr("Set the knobs below and press Compare."));
}

bool LessonPanel::select(int id) {
    const int index = combo_->findData(id);
    if (index < 0 || id == 0) return false;
    combo_->setCurrentIndex(index);
    emit combo_->activated(index);
    return true;
}

void LessonPanel::selectNext(int step) {
    const int n = combo_->count();
    if (n <= 1) return;
    int index = combo_->currentIndex() + step;
    if (index < 1) index = n - 1;
    if (index >= n) index = 1;
    select(combo_->itemData(index).toInt());
}

const Lesson* LessonPanel::current() const {
    return catalog_.find(combo_->currentData().toInt());
}

const poolscope::Lesson* LessonPanel::currentChecked() const {
    return catalog_.file.find(combo_->currentData().toInt());
}

void LessonPanel::setRunning(bool running, const QString& progress) {
    combo_->setEnabled(!running);
    run_->setEnabled(!running);
    if (running) outcome_->setText(progress.toHtmlEscaped());
}

void LessonPanel::showOutcome(const LessonOutcome& outcome) {
    QString html = tr("<b>Did it show?</b> %1 (%n usable core(s))", "", outcome.cores)
                       .arg(statusBadge(outcome.overall));
    html += QStringLiteral("<ul style='margin-left:-20px'>");
    for (const auto& x : outcome.expectations) {
        html += QStringLiteral("<li>%1 %2<br><small>%3</small></li>")
                    .arg(statusBadge(x.status), QString::fromStdString(x.text).toHtmlEscaped(),
                         QString::fromStdString(format_outcome(x)).toHtmlEscaped());
    }
    html += QStringLiteral("</ul>");
    if (outcome.overall == CheckStatus::Disturbed)
        html += tr("Other programs were using the CPU: run the lesson again on a quieter machine.");
    outcome_->setText(html);
}

void LessonPanel::clearOutcome() {
    outcome_->clear();
}

QString LessonPanel::outcomeText() const {
    return outcome_->text();
}

}  // namespace poolscope::ui
