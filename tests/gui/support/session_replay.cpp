#include "support/session_replay.h"

#include <QFile>

#include "support/gui_test_paths.h"
#include "ui/session_model.h"
#include "ui/stream_feed.h"

namespace poolscope::test {

int replayFixture(ui::SessionModel& session, const char* name, const QString& title) {
    QFile f(fixture(name));
    if (!f.open(QIODevice::ReadOnly)) return 0;
    ui::StreamFeed feed;
    feed.feed(f.readAll());
    feed.finish();
    if (feed.errorCount() != 0) return 0;
    const int id = session.beginRequest(title, {}, 1).id;
    session.update(feed.stream());
    session.finishRequest(ui::RequestState::Done, {});
    return id;
}

}  // namespace poolscope::test
