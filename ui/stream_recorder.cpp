#include "ui/stream_recorder.h"

#include <QDateTime>
#include <QDir>
#include <QSemaphore>
#include <QStandardPaths>

#include "ui/recording_writer.h"

namespace poolscope::ui {

StreamRecorder::StreamRecorder(const QString& directory, QObject* parent)
    : QObject(parent), directory_(directory.isEmpty() ? defaultDirectory() : directory) {
    thread_.setObjectName(QStringLiteral("stream recorder"));
    writer_ = new RecordingWriter(directory_, kKeep);
    writer_->moveToThread(&thread_);
    connect(&thread_, &QThread::finished, writer_, &QObject::deleteLater);
    connect(writer_, &RecordingWriter::opened, this, &StreamRecorder::recordingStarted);
    connect(writer_, &RecordingWriter::closed, this, &StreamRecorder::recordingFinished);
    connect(writer_, &RecordingWriter::failed, this, &StreamRecorder::writeFailed);
    thread_.start(QThread::LowPriority);
}

StreamRecorder::~StreamRecorder() {
    end();
    thread_.quit();  // queued writes before the quit still run
    thread_.wait();
}

QString StreamRecorder::defaultDirectory() {
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation))
        .filePath(QStringLiteral("recordings"));
}

void StreamRecorder::begin() {
    if (!enabled_) return;
    if (open_) end();
    open_ = true;
    backlog_ = 0;
    const QString stamp = QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    QMetaObject::invokeMethod(
        writer_, [w = writer_, stamp] { w->open(stamp); }, Qt::QueuedConnection);
}

void StreamRecorder::append(const QByteArray& bytes) {
    if (!open_ || bytes.isEmpty()) return;
    if (backlog_.fetch_add(bytes.size()) + bytes.size() > kMaxBacklog) {
        open_ = false;  // the disk cannot keep up: give this recording up rather than hoard memory
        emit writeFailed(tr("The disk is too slow to keep up; this run is not recorded."));
        QMetaObject::invokeMethod(
            writer_, [w = writer_] { w->close(); }, Qt::QueuedConnection);
        return;
    }
    QMetaObject::invokeMethod(
        writer_,
        [w = writer_, bytes, backlog = &backlog_] {
            w->write(bytes);
            backlog->fetch_sub(bytes.size());
        },
        Qt::QueuedConnection);
}

void StreamRecorder::end() {
    if (!open_) return;
    open_ = false;
    QMetaObject::invokeMethod(
        writer_, [w = writer_] { w->close(); }, Qt::QueuedConnection);
}

bool StreamRecorder::flush(int timeoutMs) {
    auto done = std::make_shared<QSemaphore>();
    QMetaObject::invokeMethod(
        writer_, [done] { done->release(); }, Qt::QueuedConnection);
    return done->tryAcquire(1, timeoutMs);
}

}  // namespace poolscope::ui
