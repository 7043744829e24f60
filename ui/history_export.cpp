#include "ui/history_export.h"

#include <QSaveFile>
#include <charconv>
#include <nlohmann/json.hpp>

#include "core/events/trace_export.h"
#include "core/report/csv_export.h"
#include "core/report/result_json.h"
#include "ui/run_figures.h"
#include "ui/run_history_model.h"
#include "ui/session_model.h"

namespace poolscope::ui {

namespace {

struct Found {
    const Request* request;
    const RunTrace* run;
};

std::vector<Found> resolve(const SessionModel& session, const QList<RunRef>& runs) {
    std::vector<Found> out;
    for (const RunRef& ref : runs) {
        const Request* request = session.findRequest(ref.request);
        const RunTrace* run = session.findRun(ref);
        if (request && run) out.push_back({request, run});
    }
    return out;
}

std::string number(const std::optional<double>& v) {
    if (!v) return {};
    char text[32];
    const auto result = std::to_chars(text, text + sizeof text, *v);
    return std::string(text, result.ptr);
}

std::string csvHeader() {
    return "request_id,request,name,config_text,state,speedup,efficiency,T_s,C_s," + csv_header();
}

std::string csvLine(const Request& request, const RunTrace& run) {
    const RunFigures f = runFigures(request, run);
    const auto text = [](const QString& s) { return csv_field(s.toStdString()); };
    std::string line = std::to_string(request.id) + ',' + text(f.request) + ',' + text(f.label) +
                       ',' + text(f.config) + ',' + text(stateName(f.state)) + ',' +
                       number(f.speedup) + ',' + number(f.efficiency) + ',' + number(f.T) + ',' +
                       number(f.C) + ',';
    if (run.result) return line + csv_row(*run.result);
    // No RESULT: the core's columns stay empty rather than showing zeros that were never measured.
    const std::string header = csv_header();
    return line + std::string(
                      static_cast<std::size_t>(std::count(header.begin(), header.end(), ',')), ',');
}

// The Markdown table's columns: those of the history table.
constexpr int kMarkdownColumns[] = {
    RunHistoryModel::RequestColumn,  RunHistoryModel::LabelColumn,
    RunHistoryModel::ConfigColumn,   RunHistoryModel::WallColumn,
    RunHistoryModel::SpeedupColumn,  RunHistoryModel::EfficiencyColumn,
    RunHistoryModel::PeakPssColumn,  RunHistoryModel::MeanCpuColumn,
    RunHistoryModel::TColumn,        RunHistoryModel::CColumn,
    RunHistoryModel::ChecksumColumn, RunHistoryModel::StateColumn};

// The run as the one run of an EventStream, which is what the core's trace exporter reads.
EventStream asStream(const RunTrace& run) {
    EventStream stream;
    stream.hello.tool = "poolscope";
    stream.hello.origin_ns = run.origin_ns;
    StreamRun s;
    s.run_id = run.run_id;
    s.config = run.config;
    s.label = run.label;
    s.start_t_ns = run.origin_ns + static_cast<int64_t>(run.start_s * 1e9);
    s.workers = run.worker_events;
    s.chunks = run.chunks;
    s.buckets = run.buckets;
    s.aggregated = run.aggregated;
    s.errors = run.errors;
    s.result = run.result;
    // The samples as the trace's counters need them: per-core CPU and the memory sums.
    const auto cpu = run.cpu.points();
    const auto memory = run.memory.points();
    for (std::size_t i = 0; i < std::max(cpu.size(), memory.size()); ++i) {
        Sample sample;
        const double t = i < memory.size() ? memory[i].t : cpu[i].t;
        sample.t_ns = run.origin_ns + static_cast<int64_t>(t * 1e9);
        if (i < cpu.size()) {
            sample.core_util.assign(cpu[i].util.begin(), cpu[i].util.end());
            sample.machine_util = cpu[i].total;
        }
        if (i < memory.size()) {
            sample.rss_sum_bytes = memory[i].rss_sum;
            for (uint64_t pss : memory[i].pss) sample.pss_sum_bytes += pss;
        }
        s.samples.push_back(std::move(sample));
    }
    stream.runs.push_back(std::move(s));
    return stream;
}

}  // namespace

QByteArray historyCsv(const SessionModel& session, const QList<RunRef>& runs) {
    std::string out = csvHeader() + "\r\n";
    for (const auto& [request, run] : resolve(session, runs))
        out += csvLine(*request, *run) + "\r\n";
    return QByteArray::fromStdString(out);
}

QByteArray historyJson(const SessionModel& session, const QList<RunRef>& runs) {
    nlohmann::json array = nlohmann::json::array();
    for (const auto& [request, run] : resolve(session, runs))
        if (run->result) array.push_back(result_to_json(*run->result));
    return QByteArray::fromStdString(array.dump(2) + "\n");
}

QString markdownCell(const QString& text) {
    QString cell = text;
    cell.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    cell.replace(QLatin1Char('|'), QStringLiteral("\\|"));
    cell.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return cell;
}

QString historyMarkdown(const SessionModel& session, const QList<RunRef>& runs) {
    // Worded by the table model, so the Markdown reads like the screen.
    QStringList header, rule;
    for (int c : kMarkdownColumns) {
        header << markdownCell(RunHistoryModel::columnTitle(c));
        rule << ((c >= RunHistoryModel::WallColumn && c <= RunHistoryModel::CColumn)
                     ? QStringLiteral("--:")
                     : QStringLiteral("---"));
    }
    QString out = QStringLiteral("| %1 |\n| %2 |\n")
                      .arg(header.join(QStringLiteral(" | ")), rule.join(QStringLiteral(" | ")));
    for (const auto& [request, run] : resolve(session, runs)) {
        const RunFigures f = runFigures(*request, *run);
        QStringList cells;
        for (int c : kMarkdownColumns) cells << markdownCell(RunHistoryModel::cellText(f, c));
        out += QStringLiteral("| %1 |\n").arg(cells.join(QStringLiteral(" | ")));
    }
    return out;
}

QByteArray runTraceJson(const RunTrace& run) {
    return QByteArray::fromStdString(chrome_trace(asStream(run)).dump() + "\n");
}

bool writeExport(const QString& path, const QByteArray& data, QString* error) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit()) {
        if (error) *error = QObject::tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

}  // namespace poolscope::ui
