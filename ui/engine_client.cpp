#include "ui/engine_client.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace poolscope::ui {

namespace {
constexpr qsizetype kStderrKeep = 64 * 1024;
}

EngineClient::EngineClient(QObject* parent) : QObject(parent), engine_path_(findEngine()) {
    connect(&feed_, &StreamFeed::advanced, this, &EngineClient::streamAdvanced);
    connect(&feed_, &StreamFeed::lineError, this, &EngineClient::streamError);
    stop_timer_.setSingleShot(true);
    connect(&stop_timer_, &QTimer::timeout, this, [this] {
        if (!isRunning()) return;
        ++stop_stage_;
        if (stop_stage_ == 1) {
            process_->closeWriteChannel();
            stop_timer_.start(kStopTerminateMs - kStopCloseMs);
        } else if (stop_stage_ == 2) {
            process_->terminate();
            stop_timer_.start(kStopKillMs - kStopTerminateMs);
        } else {
            process_->kill();
        }
    });
}

EngineClient::~EngineClient() {
    shutdown();
}

QString EngineClient::findEngine() {
    const QString env = qEnvironmentVariable("POOLSCOPE_CLI");
    if (!env.isEmpty()) return env;
    const QString beside =
        QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("poolscope-cli"));
    if (QFileInfo(beside).isExecutable()) return beside;
    const QString onPath = QStandardPaths::findExecutable(QStringLiteral("poolscope-cli"));
    return onPath.isEmpty() ? beside : onPath;
}

bool EngineClient::start(const QStringList& runArguments) {
    QStringList args{QStringLiteral("run")};
    args << runArguments << QStringLiteral("--events") << QStringLiteral("-")
         << QStringLiteral("--control-stdin");
    return launch(args, true);
}

bool EngineClient::startDocument(const QString& command, const QStringList& arguments) {
    QStringList args{command};
    args << arguments << QStringLiteral("--control-stdin");
    return launch(args, false);
}

bool EngineClient::launch(const QStringList& args, bool events) {
    if (isRunning()) return false;
    feed_.reset();
    stderr_.clear();
    document_.clear();
    events_ = events;
    stop_stage_ = 0;
    stopping_ = false;
    delete process_;
    process_ = new QProcess(this);
    process_->setProcessChannelMode(QProcess::SeparateChannels);
    connect(process_, &QProcess::readyReadStandardOutput, this, [this] {
        const QByteArray bytes = process_->readAllStandardOutput();
        if (!events_) {
            document_.append(bytes);
            return;
        }
        emit bytesReceived(bytes);
        feed_.feed(bytes);
    });
    connect(process_, &QProcess::readyReadStandardError, this, [this] {
        stderr_.append(process_->readAllStandardError());
        if (stderr_.size() > kStderrKeep) stderr_.remove(0, stderr_.size() - kStderrKeep);
    });
    connect(process_, &QProcess::finished, this, &EngineClient::onFinished);
    connect(process_, &QProcess::errorOccurred, this, &EngineClient::onProcessError);
    connect(process_, &QProcess::started, this, &EngineClient::started);
    process_->start(engine_path_, args);
    return true;
}

void EngineClient::stop() {
    if (!isRunning() || stopping_) return;
    stopping_ = true;
    process_->write("stop\n");
    stop_timer_.start(kStopCloseMs);
}

bool EngineClient::isRunning() const {
    return process_ && process_->state() != QProcess::NotRunning;
}

void EngineClient::shutdown() {
    if (!isRunning()) return;
    process_->write("stop\n");
    process_->closeWriteChannel();
    if (!process_->waitForFinished(kStopTerminateMs)) {
        process_->kill();
        process_->waitForFinished(1000);
    }
}

// The engine's own words: its refusal ("poolscope-cli run: error: …") or last stderr line.
QString EngineClient::engineMessage() const {
    const QString text = QString::fromUtf8(stderr_);
    const QString marker = QStringLiteral("error: ");
    const auto lines = text.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (auto it = lines.rbegin(); it != lines.rend(); ++it) {
        const qsizetype at = it->indexOf(marker);
        if (at >= 0) return it->mid(at + marker.size()).trimmed();
    }
    return lines.isEmpty() ? QString() : lines.back().trimmed();
}

void EngineClient::onFinished(int code, QProcess::ExitStatus status) {
    stop_timer_.stop();
    if (events_) {
        feed_.feed(process_->readAllStandardOutput());
        feed_.finish();
    } else {
        document_.append(process_->readAllStandardOutput());
    }
    EngineExit exit;
    exit.code = code;
    exit.crashed = status == QProcess::CrashExit;
    if (exit.crashed) {
        exit.message = stopping_ && stop_stage_ >= 2
                           ? tr("the engine did not stop in time and was ended")
                           : tr("the engine crashed (%1)").arg(process_->errorString());
    } else if (code != 0 && code != 130) {
        exit.message = engineMessage();
    }
    emit finished(exit);
}

void EngineClient::onProcessError(QProcess::ProcessError error) {
    if (error != QProcess::FailedToStart) return;
    EngineExit exit;
    exit.code = -1;
    exit.crashed = true;
    exit.message =
        tr("cannot start the engine '%1': %2").arg(engine_path_, process_->errorString());
    emit finished(exit);
}

}  // namespace poolscope::ui
