#include "ui/sweep_runner.h"

#include <vector>

#include "app/cli/run_options.h"

namespace poolscope::ui {

namespace {
constexpr int kPollMs = 200;  // how often the event file is read: 5 Hz is enough for a bar
}

SweepRunner::SweepRunner(QObject* parent) : QObject(parent) {
    poll_.setInterval(kPollMs);
    connect(&poll_, &QTimer::timeout, this, &SweepRunner::poll);
    connect(&client_, &EngineClient::finished, this, &SweepRunner::onFinished);
}

bool SweepRunner::start(const RunSettings& base, const SweepSettings& sweep, int usableCores,
                        QString* error) {
    if (isRunning()) return false;
    std::vector<SweepAxis> axes;
    if (auto e = sweepAxes(sweep, axes)) {
        if (error) *error = *e;
        return false;
    }
    // The fixed options as the CLI reads them: the base's, with single-valued axes applied.
    RunSettings fixed = base;
    fixed.repeat = sweep.repeat;
    cli::RunOptions options;
    std::string err;
    std::vector<std::string> argv;
    for (const QString& a : toArguments(fixed, RunMode::Parallel)) argv.push_back(a.toStdString());
    if (!cli::parse_run_options(argv, options, err)) {
        if (error) *error = QString::fromStdString(err);
        return false;
    }
    std::vector<SweepAxis> varied;
    for (auto& a : axes) {
        if (a.values.size() == 1)
            apply_axis_value(options.config, a.name, a.values.front());
        else
            varied.push_back(std::move(a));
    }
    dir_ = std::make_unique<QTemporaryDir>();
    if (!dir_->isValid()) {
        if (error) *error = tr("cannot make a temporary folder: %1").arg(dir_->errorString());
        return false;
    }
    const QString eventsPath = dir_->filePath(QStringLiteral("sweep.jsonl"));
    events_.close();
    events_.setFileName(eventsPath);
    progress_ = std::make_unique<SweepProgress>(options.config, std::move(varied), usableCores);
    arguments_ = sweepArguments(base, sweep);
    QStringList args = arguments_;
    args << QStringLiteral("--json") << QStringLiteral("--events") << eventsPath;
    result_.reset();
    clock_.start();
    client_.startDocument(QStringLiteral("sweep"), args);
    poll_.start();
    emit progressed();
    return true;
}

void SweepRunner::stop() {
    client_.stop();
}

double SweepRunner::elapsedSeconds() const {
    return clock_.isValid() ? static_cast<double>(clock_.elapsed()) / 1000.0 : 0;
}

void SweepRunner::poll() {
    if (!progress_) return;
    if (!events_.isOpen() && !events_.open(QIODevice::ReadOnly | QIODevice::Unbuffered))
        return;  // not written yet
    const QByteArray bytes = events_.readAll();
    if (bytes.isEmpty()) return;
    progress_->feed(bytes);
    emit progressed();
}

void SweepRunner::onFinished(const EngineExit& exit) {
    poll();
    poll_.stop();
    events_.close();
    dir_.reset();  // the stream was only for the progress
    const QByteArray& doc = client_.document();
    QString message = exit.message;
    result_.reset();
    if (!doc.trimmed().isEmpty()) {
        QString why;
        result_ = parseSweepDocument(doc, &why);
        if (!result_ && message.isEmpty())
            message = tr("the sweep's document cannot be read: %1").arg(why);
    } else if (message.isEmpty()) {
        message = tr("the sweep printed no document (exit status %1)").arg(exit.code);
    }
    emit finished(exit.crashed ? -1 : exit.code, message);
}

}  // namespace poolscope::ui
