#include "ui/run_status.h"

#include <QCoreApplication>

#include "ui/axis_units.h"
#include "ui/session_model.h"

namespace poolscope::ui {

namespace {
QString tr(const char* s) {
    return QCoreApplication::translate("RunStatus", s);
}
}  // namespace

RunStatus runStatus(const SessionModel& session, bool engineRunning) {
    RunStatus st;
    const Request* req = session.current();
    if (!req) {
        st.text = tr("Ready. Choose a lesson or set the knobs, then press Compare.");
        return st;
    }
    if (req->running() && engineRunning) {
        st.running = true;
        if (req->runs.empty()) {
            st.text = tr("%1: starting the engine…").arg(req->title);
            return st;
        }
        const RunTrace& run = req->runs.back();
        const double elapsed = run.progress.empty() ? 0 : run.progress.last().x;
        if (run.items_total > 0)
            st.fraction =
                static_cast<double>(run.items_done) / static_cast<double>(run.items_total);
        if (st.fraction > 0.02 && elapsed > 0) st.eta_s = elapsed * (1 - st.fraction) / st.fraction;
        QString eta = st.eta_s >= 0 ? tr(" · ETA %1").arg(formatSeconds(st.eta_s)) : QString();
        st.text = tr("%1: %2 run %3 · %4 % · %5%6")
                      .arg(req->title, run.serial ? tr("serial") : tr("parallel"))
                      .arg(req->runs.size())
                      .arg(st.fraction * 100, 0, 'f', 0)
                      .arg(formatSeconds(elapsed), eta);
        return st;
    }
    switch (req->state) {
        case RequestState::Running:
        case RequestState::Done:
            st.text = tr("%1 done: %n run(s).")
                          .replace(QStringLiteral("%n"), QString::number(req->runs.size()))
                          .arg(req->title);
            break;
        case RequestState::Stopped:
            st.text = tr("%1 stopped; the finished part is shown (partial).").arg(req->title);
            break;
        case RequestState::Refused:
            st.text = tr("%1 refused: %2").arg(req->title, req->message);
            break;
        case RequestState::Failed:
            st.text = tr("%1 failed: %2").arg(req->title, req->message);
            break;
    }
    return st;
}

}  // namespace poolscope::ui
