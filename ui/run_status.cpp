#include "ui/run_status.h"

#include <QCoreApplication>

#include "ui/axis_units.h"
#include "ui/session_model.h"

namespace poolscope::ui {

RunStatus runStatus(const SessionModel& session, bool engineRunning) {
    RunStatus st;
    const Request* req = session.current();
    if (!req) {
        st.text = QCoreApplication::translate(
            "RunStatus", "Ready. Choose a lesson or set the knobs, then press Compare.");
        return st;
    }
    if (req->running() && engineRunning) {
        st.running = true;
        if (req->runs.empty()) {
            st.text = QCoreApplication::translate("RunStatus", "%1: starting the engine…")
                          .arg(req->title);
            return st;
        }
        const RunTrace& run = req->runs.back();
        const double elapsed = run.progress.empty() ? 0 : run.progress.last().x;
        if (run.items_total > 0)
            st.fraction =
                static_cast<double>(run.items_done) / static_cast<double>(run.items_total);
        if (st.fraction > 0.02 && elapsed > 0) st.eta_s = elapsed * (1 - st.fraction) / st.fraction;
        QString eta =
            st.eta_s >= 0
                ? QCoreApplication::translate("RunStatus", " · ETA %1").arg(formatSeconds(st.eta_s))
                : QString();
        st.text =
            QCoreApplication::translate("RunStatus", "%1: %2 run %3 · %4 % · %5%6")
                .arg(req->title, run.serial ? QCoreApplication::translate("RunStatus", "serial")
                                            : QCoreApplication::translate("RunStatus", "parallel"))
                .arg(req->runs.size())
                .arg(st.fraction * 100, 0, 'f', 0)
                .arg(formatSeconds(elapsed), eta);
        return st;
    }
    switch (req->state) {
        case RequestState::Running:
        case RequestState::Done:
            st.text = QCoreApplication::translate("RunStatus", "%1 done: %n run(s).")
                          .replace(QStringLiteral("%n"), QString::number(req->runs.size()))
                          .arg(req->title);
            break;
        case RequestState::Stopped:
            st.text = QCoreApplication::translate(
                          "RunStatus", "%1 stopped; the finished part is shown (partial).")
                          .arg(req->title);
            break;
        case RequestState::Refused:
            st.text = QCoreApplication::translate("RunStatus", "%1 refused: %2")
                          .arg(req->title, req->message);
            break;
        case RequestState::Failed:
            st.text = QCoreApplication::translate("RunStatus", "%1 failed: %2")
                          .arg(req->title, req->message);
            break;
    }
    return st;
}

}  // namespace poolscope::ui
