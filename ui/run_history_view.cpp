#include "ui/run_history_view.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

#include "ui/history_export.h"
#include "ui/run_history_model.h"
#include "ui/session_model.h"

namespace poolscope::ui {

RunHistoryView::RunHistoryView(SessionModel& session, QWidget* parent)
    : QWidget(parent), session_(session) {
    model_ = new RunHistoryModel(session, this);
    proxy_ = new QSortFilterProxyModel(this);
    proxy_->setSourceModel(model_);
    proxy_->setSortRole(RunHistoryModel::SortRole);
    proxy_->setFilterKeyColumn(-1);  // the filter matches any column
    proxy_->setFilterCaseSensitivity(Qt::CaseInsensitive);
    proxy_->setDynamicSortFilter(true);

    table_ = new QTableView;
    table_->setModel(proxy_);
    table_->setSortingEnabled(true);
    table_->sortByColumn(RunHistoryModel::RequestColumn, Qt::AscendingOrder);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::ExtendedSelection);
    table_->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    table_->setAlternatingRowColors(true);
    table_->verticalHeader()->hide();
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table_->horizontalHeader()->setSectionResizeMode(RunHistoryModel::ConfigColumn,
                                                     QHeaderView::Interactive);
    connect(table_->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &RunHistoryView::onSelectionChanged);

    filter_ = new QLineEdit;
    filter_->setPlaceholderText(tr("Filter runs (label, config, state…)"));
    filter_->setClearButtonEnabled(true);
    connect(filter_, &QLineEdit::textChanged, this, &RunHistoryView::setFilterText);

    compare_ = new QPushButton(tr("Co&mpare selected"));
    compare_->setToolTip(tr("Overlay the selected runs and list what differs"));
    connect(compare_, &QPushButton::clicked, this,
            [this] { emit compareRequested(selectedRuns()); });
    delete_ = new QPushButton(tr("&Delete"));
    delete_->setToolTip(tr("Remove the selected runs from the history (Del)"));
    connect(delete_, &QPushButton::clicked, this, &RunHistoryView::deleteSelected);
    auto* del = new QAction(this);
    del->setShortcut(QKeySequence::Delete);
    // The table's own focus only: Del inside a label being edited deletes text, not runs.
    del->setShortcutContext(Qt::WidgetShortcut);
    connect(del, &QAction::triggered, this, &RunHistoryView::deleteSelected);
    table_->addAction(del);

    auto* csv = new QPushButton(tr("CSV…"));
    csv->setToolTip(tr("Save the selected runs (or all shown) as CSV, one row per run"));
    connect(csv, &QPushButton::clicked, this, [this] {
        exportTo(tr("Export runs as CSV"), tr("CSV files (*.csv)"), QStringLiteral(".csv"),
                 &RunHistoryView::saveCsv);
    });
    auto* json = new QPushButton(tr("JSON…"));
    json->setToolTip(tr("Save the selected runs' RESULT documents as a JSON array"));
    connect(json, &QPushButton::clicked, this, [this] {
        exportTo(tr("Export runs as JSON"), tr("JSON files (*.json)"), QStringLiteral(".json"),
                 &RunHistoryView::saveJson);
    });
    trace_ = new QPushButton(tr("Trace…"));
    trace_->setToolTip(tr("Save the selected run's chunk timeline for ui.perfetto.dev"));
    connect(trace_, &QPushButton::clicked, this, [this] {
        exportTo(tr("Export run as a Perfetto trace"), tr("Trace JSON (*.json)"),
                 QStringLiteral(".trace.json"), &RunHistoryView::saveTrace);
    });
    auto* md = new QPushButton(tr("Copy Markdown"));
    md->setToolTip(tr("Copy the selected runs (or all shown) as a Markdown table"));
    connect(md, &QPushButton::clicked, this, [this] {
        QApplication::clipboard()->setText(markdown());
        emit message(tr("Copied %n run(s) as a Markdown table.", "", int(exportedRuns().size())));
    });

    auto* bar = new QHBoxLayout;
    bar->addWidget(filter_, 1);
    for (QPushButton* b : {compare_, delete_, csv, json, trace_, md}) bar->addWidget(b);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(table_, 1);
    updateButtons();
}

void RunHistoryView::refresh() {
    model_->refresh();
    updateButtons();
}

void RunHistoryView::setFilterText(const QString& text) {
    if (filter_->text() != text) filter_->setText(text);  // comes back here through textChanged
    proxy_->setFilterFixedString(text);
}

QList<RunRef> RunHistoryView::selectedRuns() const {
    QModelIndexList rows = table_->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(),
              [](const QModelIndex& a, const QModelIndex& b) { return a.row() < b.row(); });
    QList<RunRef> refs;
    for (const QModelIndex& i : rows) refs << i.data(RunHistoryModel::RunRefRole).value<RunRef>();
    return refs;
}

QList<RunRef> RunHistoryView::exportedRuns() const {
    QList<RunRef> refs = selectedRuns();
    if (!refs.isEmpty()) return refs;
    for (int row = 0; row < proxy_->rowCount(); ++row)
        refs << proxy_->index(row, 0).data(RunHistoryModel::RunRefRole).value<RunRef>();
    return refs;
}

void RunHistoryView::selectRuns(const QList<RunRef>& runs) {
    QItemSelection selection;
    for (const RunRef& ref : runs) {
        const int row = model_->rowOf(ref);
        if (row < 0) continue;
        const QModelIndex i = proxy_->mapFromSource(model_->index(row, 0));
        if (i.isValid()) selection.select(i, i);
    }
    table_->selectionModel()->select(
        selection, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

int RunHistoryView::deleteSelected() {
    int removed = 0;
    for (const RunRef& ref : selectedRuns())
        if (session_.removeRun(ref)) ++removed;
    if (removed) emit message(tr("Deleted %n run(s) from the history.", "", removed));
    updateButtons();
    return removed;
}

bool RunHistoryView::saveCsv(const QString& path, QString* error) const {
    return writeExport(path, historyCsv(session_, exportedRuns()), error);
}

bool RunHistoryView::saveJson(const QString& path, QString* error) const {
    return writeExport(path, historyJson(session_, exportedRuns()), error);
}

bool RunHistoryView::saveTrace(const QString& path, QString* error) const {
    const QList<RunRef> runs = exportedRuns();
    const RunTrace* run = runs.isEmpty() ? nullptr : session_.findRun(runs.first());
    if (!run) {
        if (error) *error = tr("Select a run to export its timeline.");
        return false;
    }
    return writeExport(path, runTraceJson(*run), error);
}

QString RunHistoryView::markdown() const {
    return historyMarkdown(session_, exportedRuns());
}

void RunHistoryView::exportTo(const QString& title, const QString& filter, const QString& suffix,
                              bool (RunHistoryView::*save)(const QString&, QString*) const) {
    QString path = QFileDialog::getSaveFileName(this, title, QString(), filter);
    if (path.isEmpty()) return;
    if (!path.contains(QLatin1Char('.'))) path += suffix;
    QString error;
    if ((this->*save)(path, &error))
        emit message(tr("Exported to %1.").arg(path));
    else
        emit message(error);
}

void RunHistoryView::onSelectionChanged() {
    updateButtons();
    emit selectionChanged(selectedRuns());
}

void RunHistoryView::updateButtons() {
    const QList<RunRef> selected = selectedRuns();
    bool deletable = false;
    for (const RunRef& ref : selected) {
        const Request* r = session_.findRequest(ref.request);
        deletable = deletable || (r && !r->running());
    }
    delete_->setEnabled(deletable);
    compare_->setEnabled(selected.size() >= 2);
    trace_->setEnabled(!exportedRuns().isEmpty());
}

}  // namespace poolscope::ui
