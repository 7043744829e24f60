// RecordingWriter: the StreamRecorder's disk side, living on the recorder's thread: opens a
// new numbered file, appends bytes, closes it and trims the folder to the newest recordings.
// Reports the first failure of a recording and drops the rest of it.
#pragma once

#include <QFile>
#include <QObject>
#include <QString>

namespace poolscope::ui {

class RecordingWriter : public QObject {
    Q_OBJECT
  public:
    RecordingWriter(const QString& directory, int keep);

    void open(const QString& stamp);
    void write(const QByteArray& bytes);
    void close();
    // Recordings this folder holds, newest first (only files named like ours).
    static QStringList recordings(const QString& directory);

  signals:
    void opened(const QString& path);
    void closed(const QString& path);
    void failed(const QString& message);

  private:
    void fail(const QString& message);
    void prune();

    QString directory_;
    int keep_;
    QFile file_;
    bool failed_ = false;    // this recording is abandoned
    bool reported_ = false;  // a failure was reported and no recording has worked since
};

}  // namespace poolscope::ui
