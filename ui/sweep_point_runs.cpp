#include "ui/sweep_point_runs.h"

#include <QObject>
#include <algorithm>
#include <nlohmann/json.hpp>

#include "core/report/result_json.h"

namespace poolscope::ui {

namespace {

using json = nlohmann::json;

void addSeries(const json& series, EventStream& out) {
    const RunSeries s = series_from_json(series);
    for (const RunResult& r : s.runs) {
        StreamRun run;
        run.run_id = std::to_string(out.runs.size() + 1);
        run.config = r.config;
        run.machine = r.machine;
        run.label = r.label;
        run.start_t_ns = r.start_ns;
        run.result = r;
        run.result->run_id = run.run_id;
        out.runs.push_back(std::move(run));
    }
}

}  // namespace

std::optional<EventStream> sweepPointStream(const SweepDocument& doc, std::size_t point,
                                            QString* error) {
    const auto fail = [&](const QString& why) {
        if (error) *error = why;
        return std::nullopt;
    };
    if (point >= doc.points.size() || !doc.points[point].ran)
        return fail(QObject::tr("this point did not run"));
    try {
        const json j = json::parse(doc.source.constBegin(), doc.source.constEnd());
        const json& p = j.at("points").at(point);
        // The point's own baseline when a workload parameter was swept, else the one.
        const json* serial = &j.at("serial");
        if (p.contains("baseline") && j.contains("baselines"))
            serial = &j.at("baselines").at(p.at("baseline").get<std::size_t>()).at("series");
        EventStream out;
        out.hello.tool = "poolscope";
        if (!serial->is_null()) addSeries(*serial, out);
        addSeries(p.at("series"), out);
        // Times from the first run's start, as a stream's are from its hello.
        out.hello.origin_ns = out.runs.empty() ? 0 : out.runs.front().start_t_ns;
        for (const auto& r : out.runs)
            out.hello.origin_ns = std::min(out.hello.origin_ns, r.start_t_ns);
        return out;
    } catch (const std::exception& e) {
        return fail(
            QObject::tr("the document holds no runs for it: %1").arg(QString::fromUtf8(e.what())));
    }
}

}  // namespace poolscope::ui
