// ChunksizeControl: auto or a number of items per task message, with a live line that shows
// what the choice gives for this run: Python's formula ceil(n / (4·W)) worked out, the number
// of chunks it makes, and where Python itself would have sent one item per message.
#pragma once

#include <QWidget>
#include <optional>

#include "core/config/run_config.h"

class QLabel;
class QRadioButton;
class QSpinBox;

namespace poolscope::ui {

class ChunksizeControl : public QWidget {
    Q_OBJECT
  public:
    explicit ChunksizeControl(QWidget* parent = nullptr);

    std::optional<quint64> value() const;  // nullopt = auto
    void setValue(std::optional<quint64> chunksize);

    // The run the hint is worked out for.
    void setRun(quint64 size, int workers, Dispatch dispatch);

    // The hint's text for a run, e.g. "auto = ceil(1000/(4·4)) = 63 → 16 chunks".
    static QString hint(quint64 size, int workers, Dispatch dispatch,
                        std::optional<quint64> chunksize);

    QRadioButton* autoButton() const { return auto_; }
    QRadioButton* numberButton() const { return number_; }
    QSpinBox* spinBox() const { return spin_; }
    QLabel* hintLabel() const { return hint_; }

  signals:
    void valueChanged();

  private:
    void refresh();

    QRadioButton* auto_;
    QRadioButton* number_;
    QSpinBox* spin_;
    QLabel* hint_;
    quint64 size_ = 0;
    int workers_ = 1;
    Dispatch dispatch_ = Dispatch::Map;
    bool numberEdited_ = false;  // the first switch to a number starts from auto's value
};

}  // namespace poolscope::ui
