#include "ui/run_figures.h"

#include <QCoreApplication>
#include <algorithm>

#include "core/config/run_config.h"
#include "ui/session_model.h"

namespace poolscope::ui {

namespace {

QString configText(const RunConfig& c) {
    QString text = QStringLiteral("%1 n=%2").arg(QString::fromStdString(c.workload)).arg(c.size);
    for (const auto& [key, value] : c.params)
        text += QStringLiteral(" %1=%2").arg(QString::fromStdString(key),
                                             QString::fromStdString(value));
    return text + QStringLiteral(" · ") + QString::fromStdString(describe(c));
}

RunState stateOf(const Request& request, const RunTrace& run) {
    const bool stopped = request.state == RequestState::Stopped;
    if (!run.result) {
        if (request.running()) return RunState::Running;
        return stopped ? RunState::Stopped : RunState::Failed;
    }
    if (run.result->partial || run.result->items_failed > 0)
        return stopped ? RunState::Stopped : RunState::Partial;
    return RunState::Done;
}

QString messageOf(const Request& request, const RunTrace& run) {
    if (!run.errors.empty()) return QString::fromStdString(run.errors.front().error.message);
    if (run.result && !run.result->errors.empty())
        return QString::fromStdString(run.result->errors.front().message);
    return run.result && !run.result->partial ? QString() : request.message;
}

// The serial run this run is measured against: the newest finished one of its own request.
const RunResult* serialOf(const Request& request) {
    for (auto it = request.runs.rbegin(); it != request.runs.rend(); ++it)
        if (it->serial && it->result && !it->result->partial) return &*it->result;
    return nullptr;
}

}  // namespace

RunFigures runFigures(const Request& request, const RunTrace& run) {
    RunFigures f;
    f.ref = {request.id, run.run_id};
    f.request = QStringLiteral("#%1 %2").arg(request.id).arg(request.title);
    f.label = QString::fromStdString(run.label);
    f.config = configText(run.config);
    f.state = stateOf(request, run);
    f.serial = run.serial;
    f.message = messageOf(request, run);
    if (run.peak_pss_sum > 0) f.peak_pss = double(run.peak_pss_sum);
    if (!run.result) return f;
    const RunResult& r = *run.result;
    f.workers = std::max(1, r.workers);
    f.wall_s = r.wall_s;
    f.checksum = r.checksum;
    if (r.memory.samples > 0) f.peak_pss = double(r.memory.peak_pss_sum_bytes);
    if (r.cpu.samples > 1) f.mean_cpu = r.cpu.mean_machine_util;
    const double n = double(r.items);
    if (n <= 0) return f;
    if (run.serial) {
        f.speedup = 1.0;
        f.T = r.wall_s / n;
        return f;
    }
    f.C = (f.workers * r.wall_s - r.compute_s) / n;
    if (const RunResult* s = serialOf(request); s && s->items == r.items) {
        if (r.wall_s > 0) {
            f.speedup = s->wall_s / r.wall_s;
            f.efficiency = *f.speedup / f.workers;
        }
        f.T = s->wall_s / n;
    }
    return f;
}

QString stateName(RunState state) {
    switch (state) {
        case RunState::Running:
            return QCoreApplication::translate("RunFigures", "running");
        case RunState::Done:
            return QCoreApplication::translate("RunFigures", "done");
        case RunState::Partial:
            return QCoreApplication::translate("RunFigures", "partial");
        case RunState::Failed:
            return QCoreApplication::translate("RunFigures", "failed");
        case RunState::Stopped:
            return QCoreApplication::translate("RunFigures", "stopped");
    }
    return {};
}

QString checksumText(uint64_t checksum) {
    return QStringLiteral("0x%1").arg(checksum, 16, 16, QLatin1Char('0'));
}

}  // namespace poolscope::ui
