// RunHistoryView: the session's runs as a sortable, filterable table (RunHistoryModel behind a
// QSortFilterProxyModel) with a filter box, Compare, Delete and the exports: CSV, JSON and
// Perfetto trace files, and a Markdown table to the clipboard. The exports take the selected
// runs, or every run the filter shows when none is selected. Several rows can be selected; the
// selection is announced as RunRefs (selectionChanged) for the comparison view.
#pragma once

#include <QList>
#include <QWidget>

#include "ui/run_ref.h"

class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace poolscope::ui {

class SessionModel;
class RunHistoryModel;

class RunHistoryView : public QWidget {
    Q_OBJECT
  public:
    explicit RunHistoryView(SessionModel& session, QWidget* parent = nullptr);

    RunHistoryModel* model() const { return model_; }
    QSortFilterProxyModel* proxy() const { return proxy_; }
    QTableView* table() const { return table_; }
    QLineEdit* filterEdit() const { return filter_; }

    // Selected runs in the table's order.
    QList<RunRef> selectedRuns() const;
    // What an export covers: the selection, else every run the filter shows.
    QList<RunRef> exportedRuns() const;
    void setFilterText(const QString& text);
    void selectRuns(const QList<RunRef>& runs);
    // Deletes the selected runs that are not running; returns how many went.
    int deleteSelected();

    bool saveCsv(const QString& path, QString* error) const;
    bool saveJson(const QString& path, QString* error) const;
    // The first exported run's chunk timeline as a Chrome/Perfetto trace.
    bool saveTrace(const QString& path, QString* error) const;
    QString markdown() const;

  public slots:
    // Re-reads the session (the window's redraw timer calls it while runs stream).
    void refresh();

  signals:
    void selectionChanged(const QList<poolscope::ui::RunRef>& runs);
    // Compare pressed with two or more runs selected.
    void compareRequested(const QList<poolscope::ui::RunRef>& runs);
    // A result for the status bar: "Exported 4 runs to …", or what went wrong.
    void message(const QString& text);

  private:
    void onSelectionChanged();
    void updateButtons();
    void exportTo(const QString& title, const QString& filter, const QString& suffix,
                  bool (RunHistoryView::*save)(const QString&, QString*) const);

    SessionModel& session_;
    RunHistoryModel* model_ = nullptr;
    QSortFilterProxyModel* proxy_ = nullptr;
    QTableView* table_ = nullptr;
    QLineEdit* filter_ = nullptr;
    QPushButton* compare_ = nullptr;
    QPushButton* delete_ = nullptr;
    QPushButton* trace_ = nullptr;
};

}  // namespace poolscope::ui
