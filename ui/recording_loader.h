// RecordingLoader: opens a saved event stream (a recording, or `poolscope-cli run --events
// FILE`) into the session as one finished request titled with the file's name. The file is read
// and parsed in slices on the event loop (kSliceBytes at a time through a StreamFeed), so a large
// file never freezes the window and can be cancelled. A cut-off or corrupt file loads what could
// be read, with a message naming the first bad line; a file with nothing to show fails with the
// reason. Never throws, never hangs.
#pragma once

#include <QFile>
#include <QObject>
#include <QString>

#include "ui/stream_feed.h"

namespace poolscope::ui {

class SessionModel;

class RecordingLoader : public QObject {
    Q_OBJECT
  public:
    static constexpr qint64 kSliceBytes = 256 * 1024;

    explicit RecordingLoader(SessionModel& session, QObject* parent = nullptr);

    // Starts loading; false when another load is under way or the file cannot be opened (then
    // failed() has been emitted with the reason).
    bool open(const QString& path);
    void cancel();
    bool isLoading() const { return file_.isOpen(); }

  signals:
    void progress(qint64 bytesRead, qint64 bytesTotal);
    // The request is in the session. message: what was wrong with the file (empty if nothing).
    void loaded(int requestId, const QString& message);
    void failed(const QString& message);

  private:
    void readSlice();
    void finish();
    QString problems() const;

    SessionModel& session_;
    QFile file_;
    StreamFeed feed_;
    QString name_;
    qint64 read_ = 0;
};

}  // namespace poolscope::ui
