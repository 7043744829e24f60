#include "ui/run_history_model.h"

#include <QBrush>
#include <QColor>
#include <algorithm>

#include "ui/axis_units.h"
#include "ui/session_model.h"

namespace poolscope::ui {

namespace {

std::vector<RunFigures> collect(const SessionModel& session) {
    std::vector<RunFigures> rows;
    for (const auto& request : session.requests())
        for (const auto& run : request.runs)
            if (!run.run_id.empty()) rows.push_back(runFigures(request, run));
    return rows;
}

bool contains(const std::vector<RunFigures>& rows, const RunRef& ref) {
    return std::any_of(rows.begin(), rows.end(), [&](const RunFigures& f) { return f.ref == ref; });
}

QString orDash(const std::optional<double>& v, const auto& format) {
    return v ? format(*v) : QStringLiteral("–");
}

}  // namespace

RunHistoryModel::RunHistoryModel(SessionModel& session, QObject* parent)
    : QAbstractTableModel(parent), session_(session) {
    connect(&session_, &SessionModel::requestsChanged, this, &RunHistoryModel::refresh);
    rows_ = collect(session_);
}

int RunHistoryModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

int RunHistoryModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

int RunHistoryModel::rowOf(const RunRef& ref) const {
    for (std::size_t i = 0; i < rows_.size(); ++i)
        if (rows_[i].ref == ref) return static_cast<int>(i);
    return -1;
}

void RunHistoryModel::refresh() {
    const std::vector<RunFigures> next = collect(session_);
    applyRemovals(next);
    applyInserts(next);
    // Same runs in the same order now: update the figures that changed, one signal per stretch.
    int first = -1;
    for (std::size_t i = 0; i <= rows_.size(); ++i) {
        const bool changed = i < rows_.size() && !(rows_[i] == next[i]);
        if (changed) {
            rows_[i] = next[i];
            if (first < 0) first = static_cast<int>(i);
        } else if (first >= 0) {
            emit dataChanged(index(first, 0), index(static_cast<int>(i) - 1, ColumnCount - 1));
            first = -1;
        }
    }
}

// Rows whose run is gone, removed in stretches from the back so the indices stay valid.
void RunHistoryModel::applyRemovals(const std::vector<RunFigures>& next) {
    int end = static_cast<int>(rows_.size());
    while (end > 0) {
        if (contains(next, rows_[static_cast<std::size_t>(end - 1)].ref)) {
            --end;
            continue;
        }
        int begin = end - 1;
        while (begin > 0 && !contains(next, rows_[static_cast<std::size_t>(begin - 1)].ref))
            --begin;
        beginRemoveRows({}, begin, end - 1);
        rows_.erase(rows_.begin() + begin, rows_.begin() + end);
        endRemoveRows();
        end = begin;
    }
}

// The session never reorders runs, so what is left is a subsequence of `next`: insert the new
// runs in stretches where they belong (appended runs, a recording placed before a running one).
void RunHistoryModel::applyInserts(const std::vector<RunFigures>& next) {
    std::size_t i = 0;
    while (i < next.size()) {
        if (i < rows_.size() && rows_[i].ref == next[i].ref) {
            ++i;
            continue;
        }
        std::size_t j = i;
        while (j < next.size() && !(i < rows_.size() && next[j].ref == rows_[i].ref)) ++j;
        beginInsertRows({}, static_cast<int>(i), static_cast<int>(j) - 1);
        rows_.insert(rows_.begin() + static_cast<std::ptrdiff_t>(i),
                     next.begin() + static_cast<std::ptrdiff_t>(i),
                     next.begin() + static_cast<std::ptrdiff_t>(j));
        endInsertRows();
        i = j;
    }
}

QString RunHistoryModel::cellText(const RunFigures& f, int column) {
    const auto seconds = [](double v) { return formatSeconds(v); };
    switch (column) {
        case RequestColumn:
            return f.request;
        case LabelColumn:
            return f.label;
        case ConfigColumn:
            return f.config;
        case WallColumn:
            return orDash(f.wall_s, seconds);
        case SpeedupColumn:
            return orDash(f.speedup, [](double v) { return tr("%1×").arg(v, 0, 'g', 3); });
        case EfficiencyColumn:
            return orDash(f.efficiency,
                          [](double v) { return tr("%1 %").arg(v * 100, 0, 'f', 0); });
        case PeakPssColumn:
            return orDash(f.peak_pss, [](double v) { return formatBytes(v); });
        case MeanCpuColumn:
            return orDash(f.mean_cpu, [](double v) { return tr("%1 %").arg(v * 100, 0, 'f', 0); });
        case TColumn:
            return orDash(f.T, seconds);
        case CColumn:
            return orDash(f.C, seconds);
        case ChecksumColumn:
            return f.checksum ? checksumText(*f.checksum) : QStringLiteral("–");
        case StateColumn:
            return stateName(f.state);
    }
    return {};
}

QVariant RunHistoryModel::sortValue(const RunFigures& f, int column) {
    const auto number = [](const std::optional<double>& v) { return QVariant(v.value_or(-1.0)); };
    switch (column) {
        case RequestColumn:
            return f.ref.request;
        case WallColumn:
            return number(f.wall_s);
        case SpeedupColumn:
            return number(f.speedup);
        case EfficiencyColumn:
            return number(f.efficiency);
        case PeakPssColumn:
            return number(f.peak_pss);
        case MeanCpuColumn:
            return number(f.mean_cpu);
        case TColumn:
            return number(f.T);
        case CColumn:
            return number(f.C);
        case StateColumn:
            return static_cast<int>(f.state);
        default:
            return cellText(f, column);
    }
}

QVariant RunHistoryModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const RunFigures& f = rows_[static_cast<std::size_t>(index.row())];
    const int column = index.column();
    switch (role) {
        case Qt::DisplayRole:
            return cellText(f, column);
        case Qt::EditRole:
            return column == LabelColumn ? f.label : cellText(f, column);
        case SortRole:
            return sortValue(f, column);
        case RunRefRole:
            return QVariant::fromValue(f.ref);
        case Qt::ToolTipRole:
            if (column == ConfigColumn || column == LabelColumn) return f.config;
            return f.message.isEmpty() ? QVariant() : QVariant(f.message);
        case Qt::TextAlignmentRole:
            if (column >= WallColumn && column <= CColumn)
                return QVariant(Qt::AlignRight | Qt::AlignVCenter);
            return {};
        case Qt::ForegroundRole:
            if (column == StateColumn && f.state == RunState::Failed)
                return QBrush(QColor(0xc0, 0, 0));
            return {};
    }
    return {};
}

QVariant RunHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    return columnTitle(section);
}

QString RunHistoryModel::columnTitle(int column) {
    switch (column) {
        case RequestColumn:
            return tr("Request");
        case LabelColumn:
            return tr("Label");
        case ConfigColumn:
            return tr("Config");
        case WallColumn:
            return tr("Wall");
        case SpeedupColumn:
            return tr("Speedup");
        case EfficiencyColumn:
            return tr("Efficiency");
        case PeakPssColumn:
            return tr("Peak PSS");
        case MeanCpuColumn:
            return tr("Mean CPU");
        case TColumn:
            return tr("T");
        case CColumn:
            return tr("C");
        case ChecksumColumn:
            return tr("Checksum");
        case StateColumn:
            return tr("State");
    }
    return {};
}

Qt::ItemFlags RunHistoryModel::flags(const QModelIndex& index) const {
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == LabelColumn) f |= Qt::ItemIsEditable;
    return f;
}

bool RunHistoryModel::setData(const QModelIndex& index, const QVariant& value, int role) {
    if (role != Qt::EditRole || !index.isValid() || index.column() != LabelColumn) return false;
    const QString label = value.toString().trimmed();
    if (label.isEmpty()) return false;
    // The session announces the change; refresh() turns it into dataChanged.
    return session_.setRunLabel(rows_[static_cast<std::size_t>(index.row())].ref, label);
}

}  // namespace poolscope::ui
