// Loads a recorded event stream (a fixture) into a session as one finished request, the way the
// engine client would have fed it, without running the engine.
#pragma once

#include <QString>

namespace poolscope::ui {
class SessionModel;
}

namespace poolscope::test {

// The new request's id, or 0 when the fixture cannot be read or parsed cleanly.
int replayFixture(ui::SessionModel& session, const char* name, const QString& title);

}  // namespace poolscope::test
