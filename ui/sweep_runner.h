// SweepRunner: runs one `poolscope-cli sweep … --json --events FILE --control-stdin` through an
// EngineClient (the same stop escalation as a run: "stop", then EOF, SIGTERM, SIGKILL). The
// JSON document comes on stdout; the event stream goes to a file in a private temporary folder
// that is read as it grows, for the live progress and the points filling in. Stop keeps what
// finished: the CLI exits 130 and still prints the document of the finished points.
#pragma once

#include <QElapsedTimer>
#include <QFile>
#include <QObject>
#include <QTemporaryDir>
#include <QTimer>
#include <memory>
#include <optional>

#include "ui/engine_client.h"
#include "ui/sweep_document.h"
#include "ui/sweep_progress.h"
#include "ui/sweep_settings.h"

namespace poolscope::ui {

class SweepRunner : public QObject {
    Q_OBJECT
  public:
    explicit SweepRunner(QObject* parent = nullptr);

    void setEnginePath(const QString& path) { client_.setEnginePath(path); }
    // Starts the sweep; false with a reason (the form's refusal) when it cannot.
    bool start(const RunSettings& base, const SweepSettings& sweep, int usableCores,
               QString* error);
    void stop();
    bool isRunning() const { return client_.isRunning(); }
    void shutdown() { client_.shutdown(); }
    qint64 processId() const { return client_.processId(); }
    // The arguments of the running (or last) sweep, after `sweep`.
    const QStringList& arguments() const { return arguments_; }

    const SweepProgress* progress() const { return progress_.get(); }
    double elapsedSeconds() const;
    const std::optional<SweepDocument>& result() const { return result_; }

  signals:
    void progressed();
    // The sweep ended (exit code -1: crashed or never started); result() holds its document
    // (interrupted ones too) or none, and message then says why.
    void finished(int exitCode, const QString& message);

  private:
    void poll();
    void onFinished(const EngineExit& exit);

    EngineClient client_;
    QStringList arguments_;
    std::unique_ptr<QTemporaryDir> dir_;
    QFile events_;
    QTimer poll_;
    QElapsedTimer clock_;
    std::unique_ptr<SweepProgress> progress_;
    std::optional<SweepDocument> result_;
};

}  // namespace poolscope::ui
