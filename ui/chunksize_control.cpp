#include "ui/chunksize_control.h"

#include <QButtonGroup>
#include <QGridLayout>
#include <QLabel>
#include <QRadioButton>
#include <QSignalBlocker>
#include <QSpinBox>

#include "core/config/chunk_plan.h"
#include "core/config/validation.h"

namespace poolscope::ui {

namespace {

QString chunkCount(quint64 chunks) {
    return chunks == 1 ? ChunksizeControl::tr("1 chunk")
                       : ChunksizeControl::tr("%1 chunks").arg(chunks);
}

QString name(Dispatch d) {
    const auto s = to_string(d);
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

}  // namespace

ChunksizeControl::ChunksizeControl(QWidget* parent)
    : QWidget(parent),
      auto_(new QRadioButton(tr("auto"), this)),
      number_(new QRadioButton(tr("fixed:"), this)),
      spin_(new QSpinBox(this)),
      hint_(new QLabel(this)) {
    auto_->setToolTip(tr("Python's default for map: ceil(n / (4 × workers)) items per task"));
    number_->setToolTip(tr("A fixed number of items in every task message"));
    spin_->setRange(1, static_cast<int>(kMaxSize));
    spin_->setAccelerated(true);
    auto_->setObjectName(QStringLiteral("chunksizeAuto"));
    number_->setObjectName(QStringLiteral("chunksizeNumber"));
    hint_->setObjectName(QStringLiteral("chunksizeHint"));
    hint_->setWordWrap(true);
    hint_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* group = new QButtonGroup(this);
    group->addButton(auto_);
    group->addButton(number_);
    auto_->setChecked(true);

    auto* grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->addWidget(auto_, 0, 0);
    grid->addWidget(number_, 0, 1);
    grid->addWidget(spin_, 0, 2);
    grid->addWidget(hint_, 1, 0, 1, 3);
    grid->setColumnStretch(2, 1);

    connect(number_, &QRadioButton::toggled, this, [this](bool on) {
        if (on && !numberEdited_) {
            const QSignalBlocker block(spin_);
            spin_->setValue(static_cast<int>(auto_chunksize(size_, workers_)));
        }
        refresh();
        emit valueChanged();
    });
    connect(spin_, &QSpinBox::valueChanged, this, [this] {
        numberEdited_ = true;
        refresh();
        emit valueChanged();
    });
    refresh();
}

std::optional<quint64> ChunksizeControl::value() const {
    if (auto_->isChecked()) return std::nullopt;
    return static_cast<quint64>(spin_->value());
}

void ChunksizeControl::setValue(std::optional<quint64> chunksize) {
    const QSignalBlocker blockSpin(spin_);
    const QSignalBlocker blockNumber(number_);
    (chunksize ? number_ : auto_)->setChecked(true);
    if (chunksize) {
        spin_->setValue(static_cast<int>(std::min<quint64>(*chunksize, kMaxSize)));
        numberEdited_ = true;
    }
    refresh();
}

void ChunksizeControl::setRun(quint64 size, int workers, Dispatch dispatch) {
    size_ = size;
    workers_ = workers;
    dispatch_ = dispatch;
    refresh();
}

QString ChunksizeControl::hint(quint64 n, int workers, Dispatch dispatch,
                               std::optional<quint64> chunksize) {
    if (dispatch == Dispatch::Static)
        return tr("static: one block per worker → %1")
            .arg(chunkCount(planned_chunk_count(n, 1, dispatch, workers)));
    if (dispatch == Dispatch::ApplyAsync)
        return tr("apply_async: one item per message → %1").arg(chunkCount(n));
    const quint64 automatic = auto_chunksize(n, workers);
    if (!chunksize) {
        QString text = tr("auto = ceil(n/(4·W)) = ceil(%1/(4·%2)) = %3 → %4")
                           .arg(n)
                           .arg(workers)
                           .arg(automatic)
                           .arg(chunkCount(planned_chunk_count(n, automatic, dispatch, workers)));
        // Python uses the formula for map and starmap only; imap* default to one per message.
        if (dispatch == Dispatch::Imap || dispatch == Dispatch::ImapUnordered)
            text += tr("; Python's %1 would send 1 item per message").arg(name(dispatch));
        return text;
    }
    return tr("%1 per task → %2 (auto would be %3)")
        .arg(*chunksize)
        .arg(chunkCount(planned_chunk_count(n, *chunksize, dispatch, workers)))
        .arg(automatic);
}

void ChunksizeControl::refresh() {
    // static and apply_async decide the chunks themselves: the choice is greyed while it is
    // auto, and stays editable when a number contradicts them so it can be put right.
    const bool fixed = dispatch_ == Dispatch::Static || dispatch_ == Dispatch::ApplyAsync;
    const bool applies = !fixed || number_->isChecked();
    auto_->setEnabled(applies);
    number_->setEnabled(applies);
    spin_->setEnabled(applies && number_->isChecked());
    hint_->setText(hint(size_, workers_, dispatch_, value()));
}

}  // namespace poolscope::ui
