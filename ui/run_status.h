// The status bar's line: what is running (which run of the request), how far it is, how long
// it has taken and an estimate of what is left; or how the last request ended.
#pragma once

#include <QString>

namespace poolscope::ui {

class SessionModel;

struct RunStatus {
    bool running = false;
    double fraction = 0;  // 0..1 of the current run's items
    double eta_s = -1;    // -1 = unknown
    QString text;
};

RunStatus runStatus(const SessionModel& session, bool engineRunning);

}  // namespace poolscope::ui
