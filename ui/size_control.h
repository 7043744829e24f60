// SizeControl: the item count of a run, 0 … 10^9, as a spin box for exact values beside a
// logarithmic slider for moving across decades (10, 1000, a million) in one drag.
#pragma once

#include <QWidget>

class QSlider;
class QSpinBox;

namespace poolscope::ui {

class SizeControl : public QWidget {
    Q_OBJECT
  public:
    explicit SizeControl(QWidget* parent = nullptr);

    quint64 value() const;
    void setValue(quint64 size);
    QSpinBox* spinBox() const { return spin_; }
    QSlider* slider() const { return slider_; }

    // Slider position for a size and back: 100 steps per decade, position 0 = size 1.
    static int sliderPosition(quint64 size);
    static quint64 sizeAt(int position);

  signals:
    void valueChanged();

  private:
    QSpinBox* spin_;
    QSlider* slider_;
};

}  // namespace poolscope::ui
