#include "ui/sweep_form.h"

#include <QCheckBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <algorithm>

#include "ui/error_label.h"

namespace poolscope::ui {

namespace {

// "= 1, 2, 3, 4" (the first and last few when long), or the refusal.
QString expansion(const char* option, const QString& text, bool* ok) {
    *ok = true;
    if (text.trimmed().isEmpty()) return QObject::tr("(the control panel's)");
    SweepAxis axis;
    if (auto e = parse_sweep_axis(option, text.trimmed().toStdString(), axis)) {
        *ok = false;
        return QString::fromStdString(*e);
    }
    QStringList v;
    for (const auto& s : axis.values) v << QString::fromStdString(s);
    if (v.size() > 8) v = v.mid(0, 4) + QStringList{QStringLiteral("…")} + v.mid(v.size() - 3);
    return QStringLiteral("= ") + v.join(QStringLiteral(", "));
}

}  // namespace

SweepForm::SweepForm(QWidget* parent) : QWidget(parent) {
    auto* grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setHorizontalSpacing(8);
    grid->setVerticalSpacing(4);
    const QString listTip =
        tr("Values and ranges, comma-separated: 1,2,4,8 · 1..16 (every one) · 1..64*2 (×2 each "
           "step); empty: the control panel's value");
    workers_ = new QLineEdit;
    workers_->setObjectName(QStringLiteral("sweepWorkers"));
    workers_->setToolTip(listTip);
    chunksize_ = new QLineEdit;
    chunksize_->setObjectName(QStringLiteral("sweepChunksize"));
    chunksize_->setToolTip(listTip + tr("; auto = ⌈n / (4·workers)⌉, Python's default"));
    workersHint_ = new QLabel;
    chunksizeHint_ = new QLabel;
    for (QLabel* l : {workersHint_, chunksizeHint_}) {
        l->setForegroundRole(QPalette::PlaceholderText);
        l->setMinimumWidth(60);
    }
    grid->addWidget(new QLabel(tr("Workers")), 0, 0);
    grid->addWidget(workers_, 0, 1);
    grid->addWidget(workersHint_, 0, 2);
    grid->addWidget(new QLabel(tr("Chunksize")), 1, 0);
    grid->addWidget(chunksize_, 1, 1);
    grid->addWidget(chunksizeHint_, 1, 2);
    auto* dispatchRow = new QHBoxLayout;
    for (Dispatch d : {Dispatch::Map, Dispatch::Imap, Dispatch::ImapUnordered, Dispatch::ApplyAsync,
                       Dispatch::Static}) {
        const QString name = QString::fromStdString(std::string(to_string(d)));
        auto* box = new QCheckBox(name);
        box->setObjectName(QStringLiteral("sweepDispatch:") + name);
        box->setToolTip(tr("Try %1 too; none ticked: the control panel's dispatch").arg(name));
        dispatch_ << box;
        dispatchRow->addWidget(box);
        connect(box, &QCheckBox::toggled, this, &SweepForm::refresh);
    }
    dispatchHint_ = new QLabel(tr("none ticked: the control panel's"));
    dispatchHint_->setObjectName(QStringLiteral("sweepDispatchHint"));
    dispatchHint_->setForegroundRole(QPalette::PlaceholderText);
    // The hints wrap rather than widen the window (a projector's 1366 pixels at large fonts).
    dispatchHint_->setWordWrap(true);
    dispatchRow->addWidget(dispatchHint_);
    dispatchRow->addStretch(1);
    grid->addWidget(new QLabel(tr("Dispatch")), 2, 0);
    grid->addLayout(dispatchRow, 2, 1, 1, 2);
    repeat_ = new QSpinBox;
    repeat_->setObjectName(QStringLiteral("sweepRepeat"));
    repeat_->setRange(1, 100);
    repeat_->setToolTip(
        tr("Runs per point (and for the serial baseline); the median is shown, "
           "min–max is the noise"));
    auto* repeatRow = new QHBoxLayout;
    repeatRow->addWidget(repeat_);
    summary_ = new QLabel;
    summary_->setObjectName(QStringLiteral("sweepSummary"));
    summary_->setWordWrap(true);
    repeatRow->addWidget(summary_, 1);
    grid->addWidget(new QLabel(tr("Runs per point")), 3, 0);
    grid->addLayout(repeatRow, 3, 1, 1, 2);
    // A swept workload parameter comes from a lesson: shown, kept, not typed here.
    paramsTitle_ = new QLabel(tr("Parameter"));
    params_ = new QLabel;
    params_->setObjectName(QStringLiteral("sweepParams"));
    params_->setWordWrap(true);
    params_->setToolTip(
        tr("A workload parameter the sweep varies (--param KEY=LIST); each value "
           "gets its own serial baseline"));
    grid->addWidget(paramsTitle_, 4, 0);
    grid->addWidget(params_, 4, 1, 1, 2);
    error_ = new ErrorLabel;
    grid->addWidget(error_, 5, 0, 1, 3);
    grid->setColumnStretch(1, 2);
    grid->setColumnStretch(2, 3);
    connect(workers_, &QLineEdit::textChanged, this, &SweepForm::refresh);
    connect(chunksize_, &QLineEdit::textChanged, this, &SweepForm::refresh);
    connect(repeat_, &QSpinBox::valueChanged, this, &SweepForm::refresh);
    setSettings(SweepSettings{});
}

SweepSettings SweepForm::settings() const {
    SweepSettings s;
    s.workers = workers_->text().trimmed();
    s.chunksize = chunksize_->text().trimmed();
    for (QCheckBox* box : dispatch_)
        if (box->isChecked()) s.dispatch << box->objectName().mid(14);  // after "sweepDispatch:"
    s.params = paramAxes_;
    s.repeat = repeat_->value();
    s.seed = seed_;
    return s;
}

void SweepForm::setSettings(const SweepSettings& s) {
    const QSignalBlocker a(workers_), b(chunksize_), c(repeat_);
    workers_->setText(s.workers);
    chunksize_->setText(s.chunksize);
    for (QCheckBox* box : dispatch_) {
        const QSignalBlocker d(box);
        box->setChecked(s.dispatch.contains(box->objectName().mid(14)));
    }
    repeat_->setValue(s.repeat);
    seed_ = s.seed;
    paramAxes_ = s.params;
    params_->setText(s.params.join(QStringLiteral("  ")));
    params_->setVisible(!s.params.isEmpty());
    paramsTitle_->setVisible(!s.params.isEmpty());
    refresh();
}

std::optional<QString> SweepForm::validationError() const {
    return countPoints(settings(), nullptr);
}

QString SweepForm::summary() const {
    return summary_->text();
}

void SweepForm::refresh() {
    bool okW = true, okC = true;
    const QString w = expansion("--workers", workers_->text(), &okW);
    const QString c = expansion("--chunksize", chunksize_->text(), &okC);
    workersHint_->setText(okW ? w : QString());
    chunksizeHint_->setText(okC ? c : QString());
    dispatchHint_->setVisible(std::none_of(dispatch_.cbegin(), dispatch_.cend(),
                                           [](const QCheckBox* b) { return b->isChecked(); }));
    std::size_t points = 0;
    const auto error = countPoints(settings(), &points);
    error_->setMessage(error ? *error : QString());
    if (error) {
        summary_->clear();
    } else {
        const int runs = repeat_->value();
        summary_->setText(
            tr("%n point(s) × %1 run(s), plus the serial baseline", "", static_cast<int>(points))
                .arg(runs));
    }
    emit changed();
}

}  // namespace poolscope::ui
