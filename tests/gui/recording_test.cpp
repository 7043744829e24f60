// Recording and opening streams: the recorder writes each stream byte for byte into its own
// numbered file and keeps only the newest ones; a write failure is reported once and the GUI
// goes on. Opening a recording loads it as a finished request; a cut-off, corrupt, empty,
// binary or missing file loads what could be read (or nothing) with a message naming the line.
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "support/gui_test_paths.h"
#include "ui/engine_client.h"
#include "ui/recording_loader.h"
#include "ui/recording_writer.h"
#include "ui/session_model.h"
#include "ui/stream_recorder.h"

using namespace poolscope;
using namespace poolscope::ui;

namespace {

QByteArray fixtureBytes(const char* name) {
    QFile f(test::fixture(name));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QString writeFile(const QTemporaryDir& dir, const char* name, const QByteArray& bytes) {
    const QString path = dir.filePath(QString::fromUtf8(name));
    QFile f(path);
    if (f.open(QIODevice::WriteOnly)) f.write(bytes);
    return path;
}

struct Outcome {
    bool loaded = false;
    int request = 0;
    QString message;
};

// Opens `path` and waits for the loader's verdict.
Outcome load(SessionModel& session, const QString& path) {
    RecordingLoader loader(session);
    QSignalSpy loaded(&loader, &RecordingLoader::loaded);
    QSignalSpy failed(&loader, &RecordingLoader::failed);
    if (loader.open(path))
        (void)QTest::qWaitFor([&] { return !loaded.isEmpty() || !failed.isEmpty(); }, 10000);
    Outcome o;
    if (!loaded.isEmpty()) {
        o.loaded = true;
        o.request = loaded.first().at(0).toInt();
        o.message = loaded.first().at(1).toString();
    } else if (!failed.isEmpty()) {
        o.message = failed.first().at(0).toString();
    }
    return o;
}

}  // namespace

class RecordingTest : public QObject {
    Q_OBJECT

  private slots:
    void recorderWritesTheStreamAsItCame() {
        QTemporaryDir dir;
        const QByteArray stream = fixtureBytes("compare_sleep.jsonl");
        QVERIFY(stream.size() > 1000);
        StreamRecorder recorder(dir.filePath(QStringLiteral("recordings")));
        QSignalSpy finished(&recorder, &StreamRecorder::recordingFinished);
        recorder.begin();
        // In pieces that split lines, as a pipe delivers them.
        for (qsizetype at = 0; at < stream.size(); at += 777) recorder.append(stream.mid(at, 777));
        recorder.end();
        QTRY_COMPARE(finished.size(), 1);
        const QString path = finished.first().first().toString();
        QVERIFY(QFileInfo(path).fileName().contains(
            QRegularExpression(QStringLiteral("^\\d{8}-\\d{6}-1\\.jsonl$"))));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), stream);

        // A second stream in the same second gets the next number.
        recorder.begin();
        recorder.append("{}\n");
        recorder.end();
        QTRY_COMPARE(finished.size(), 2);
        QVERIFY(finished.last().first().toString() != path);
    }

    void recorderKeepsWhatTheEngineSent() {
        QTemporaryDir dir;
        StreamRecorder recorder(dir.filePath(QStringLiteral("recordings")));
        QSignalSpy finished(&recorder, &StreamRecorder::recordingFinished);
        EngineClient client;
        client.setEnginePath(test::cliPath());
        QByteArray received;
        connect(&client, &EngineClient::started, &recorder, &StreamRecorder::begin);
        connect(&client, &EngineClient::bytesReceived, &recorder, &StreamRecorder::append);
        connect(&client, &EngineClient::bytesReceived, this,
                [&](const QByteArray& bytes) { received += bytes; });
        connect(&client, &EngineClient::finished, &recorder, &StreamRecorder::end);
        QSignalSpy done(&client, &EngineClient::finished);
        QVERIFY(client.start({QStringLiteral("--workload"), QStringLiteral("square"),
                              QStringLiteral("--size"), QStringLiteral("1000"),
                              QStringLiteral("--workers"), QStringLiteral("2"),
                              QStringLiteral("--compare")}));
        QVERIFY(done.wait(30000));
        QTRY_COMPARE(finished.size(), 1);
        QFile f(finished.first().first().toString());
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray recorded = f.readAll();
        QCOMPARE(recorded, received);
        // And it opens again as the same two runs.
        SessionModel session;
        const Outcome o = load(session, f.fileName());
        QVERIFY2(o.loaded && o.message.isEmpty(), qPrintable(o.message));
        QCOMPARE(session.findRequest(o.request)->runs.size(), std::size_t(2));
        QCOMPARE(session.findRequest(o.request)->runs[1].result->checksum,
                 client.feed().stream().runs[1].result->checksum);
    }

    void recorderKeepsTheNewest() {
        QTemporaryDir dir;
        const QString folder = dir.filePath(QStringLiteral("recordings"));
        QDir().mkpath(folder);
        // Someone else's file in the folder is never touched.
        writeFile(dir, "recordings/notes.jsonl", "mine\n");
        StreamRecorder recorder(folder);
        QSignalSpy finished(&recorder, &StreamRecorder::recordingFinished);
        for (int i = 0; i < StreamRecorder::kKeep + 5; ++i) {
            recorder.begin();
            recorder.append(QByteArray::number(i) + '\n');
            recorder.end();
        }
        QTRY_COMPARE(finished.size(), StreamRecorder::kKeep + 5);
        QCOMPARE(RecordingWriter::recordings(folder).size(), StreamRecorder::kKeep);
        QVERIFY(QFile::exists(QDir(folder).filePath(QStringLiteral("notes.jsonl"))));
        // The newest survived.
        QFile newest(finished.last().first().toString());
        QVERIFY(newest.open(QIODevice::ReadOnly));
        QCOMPARE(newest.readAll(), QByteArray::number(StreamRecorder::kKeep + 4) + '\n');
    }

    void recorderFailureIsReportedOnce() {
        QTemporaryDir dir;
        // A file where the folder should be: nothing can be recorded there.
        const QString blocked = writeFile(dir, "blocked", "x");
        StreamRecorder recorder(blocked + QStringLiteral("/recordings"));
        QSignalSpy failed(&recorder, &StreamRecorder::writeFailed);
        for (int i = 0; i < 3; ++i) {
            recorder.begin();
            recorder.append("{}\n");
            recorder.end();
        }
        QVERIFY(recorder.flush());
        QTRY_COMPARE(failed.size(), 1);
        QTest::qWait(50);
        QCOMPARE(failed.size(), 1);
        QVERIFY(failed.first().first().toString().contains(blocked));
    }

    void opensARecordingAsARequest() {
        SessionModel session;
        const Outcome o = load(session, test::fixture("compare_square.jsonl"));
        QVERIFY(o.loaded);
        QVERIFY(o.message.isEmpty());
        const Request* r = session.findRequest(o.request);
        QVERIFY(r);
        QCOMPARE(r->title, QStringLiteral("compare_square.jsonl"));
        QCOMPARE(r->state, RequestState::Done);
        QCOMPARE(r->runs.size(), std::size_t(2));
        QVERIFY(r->runs[1].result);
        QVERIFY(r->comparison());
    }

    void truncatedFileLoadsWhatItHolds() {
        QTemporaryDir dir;
        QByteArray bytes = fixtureBytes("compare_square.jsonl");
        const qsizetype lastLine = bytes.lastIndexOf('\n', bytes.size() - 2) + 1;
        bytes.truncate(lastLine + 40);  // the run_end line, cut mid-way
        const int lines = int(bytes.count('\n')) + 1;
        SessionModel session;
        const Outcome o = load(session, writeFile(dir, "cut.jsonl", bytes));
        QVERIFY(o.loaded);
        QVERIFY2(o.message.contains(QStringLiteral("line %1").arg(lines)), qPrintable(o.message));
        const Request* r = session.findRequest(o.request);
        QCOMPARE(r->state, RequestState::Stopped);
        QVERIFY(r->runs[0].result);   // the serial run finished before the cut
        QVERIFY(!r->runs[1].result);  // the parallel one did not
    }

    void garbageLineIsNamedAndSkipped() {
        QTemporaryDir dir;
        QList<QByteArray> lines = fixtureBytes("compare_sleep.jsonl").split('\n');
        lines.insert(5, "this is not json {");
        SessionModel session;
        const Outcome o = load(session, writeFile(dir, "bad.jsonl", lines.join('\n')));
        QVERIFY(o.loaded);
        QVERIFY2(o.message.startsWith(QStringLiteral("line 6:")), qPrintable(o.message));
        const Request* r = session.findRequest(o.request);
        QCOMPARE(r->runs.size(), std::size_t(2));
        QVERIFY(r->runs[1].result);
    }

    void emptyBinaryAndMissingFilesFailWithAReason() {
        QTemporaryDir dir;
        SessionModel session;
        Outcome o = load(session, writeFile(dir, "empty.jsonl", {}));
        QVERIFY(!o.loaded);
        QVERIFY2(o.message.contains(QStringLiteral("empty")), qPrintable(o.message));

        QByteArray binary(200000, '\0');
        for (int i = 0; i < binary.size(); ++i) binary[i] = char((i * 7919) % 256);
        o = load(session, writeFile(dir, "binary.jsonl", binary));
        QVERIFY(!o.loaded);
        QVERIFY2(o.message.contains(QStringLiteral("line 1")), qPrintable(o.message));

        o = load(session, dir.filePath(QStringLiteral("missing.jsonl")));
        QVERIFY(!o.loaded);
        QVERIFY2(o.message.contains(QStringLiteral("missing.jsonl")), qPrintable(o.message));

        o = load(session, dir.path());
        QVERIFY(!o.loaded);
        QVERIFY(session.requests().empty());
    }
};

QTEST_MAIN(RecordingTest)
#include "recording_test.moc"
