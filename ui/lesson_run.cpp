#include "ui/lesson_run.h"

#include "core/python/python_launch.h"
#include "ui/session_model.h"
#include "ui/sweep_document.h"

namespace poolscope::ui {

std::optional<LessonRunFigures> figuresOf(const Request& request) {
    if (request.arguments.contains(QStringLiteral("--compare"))) {
        if (auto c = request.comparison()) return figures_of(*c);
        return std::nullopt;
    }
    std::vector<RunResult> results;
    for (const auto& run : request.runs)
        if (run.result) results.push_back(*run.result);
    const auto keep = static_cast<std::size_t>(std::max(1, request.repeat));
    if (results.size() > keep)  // warm-up runs come first
        results.erase(results.begin(), results.end() - static_cast<std::ptrdiff_t>(keep));
    if (results.empty()) return std::nullopt;
    return figures_of(make_series(std::move(results)));
}

void LessonProgress::finishRun(const Request& request) {
    if (done()) return;
    const std::string id = nextRun().id.toStdString();
    if (auto f = figuresOf(request))
        figures_[id] = *f;
    else if (request.state == RequestState::Refused &&
             request.message.contains(QString::fromLatin1(kPythonPackages)))
        skipped_[id] = request.message.toStdString();  // no Python (or numpy) here
    ++next_;
}

LessonOutcome LessonProgress::outcome(int usableCores) const {
    return check_lesson(checked_, figures_, usableCores, kDisturbedOutsideShare, skipped_);
}

}  // namespace poolscope::ui

namespace poolscope::ui {

LessonOutcome sweepLessonOutcome(const poolscope::Lesson& lesson, const SweepDocument& doc,
                                 int usableCores) {
    std::vector<std::string> axes;
    for (const auto& a : doc.axes) axes.push_back(a.name);
    std::vector<SweepPointFigures> points;
    for (const auto& p : doc.points) {
        SweepPointFigures f;
        f.values = p.values;
        f.workers = p.workers;
        f.chunksize = p.chunksize;
        f.wall_s = p.wall;
        f.speedup = p.speedup;
        f.T = p.T;
        f.C = p.C;
        f.complete = p.ran && p.complete;
        points.push_back(std::move(f));
    }
    SweepAnalysis analysis;
    analysis.amdahl = doc.amdahl;
    analysis.usl = doc.usl;
    analysis.recommendation = doc.recommendation;
    const LessonRunFigures figures =
        figures_of_sweep(axes, points, analysis, usableCores, doc.outsideShare);
    return check_lesson(lesson, {{kLessonSweepId, figures}}, usableCores);
}

}  // namespace poolscope::ui
