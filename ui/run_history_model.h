// RunHistoryModel: every run of the session as one table row (request, label, config, wall,
// speedup, efficiency, peak PSS, mean CPU, T, C, checksum, state). Rows are computed from the
// SessionModel on refresh() (called on requestsChanged and by the window's redraw timer while a
// run streams) and diffed by RunRef, so appends, deletions and the session dropping its oldest
// request arrive as row inserts and removals: selections and sort orders survive them. The
// label is editable; SortRole gives numbers for the numeric columns so a proxy sorts them right.
#pragma once

#include <QAbstractTableModel>
#include <vector>

#include "ui/run_figures.h"

namespace poolscope::ui {

class SessionModel;

class RunHistoryModel : public QAbstractTableModel {
    Q_OBJECT
  public:
    enum Column {
        RequestColumn,
        LabelColumn,
        ConfigColumn,
        WallColumn,
        SpeedupColumn,
        EfficiencyColumn,
        PeakPssColumn,
        MeanCpuColumn,
        TColumn,
        CColumn,
        ChecksumColumn,
        StateColumn,
        ColumnCount
    };
    enum Role {
        SortRole = Qt::UserRole + 1,  // double for figures (−1 when absent), text otherwise
        RunRefRole,                   // QVariant<RunRef>
    };

    explicit RunHistoryModel(SessionModel& session, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;

    // How the table words a cell and a column (the Markdown export uses the same words).
    static QString cellText(const RunFigures& f, int column);
    static QString columnTitle(int column);

    // Brings the rows up to date with the session.
    void refresh();
    const RunFigures& figures(int row) const { return rows_[static_cast<std::size_t>(row)]; }
    int rowOf(const RunRef& ref) const;
    SessionModel& session() const { return session_; }

  private:
    static QVariant sortValue(const RunFigures& f, int column);
    void applyRemovals(const std::vector<RunFigures>& next);
    void applyInserts(const std::vector<RunFigures>& next);

    SessionModel& session_;
    std::vector<RunFigures> rows_;
};

}  // namespace poolscope::ui
