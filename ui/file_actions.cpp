#include "ui/file_actions.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDesktopServices>
#include <QDir>
#include <QFileDialog>
#include <QMainWindow>
#include <QMenu>
#include <QStatusBar>
#include <QUrl>

#include "ui/chart_export.h"
#include "ui/error_banner.h"
#include "ui/recording_loader.h"
#include "ui/run_history_view.h"
#include "ui/stream_recorder.h"

namespace poolscope::ui {

FileActions::FileActions(QMainWindow* window, RunHistoryView* history, RecordingLoader* loader,
                         ErrorBanner* banner, QList<QPair<QString, QWidget*>> charts)
    : QObject(window),
      window_(window),
      history_(history),
      loader_(loader),
      banner_(banner),
      charts_(std::move(charts)) {}

void FileActions::addTo(QMenu* menu) {
    QAction* open = menu->addAction(tr("&Open stream…"), this, [this] {
        const QString path = QFileDialog::getOpenFileName(
            window_, tr("Open an event stream"), StreamRecorder::defaultDirectory(),
            tr("Event streams (*.jsonl);;All files (*)"));
        if (!path.isEmpty()) this->open(path);
    });
    open->setShortcut(QKeySequence::Open);
    open->setToolTip(tr("A recorded run, or one saved with poolscope-cli run --events FILE"));
    menu->addAction(tr("Open the &recordings folder"), this, [] {
        QDir().mkpath(StreamRecorder::defaultDirectory());
        QDesktopServices::openUrl(QUrl::fromLocalFile(StreamRecorder::defaultDirectory()));
    });
    menu->addSeparator();
    QMenu* runs = menu->addMenu(tr("&Export runs"));
    runs->addAction(tr("As &CSV…"), this, [this] {
        exportHistory(tr("Export runs as CSV"), tr("CSV (*.csv)"), QStringLiteral(".csv"),
                      &RunHistoryView::saveCsv);
    });
    runs->addAction(tr("As &JSON…"), this, [this] {
        exportHistory(tr("Export runs as JSON"), tr("JSON (*.json)"), QStringLiteral(".json"),
                      &RunHistoryView::saveJson);
    });
    runs->addAction(tr("A run as Perfetto &trace…"), this, [this] {
        exportHistory(tr("Export a run as a trace"), tr("Trace JSON (*.json)"),
                      QStringLiteral(".trace.json"), &RunHistoryView::saveTrace);
    });
    QAction* copy = runs->addAction(tr("Copy as &Markdown"), this, [this] {
        QApplication::clipboard()->setText(history_->markdown());
        window_->statusBar()->showMessage(tr("Runs copied as a Markdown table"), 4000);
    });
    copy->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    QMenu* images = menu->addMenu(tr("&Save as image"));
    images->addAction(tr("The whole &window…"), this,
                      [this] { saveImage(window_, QStringLiteral("poolscope")); });
    for (const auto& [name, widget] : charts_) {
        QWidget* w = widget;
        const QString fileName = name;
        images->addAction(tr("%1…").arg(name), this, [this, w, fileName] {
            saveImage(w, fileName.toLower().replace(QLatin1Char(' '), QLatin1Char('-')));
        });
    }
}

bool FileActions::open(const QString& path) {
    return loader_->open(path);
}

void FileActions::exportHistory(const QString& title, const QString& filter, const QString& suffix,
                                bool (RunHistoryView::*save)(const QString&, QString*) const) {
    QString path = QFileDialog::getSaveFileName(window_, title, QDir::homePath(), filter);
    if (path.isEmpty()) return;
    if (!path.contains(QLatin1Char('.'))) path += suffix;
    QString error;
    if ((history_->*save)(path, &error))
        window_->statusBar()->showMessage(tr("Saved %1").arg(path), 4000);
    else
        banner_->showMessage(tr("Could not export:"), error);
}

void FileActions::saveImage(QWidget* widget, const QString& name) {
    const QString path = QFileDialog::getSaveFileName(
        window_, tr("Save as image"), QDir::home().filePath(name + QStringLiteral(".png")),
        tr("PNG image (*.png);;SVG drawing (*.svg)"));
    if (path.isEmpty()) return;
    if (before_save_) before_save_();
    QString error;
    if (saveWidgetImage(widget, path, &error))
        window_->statusBar()->showMessage(tr("Saved %1").arg(path), 4000);
    else
        banner_->showMessage(tr("Could not save the image:"), error);
}

}  // namespace poolscope::ui
