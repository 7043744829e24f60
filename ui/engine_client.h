// EngineClient: runs one `poolscope-cli run … --events - --control-stdin` at a time as a child
// process and feeds its stdout to a StreamFeed. Why a child: a Qt process has threads, and
// forking workers from it would be unsafe; an engine crash cannot take the window down; and the
// GUI stays out of the process tree it measures. Stop writes "stop" on the engine's stdin; if
// the engine does not end, stdin is closed, then it is terminated and finally killed, so a
// stop always ends in bounded time. The engine also stops when the GUI dies (stdin closes).
// In its document mode (startDocument: a sweep's --json) stdout is kept whole, not parsed.
#pragma once

#include <QByteArray>
#include <QObject>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTimer>

#include "ui/stream_feed.h"

namespace poolscope::ui {

struct EngineExit {
    int code = 0;          // the engine's exit status (2 = refused, 130 = stopped)
    bool crashed = false;  // ended by a signal or never started
    QString message;       // the engine's refusal or error in its own words, or what failed
};

class EngineClient : public QObject {
    Q_OBJECT
  public:
    explicit EngineClient(QObject* parent = nullptr);
    ~EngineClient() override;

    // POOLSCOPE_CLI, then poolscope-cli beside this program, then on PATH.
    static QString findEngine();
    void setEnginePath(const QString& path) { engine_path_ = path; }
    QString enginePath() const { return engine_path_; }

    // Starts a run with `poolscope-cli run` arguments; false (and finished() follows) when the
    // engine cannot be started.
    bool start(const QStringList& runArguments);
    // Starts `poolscope-cli COMMAND arguments --control-stdin` whose stdout is one document (a
    // sweep's --json) rather than an event stream: it is kept whole in document(), not parsed.
    bool startDocument(const QString& command, const QStringList& arguments);
    const QByteArray& document() const { return document_; }
    void stop();
    bool isRunning() const;
    // Ends a running engine within about 2 s and waits for it (closing the window).
    void shutdown();
    // The engine's pid while it runs (0 otherwise).
    qint64 processId() const { return process_ ? process_->processId() : 0; }

    const StreamFeed& feed() const { return feed_; }
    StreamFeed& feed() { return feed_; }
    // What the engine wrote on stderr (its table, warnings), the last 64 KiB.
    const QByteArray& stderrText() const { return stderr_; }

    static constexpr int kStopCloseMs = 1000;      // after "stop": close stdin
    static constexpr int kStopTerminateMs = 2000;  // then SIGTERM
    static constexpr int kStopKillMs = 3000;       // then SIGKILL

  signals:
    void started();
    // The engine's stdout as it arrived, before parsing (what the stream recorder keeps).
    void bytesReceived(const QByteArray& bytes);
    void streamAdvanced();
    void streamError(const QString& message);
    void finished(const poolscope::ui::EngineExit& exit);

  private:
    bool launch(const QStringList& arguments, bool events);
    void onFinished(int code, QProcess::ExitStatus status);
    void onProcessError(QProcess::ProcessError error);
    QString engineMessage() const;

    QString engine_path_;
    QProcess* process_ = nullptr;
    StreamFeed feed_;
    QByteArray stderr_;
    QByteArray document_;
    bool events_ = true;  // stdout is an event stream (else a document)
    QTimer stop_timer_;
    int stop_stage_ = 0;
    bool stopping_ = false;
};

}  // namespace poolscope::ui

Q_DECLARE_METATYPE(poolscope::ui::EngineExit)
