// StreamRecorder: keeps every engine stream the GUI receives as a file in the user's data
// folder (AppLocalDataLocation/recordings/YYYYMMDD-HHMMSS-N.jsonl), byte for byte, so any run
// can be opened again (File → Open) or replayed with poolscope-cli. Writing happens on a thread
// of its own: a slow or full disk never stalls the window. Only the newest kKeep recordings are
// kept. A write failure is reported once (writeFailed) and that recording is abandoned; the
// runs themselves go on.
#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QThread>
#include <atomic>

namespace poolscope::ui {

class RecordingWriter;

class StreamRecorder : public QObject {
    Q_OBJECT
  public:
    static constexpr int kKeep = 50;
    // Past this many bytes waiting for the disk, the recording is abandoned, not buffered on.
    static constexpr qint64 kMaxBacklog = qint64{256} << 20;

    // directory: where the recordings go; empty = defaultDirectory().
    explicit StreamRecorder(const QString& directory = {}, QObject* parent = nullptr);
    ~StreamRecorder() override;  // finishes what was handed over

    static QString defaultDirectory();
    QString directory() const { return directory_; }
    void setEnabled(bool on) { enabled_ = on; }
    bool isEnabled() const { return enabled_; }
    // Waits (bounded) until everything handed over has reached the file system.
    bool flush(int timeoutMs = 5000);

  public slots:
    // A new stream starts: opens a new recording.
    void begin();
    // Bytes of the current stream, as they arrived.
    void append(const QByteArray& bytes);
    // The stream ended: closes the recording.
    void end();

  signals:
    void recordingStarted(const QString& path);
    void recordingFinished(const QString& path);
    void writeFailed(const QString& message);

  private:
    QString directory_;
    bool enabled_ = true;
    bool open_ = false;
    QThread thread_;
    RecordingWriter* writer_ = nullptr;  // lives on thread_
    std::atomic<qint64> backlog_{0};
};

}  // namespace poolscope::ui
