#include "ui/recording_loader.h"

#include <QFileInfo>
#include <QTimer>

#include "ui/session_model.h"

namespace poolscope::ui {

RecordingLoader::RecordingLoader(SessionModel& session, QObject* parent)
    : QObject(parent), session_(session) {}

bool RecordingLoader::open(const QString& path) {
    if (isLoading()) return false;
    name_ = QFileInfo(path).fileName();
    const QFileInfo info(path);
    if (info.isDir()) {
        emit failed(tr("%1 is a folder, not a recording.").arg(path));
        return false;
    }
    file_.setFileName(path);
    if (!file_.open(QIODevice::ReadOnly)) {
        emit failed(tr("Cannot open %1: %2").arg(path, file_.errorString()));
        return false;
    }
    feed_.reset();
    read_ = 0;
    QTimer::singleShot(0, this, &RecordingLoader::readSlice);
    return true;
}

void RecordingLoader::cancel() {
    file_.close();
    feed_.reset();
}

// One slice: read a bounded block, parse its whole lines, then give the event loop its turn.
void RecordingLoader::readSlice() {
    if (!file_.isOpen()) return;  // cancelled
    const QByteArray block = file_.read(kSliceBytes);
    if (block.isEmpty()) return finish();  // end of file (or a read error, reported there)
    read_ += block.size();
    feed_.feed(block);
    feed_.drain();
    emit progress(read_, file_.size());
    QTimer::singleShot(0, this, &RecordingLoader::readSlice);
}

QString RecordingLoader::problems() const {
    QString text;
    if (file_.error() != QFileDevice::NoError)
        text = tr("Reading stopped early: %1.").arg(file_.errorString());
    if (feed_.errorCount() > 0) {
        if (!text.isEmpty()) text += QLatin1Char(' ');
        text += feed_.firstError();
        if (feed_.errorCount() > 1)
            text += tr(" (%n more bad line(s) skipped)", "", feed_.errorCount() - 1);
    }
    return text;
}

void RecordingLoader::finish() {
    feed_.finish();
    const QString issues = problems();
    file_.close();
    const EventStream& stream = feed_.stream();
    if (read_ == 0 && issues.isEmpty()) {
        emit failed(tr("%1 is empty: there is no run to show.").arg(name_));
        return;
    }
    if (!feed_.hasHello() || stream.runs.empty()) {
        emit failed(issues.isEmpty()
                        ? tr("%1 holds no run.").arg(name_)
                        : tr("%1 holds no run that could be read: %2").arg(name_, issues));
        return;
    }
    bool whole = true;
    for (const auto& run : stream.runs) whole = whole && run.result.has_value();
    QString message = issues;
    if (!whole && message.isEmpty())
        message = tr("The recording ends before every run did; what it holds is shown.");
    const Request& request = session_.addRecordedRequest(
        name_, stream, whole ? RequestState::Done : RequestState::Stopped, message);
    const int id = request.id;
    feed_.reset();  // the session holds its own copy
    emit loaded(id, message);
}

}  // namespace poolscope::ui
