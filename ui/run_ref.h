// RunRef: names one run of the session (its request's id and the engine's run id within that
// request's stream) so views can pass selections around without holding pointers into the
// session, which appends, drops and deletes runs while the views live.
#pragma once

#include <QList>
#include <QMetaType>
#include <string>

namespace poolscope::ui {

struct RunRef {
    int request = 0;
    std::string run;  // the engine's run id ("1", "2", …)

    bool operator==(const RunRef&) const = default;
    bool valid() const { return request > 0 && !run.empty(); }
};

}  // namespace poolscope::ui

Q_DECLARE_METATYPE(poolscope::ui::RunRef)
