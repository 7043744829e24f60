#include "ui/error_banner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

namespace poolscope::ui {

ErrorBanner::ErrorBanner(QWidget* parent) : QFrame(parent) {
    setObjectName(QStringLiteral("errorBanner"));
    setStyleSheet(QStringLiteral(
        "#errorBanner { background: #fde2e1; border: 1px solid #d33; border-radius: 3px; }"
        "#errorBanner QLabel { color: #7a0000; }"));
    label_ = new QLabel;
    label_->setWordWrap(true);
    label_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* close = new QToolButton;
    close->setText(QStringLiteral("✕"));
    close->setToolTip(tr("Dismiss"));
    close->setAutoRaise(true);
    connect(close, &QToolButton::clicked, this, &ErrorBanner::dismiss);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 4, 4);
    layout->addWidget(label_, 1);
    layout->addWidget(close, 0, Qt::AlignTop);
    hide();
}

void ErrorBanner::showMessage(const QString& title, const QString& detail) {
    label_->setText(
        QStringLiteral("<b>%1</b> %2").arg(title.toHtmlEscaped(), detail.toHtmlEscaped()));
    show();
}

void ErrorBanner::dismiss() {
    label_->clear();
    hide();
}

QString ErrorBanner::text() const {
    return label_->text();
}

}  // namespace poolscope::ui
