// FileActions: the File menu: open a recorded or saved event stream into the session, export
// the run history (CSV, JSON, a run's Perfetto trace, Markdown to the clipboard), save the
// window or a chart as PNG or SVG, and find the recordings folder. Errors go to the banner.
#pragma once

#include <QList>
#include <QObject>
#include <QPair>
#include <functional>

class QMainWindow;
class QMenu;
class QWidget;

namespace poolscope::ui {

class RunHistoryView;
class RecordingLoader;
class ErrorBanner;

class FileActions : public QObject {
    Q_OBJECT
  public:
    // charts: name and widget of each view that can be saved as an image.
    FileActions(QMainWindow* window, RunHistoryView* history, RecordingLoader* loader,
                ErrorBanner* banner, QList<QPair<QString, QWidget*>> charts);
    void addTo(QMenu* menu);
    // Called before a view is saved as an image (a view in a hidden tab may lag its data).
    void setBeforeSave(std::function<void()> f) { before_save_ = std::move(f); }
    // Opens a stream file (what File → Open does after its dialog).
    bool open(const QString& path);

  private:
    void exportHistory(const QString& title, const QString& filter, const QString& suffix,
                       bool (RunHistoryView::*save)(const QString&, QString*) const);
    void saveImage(QWidget* widget, const QString& name);

    QMainWindow* window_;
    RunHistoryView* history_;
    RecordingLoader* loader_;
    ErrorBanner* banner_;
    QList<QPair<QString, QWidget*>> charts_;
    std::function<void()> before_save_;
};

}  // namespace poolscope::ui
