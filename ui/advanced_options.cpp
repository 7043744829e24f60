#include "ui/advanced_options.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLineEdit>
#include <QRegularExpression>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

#include "core/config/option_schema.h"
#include "core/config/validation.h"
#include "ui/enum_combo.h"
#include "ui/option_rows.h"

namespace poolscope::ui {

namespace {

// A spin box over the option's range in the schema; from 0 where 0 means off or none.
void setSchemaRange(QSpinBox* spin, const char* option) {
    const OptionInfo& o = option_info(option);
    spin->setRange(o.zero_means.empty() ? static_cast<int>(o.min) : 0, static_cast<int>(o.max));
}

}  // namespace

AdvancedOptions::AdvancedOptions(OptionRows& rows, QWidget* parent)
    : QWidget(parent),
      toggle_(new QToolButton(this)),
      body_(new QGroupBox(this)),
      libThreads_(new QSpinBox),
      pin_(new QCheckBox(tr("worker i on core i mod cores"))),
      repeat_(new QSpinBox),
      warmup_(new QSpinBox),
      sampleMs_(new QSpinBox),
      taskTimeout_(new QDoubleSpinBox),
      onFailure_(new QComboBox),
      inject_(new QLineEdit),
      reapDelay_(new QSpinBox) {
    toggle_->setObjectName(QStringLiteral("advanced"));
    toggle_->setText(tr("Advanced"));
    toggle_->setCheckable(true);
    toggle_->setArrowType(Qt::RightArrow);
    toggle_->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toggle_->setAutoRaise(true);
    body_->hide();
    connect(toggle_, &QToolButton::toggled, this, [this](bool open) {
        toggle_->setArrowType(open ? Qt::DownArrow : Qt::RightArrow);
        body_->setVisible(open);
    });
    auto* column = new QVBoxLayout(this);
    column->setContentsMargins(0, 0, 0, 0);
    column->addWidget(toggle_);
    column->addWidget(body_);

    // The ranges are the option schema's, so a spin box offers what the engine accepts.
    setSchemaRange(libThreads_, "--lib-threads");
    setSchemaRange(repeat_, "--repeat");
    setSchemaRange(warmup_, "--warmup");
    setSchemaRange(sampleMs_, "--sample-ms");  // from 0 ("off"): 1 … 49 is refused beside it
    sampleMs_->setSingleStep(50);
    sampleMs_->setSuffix(tr(" ms"));
    sampleMs_->setSpecialValueText(tr("off"));
    taskTimeout_->setRange(static_cast<double>(option_info("--task-timeout").min),
                           static_cast<double>(option_info("--task-timeout").max));
    taskTimeout_->setDecimals(3);
    taskTimeout_->setSuffix(tr(" s"));
    taskTimeout_->setSpecialValueText(tr("none"));
    fillEnumCombo(onFailure_, {OnFailure::Stop, OnFailure::Retry, OnFailure::Skip});
    inject_->setPlaceholderText(tr("e.g. crash@chunk=5"));
    setSchemaRange(reapDelay_, "--reap-delay-ms");
    reapDelay_->setSingleStep(100);
    reapDelay_->setSuffix(tr(" ms"));
    reapDelay_->setSpecialValueText(tr("at once"));

    auto* form = new QFormLayout(body_);
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);  // a narrow dock puts fields under labels
    rows.add(form, tr("Library threads"), libThreads_, QStringLiteral("--lib-threads"), libThreads_,
             tr("Threads a native library (OpenCV) may use in each worker"));
    rows.add(form, tr("Pin"), pin_, QStringLiteral("--pin"), pin_, tr("processes only"));
    rows.add(form, tr("Repeats"), repeat_, QStringLiteral("--repeat"), repeat_,
             tr("Counted runs: median [min … max]"));
    rows.add(form, tr("Warm-up runs"), warmup_, QStringLiteral("--warmup"), warmup_,
             tr("Runs first, not counted"));
    rows.add(form, tr("Sample period"), sampleMs_, QStringLiteral("--sample-ms"), sampleMs_,
             tr("Telemetry period: off, or 50 … 1000 ms (/proc/stat ticks every 10 ms)"));
    rows.add(form, tr("Task timeout"), taskTimeout_, QStringLiteral("--task-timeout"), taskTimeout_,
             tr("A chunk running longer fails with a clear error"));
    rows.add(form, tr("On failure"), onFailure_, QStringLiteral("--on-failure"), onFailure_,
             tr("What a failed chunk does to the run; retry: processes only"));
    rows.add(form, tr("Faults"), inject_, QStringLiteral("--inject"), inject_,
             tr("Faults to inject, separated by spaces: crash@chunk=N, hang@chunk=N, "
                "error@item=N, corrupt@chunk=N, kill@t=S, shm-full"));
    rows.add(form, tr("Reap delay"), reapDelay_, QStringLiteral("--reap-delay-ms"), reapDelay_,
             tr("processes only: how long an exited worker stays a zombie (state Z) before the "
                "pool reaps it"));

    for (QSpinBox* spin : {libThreads_, repeat_, warmup_, sampleMs_, reapDelay_})
        connect(spin, &QSpinBox::valueChanged, this, &AdvancedOptions::edited);
    connect(taskTimeout_, &QDoubleSpinBox::valueChanged, this, &AdvancedOptions::edited);
    connect(onFailure_, &QComboBox::currentIndexChanged, this, &AdvancedOptions::edited);
    connect(pin_, &QCheckBox::toggled, this, &AdvancedOptions::edited);
    connect(inject_, &QLineEdit::textChanged, this, &AdvancedOptions::edited);
}

void AdvancedOptions::read(RunSettings& s) const {
    s.libThreads = libThreads_->value();
    s.pin = pin_->isChecked();
    s.repeat = repeat_->value();
    s.warmup = warmup_->value();
    s.sampleMs = sampleMs_->value();
    s.taskTimeoutS = taskTimeout_->value();
    s.onFailure = enumComboValue<OnFailure>(onFailure_);
    static const QRegularExpression kSpaces(QStringLiteral("\\s+"));
    s.inject = inject_->text().split(kSpaces, Qt::SkipEmptyParts);
    s.reapDelayMs = reapDelay_->value();
}

void AdvancedOptions::write(const RunSettings& s) {
    const QSignalBlocker block(this);
    libThreads_->setValue(s.libThreads);
    pin_->setChecked(s.pin);
    repeat_->setValue(s.repeat);
    warmup_->setValue(s.warmup);
    sampleMs_->setValue(s.sampleMs);
    taskTimeout_->setValue(s.taskTimeoutS);
    setEnumComboValue(onFailure_, s.onFailure);
    inject_->setText(s.inject.join(u' '));
    reapDelay_->setValue(s.reapDelayMs);
}

void AdvancedOptions::setExpanded(bool expanded) {
    toggle_->setChecked(expanded);
}

bool AdvancedOptions::isExpanded() const {
    return toggle_->isChecked();
}

}  // namespace poolscope::ui
