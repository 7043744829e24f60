// ErrorBanner: a strip above the charts that says, in the engine's own words, what went wrong
// (a refusal, a crash, a killed worker, a malformed event line). It stays until dismissed or
// the next run starts; what was measured before stays on screen below it.
#pragma once

#include <QFrame>

class QLabel;

namespace poolscope::ui {

class ErrorBanner : public QFrame {
    Q_OBJECT
  public:
    explicit ErrorBanner(QWidget* parent = nullptr);
    void showMessage(const QString& title, const QString& detail);
    void dismiss();
    QString text() const;

  private:
    QLabel* label_ = nullptr;
};

}  // namespace poolscope::ui
