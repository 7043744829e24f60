#include "ui/recording_writer.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

namespace poolscope::ui {

RecordingWriter::RecordingWriter(const QString& directory, int keep)
    : directory_(directory), keep_(keep) {}

QStringList RecordingWriter::recordings(const QString& directory) {
    static const QRegularExpression ours(QStringLiteral("^\\d{8}-\\d{6}-\\d+\\.jsonl$"));
    QStringList names;
    const QFileInfoList files =
        QDir(directory).entryInfoList({QStringLiteral("*.jsonl")}, QDir::Files, QDir::Time);
    for (const QFileInfo& f : files)
        if (ours.match(f.fileName()).hasMatch()) names << f.absoluteFilePath();
    return names;
}

void RecordingWriter::open(const QString& stamp) {
    close();
    failed_ = false;
    if (!QDir().mkpath(directory_))
        return fail(tr("Cannot create the recordings folder %1.").arg(directory_));
    // N tells apart the streams that began within the same second.
    const QDir dir(directory_);
    for (int n = 1;; ++n) {
        const QString path = dir.filePath(QStringLiteral("%1-%2.jsonl").arg(stamp).arg(n));
        if (QFileInfo::exists(path)) continue;
        file_.setFileName(path);
        break;
    }
    if (!file_.open(QIODevice::WriteOnly | QIODevice::NewOnly))
        return fail(tr("Cannot record to %1: %2").arg(file_.fileName(), file_.errorString()));
    emit opened(file_.fileName());
    prune();
}

void RecordingWriter::write(const QByteArray& bytes) {
    if (failed_ || !file_.isOpen()) return;
    if (file_.write(bytes) != bytes.size())
        fail(tr("Cannot write to %1: %2").arg(file_.fileName(), file_.errorString()));
}

void RecordingWriter::close() {
    if (!file_.isOpen()) return;
    const bool ok = file_.flush() && !failed_;
    const QString path = file_.fileName();
    file_.close();
    if (!ok) {
        if (!failed_) fail(tr("Cannot write to %1: %2").arg(path, file_.errorString()));
        return;
    }
    reported_ = false;
    emit closed(path);
}

// What was written stays: a cut-off recording still opens, up to where it was cut.
void RecordingWriter::fail(const QString& message) {
    failed_ = true;
    if (file_.isOpen()) file_.close();
    if (reported_) return;
    reported_ = true;
    emit failed(message);
}

void RecordingWriter::prune() {
    const QStringList all = recordings(directory_);
    for (qsizetype i = keep_; i < all.size(); ++i)
        if (all[i] != file_.fileName()) QFile::remove(all[i]);
}

}  // namespace poolscope::ui
