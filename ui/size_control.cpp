#include "ui/size_control.h"

#include <QHBoxLayout>
#include <QSignalBlocker>
#include <QSlider>
#include <QSpinBox>
#include <algorithm>
#include <cmath>

#include "core/config/validation.h"

namespace poolscope::ui {

namespace {
constexpr int kStepsPerDecade = 100;
constexpr int kDecades = 9;  // 1 … 10^9
}  // namespace

SizeControl::SizeControl(QWidget* parent)
    : QWidget(parent), spin_(new QSpinBox(this)), slider_(new QSlider(Qt::Horizontal, this)) {
    // 10^9 fits an int, so a QSpinBox holds the whole range.
    spin_->setRange(0, static_cast<int>(kMaxSize));
    spin_->setGroupSeparatorShown(true);
    spin_->setAccelerated(true);
    slider_->setObjectName(QStringLiteral("sizeSlider"));
    slider_->setRange(0, kDecades * kStepsPerDecade);
    slider_->setPageStep(kStepsPerDecade);
    slider_->setToolTip(tr("Drag across decades: 1, 10, 100 … 10⁹ items"));

    auto* row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(spin_, 2);
    row->addWidget(slider_, 3);

    connect(spin_, &QSpinBox::valueChanged, this, [this](int v) {
        const QSignalBlocker block(slider_);
        slider_->setValue(sliderPosition(static_cast<quint64>(v)));
        emit valueChanged();
    });
    connect(slider_, &QSlider::valueChanged, this, [this](int position) {
        // The spin box's own signal updates nothing else but says the value changed.
        spin_->setValue(static_cast<int>(sizeAt(position)));
    });
}

quint64 SizeControl::value() const {
    return static_cast<quint64>(spin_->value());
}

void SizeControl::setValue(quint64 size) {
    spin_->setValue(static_cast<int>(std::min<quint64>(size, kMaxSize)));
}

int SizeControl::sliderPosition(quint64 size) {
    if (size <= 1) return 0;
    return static_cast<int>(std::lround(std::log10(static_cast<double>(size)) * kStepsPerDecade));
}

quint64 SizeControl::sizeAt(int position) {
    const double exponent = static_cast<double>(position) / kStepsPerDecade;
    return static_cast<quint64>(std::llround(std::pow(10.0, exponent)));
}

}  // namespace poolscope::ui
