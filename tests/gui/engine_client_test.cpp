// EngineClient and StreamFeed against the real engine, recorded streams and a fake engine that
// refuses, writes garbage, crashes, stops mid-line or hangs: each ends with the right words,
// in bounded time, with what came before kept and no process left behind.
#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTest>

#include "support/gui_test_paths.h"
#include "support/process_table.h"
#include "ui/engine_client.h"
#include "ui/session_model.h"

using namespace poolscope;
using namespace poolscope::ui;

namespace {

QByteArray readFixture(const char* name) {
    QFile f(test::fixture(name));
    if (!f.open(QIODevice::ReadOnly)) qFatal("missing fixture %s", name);
    return f.readAll();
}

EngineExit waitFinished(EngineClient& client, QSignalSpy& spy, int ms) {
    if (spy.isEmpty() && !spy.wait(ms)) return {-999, true, QStringLiteral("timed out")};
    (void)client;
    return spy.first().first().value<EngineExit>();
}

}  // namespace

class EngineClientTest : public QObject {
    Q_OBJECT

  private slots:
    void init() { qunsetenv("FAKE_ENGINE"); }

    void feedInPiecesGivesTheSameStreamAsAWholeFile() {
        const QByteArray bytes = readFixture("compare_sleep.jsonl");
        StreamFeed whole, pieces;
        whole.feed(bytes);
        whole.finish();
        for (qsizetype i = 0; i < bytes.size(); i += 97) pieces.feed(bytes.mid(i, 97));
        pieces.finish();
        QCOMPARE(pieces.errorCount(), 0);
        QCOMPARE(pieces.stream().runs.size(), std::size_t{2});
        QCOMPARE(pieces.stream().runs[1].samples.size(), whole.stream().runs[1].samples.size());
        QVERIFY(pieces.stream().runs[1].result.has_value());
    }

    void aLongStreamFedInPiecesKeepsOnlyItsUnparsedTail() {
        const QByteArray bytes = readFixture("compare_sleep.jsonl");
        StreamFeed feed;
        qsizetype largest = 0;
        for (int round = 0; round < 3; ++round) {  // a live run: never a moment when all is parsed
            for (qsizetype i = 0; i < bytes.size(); i += 1000) {
                feed.feed(bytes.mid(i, 1000));
                feed.drain();
                largest = std::max(largest, feed.bufferedBytes());
            }
        }
        QVERIFY2(largest < 16 * 1024, qPrintable(QString::number(largest)));
    }

    void recordedCompareFillsTheSession() {
        StreamFeed feed;
        feed.feed(readFixture("compare_sleep.jsonl"));
        feed.finish();
        SessionModel session;
        session.beginRequest(QStringLiteral("Compare"), {}, 1);
        session.update(feed.stream());
        const Request* r = session.current();
        QVERIFY(r);
        QCOMPARE(r->runs.size(), std::size_t{2});
        QVERIFY(r->runs[0].serial);
        QVERIFY(!r->runs[1].serial);
        QCOMPARE(r->runs[1].items_done, uint64_t{200});
        QVERIFY(!r->runs[1].cpu.empty());
        QVERIFY(!r->runs[1].memory.empty());
        QVERIFY(r->runs[1].workers_ready >= 2);
        const auto c = r->comparison();
        QVERIFY(c.has_value());
        QVERIFY(c->checksums_match);
        QVERIFY(session.takeDirty());
        QVERIFY(!session.takeDirty());
        session.update(feed.stream());  // nothing new: nothing taken in twice
        QCOMPARE(session.current()->runs[1].progress.size(), r->runs[1].progress.size());
        QVERIFY(!session.takeDirty());
    }

    void aRealCompareEndsWithBothResults() {
        EngineClient client;
        client.setEnginePath(test::cliPath());
        SessionModel session;
        connect(&client, &EngineClient::streamAdvanced, this,
                [&] { session.update(client.feed().stream()); });
        QSignalSpy done(&client, &EngineClient::finished);
        session.beginRequest(QStringLiteral("Compare"), {}, 1);
        QVERIFY(client.start({QStringLiteral("--workload"), QStringLiteral("square"),
                              QStringLiteral("--size"), QStringLiteral("1000"),
                              QStringLiteral("--workers"), QStringLiteral("2"),
                              QStringLiteral("--compare")}));
        const EngineExit exit = waitFinished(client, done, 60000);
        QCOMPARE(exit.code, 0);
        QVERIFY(!exit.crashed);
        session.update(client.feed().stream());
        const auto c = session.current()->comparison();
        QVERIFY(c.has_value());
        QVERIFY(c->checksums_match);
        QCOMPARE(c->parallel.representative().items, uint64_t{1000});
    }

    void aRefusalCarriesTheEnginesWords() {
        EngineClient client;
        client.setEnginePath(test::cliPath());
        QSignalSpy done(&client, &EngineClient::finished);
        client.start({QStringLiteral("--workload"), QStringLiteral("square"),
                      QStringLiteral("--chunksize"), QStringLiteral("0")});
        const EngineExit exit = waitFinished(client, done, 30000);
        QCOMPARE(exit.code, 2);
        QVERIFY2(exit.message.startsWith(QStringLiteral("--chunksize")), qPrintable(exit.message));
    }

    void garbageIsReportedWithItsLineAndTheRestIsKept() {
        qputenv("FAKE_ENGINE", "garbage");
        EngineClient client;
        client.setEnginePath(test::fixture("fake_engine.sh"));
        QSignalSpy errors(&client, &EngineClient::streamError);
        QSignalSpy done(&client, &EngineClient::finished);
        client.start({});
        const EngineExit exit = waitFinished(client, done, 30000);
        QCOMPARE(exit.code, 0);
        QCOMPARE(errors.size(), 1);
        QVERIFY2(errors.first().first().toString().startsWith(QStringLiteral("line 4:")),
                 qPrintable(errors.first().first().toString()));
        QCOMPARE(client.feed().stream().runs.size(), std::size_t{2});
        QVERIFY(client.feed().stream().runs[1].result.has_value());
    }

    void aCrashEndsTheRequestAndKeepsWhatCame() {
        qputenv("FAKE_ENGINE", "crash");
        EngineClient client;
        client.setEnginePath(test::fixture("fake_engine.sh"));
        QSignalSpy done(&client, &EngineClient::finished);
        client.start({});
        const EngineExit exit = waitFinished(client, done, 30000);
        QVERIFY(exit.crashed);
        QVERIFY(exit.message.contains(QStringLiteral("crashed")));
        QVERIFY(client.feed().hasHello());
        QVERIFY(!client.feed().stream().runs.empty());
    }

    void aStreamCutMidLineNamesTheLine() {
        qputenv("FAKE_ENGINE", "truncated");
        EngineClient client;
        client.setEnginePath(test::fixture("fake_engine.sh"));
        QSignalSpy errors(&client, &EngineClient::streamError);
        QSignalSpy done(&client, &EngineClient::finished);
        client.start({});
        const EngineExit exit = waitFinished(client, done, 30000);
        QCOMPARE(exit.code, 1);
        QCOMPARE(errors.size(), 1);
        QVERIFY2(errors.first().first().toString().contains(QStringLiteral("cut off")),
                 qPrintable(errors.first().first().toString()));
    }

    void anEngineThatIgnoresStopIsKilledInBoundedTime() {
        qputenv("FAKE_ENGINE", "hang");
        EngineClient client;
        client.setEnginePath(test::fixture("fake_engine.sh"));
        QSignalSpy done(&client, &EngineClient::finished);
        QSignalSpy advanced(&client, &EngineClient::streamAdvanced);
        client.start({});
        QVERIFY(advanced.wait(10000));
        QElapsedTimer clock;
        clock.start();
        client.stop();
        const EngineExit exit = waitFinished(client, done, 10000);
        QVERIFY(exit.crashed);
        QVERIFY(clock.elapsed() < EngineClient::kStopKillMs + 3000);
        QVERIFY(!client.isRunning());
    }

    void stopEndsARealRunWithinASecondAndLeavesNoProcess() {
        EngineClient client;
        client.setEnginePath(test::cliPath());
        QSignalSpy done(&client, &EngineClient::finished);
        SessionModel session;
        session.beginRequest(QStringLiteral("Run parallel"), {}, 1);
        connect(&client, &EngineClient::streamAdvanced, this,
                [&] { session.update(client.feed().stream()); });
        client.start({QStringLiteral("--workload"), QStringLiteral("sleep"),
                      QStringLiteral("--param"), QStringLiteral("ms=20"), QStringLiteral("--size"),
                      QStringLiteral("2000"), QStringLiteral("--workers"), QStringLiteral("2"),
                      QStringLiteral("--chunksize"), QStringLiteral("1")});
        // Wait until chunks are finishing, then stop.
        QTRY_VERIFY_WITH_TIMEOUT(
            !session.current()->runs.empty() && session.current()->runs[0].items_done > 4, 20000);
        const QList<pid_t> workers = test::childrenOf(static_cast<pid_t>(client.processId()));
        QVERIFY(!workers.isEmpty());
        QElapsedTimer clock;
        clock.start();
        client.stop();
        const EngineExit exit = waitFinished(client, done, 10000);
        QCOMPARE(exit.code, 130);
        QVERIFY2(clock.elapsed() < 2500, qPrintable(QString::number(clock.elapsed())));
        session.update(client.feed().stream());
        const RunTrace& run = session.current()->runs[0];
        QVERIFY(run.result.has_value());
        QVERIFY(run.result->partial);
        QVERIFY(run.items_done > 0 && run.items_done < 2000);
        for (pid_t w : workers) QVERIFY(!test::processExists(w));
    }

    void destroyingTheClientMidRunEndsTheEngine() {
        pid_t engine = 0;
        QList<pid_t> workers;
        {
            EngineClient client;
            client.setEnginePath(test::cliPath());
            QSignalSpy advanced(&client, &EngineClient::streamAdvanced);
            client.start({QStringLiteral("--workload"), QStringLiteral("sleep"),
                          QStringLiteral("--size"), QStringLiteral("2000"),
                          QStringLiteral("--workers"), QStringLiteral("2")});
            QTRY_VERIFY_WITH_TIMEOUT(client.feed().stream().runs.size() == 1 &&
                                         client.feed().stream().runs[0].workers.size() >= 2,
                                     20000);
            engine = static_cast<pid_t>(client.processId());
            workers = test::childrenOf(engine);
        }
        QVERIFY(engine > 0);
        QTRY_VERIFY_WITH_TIMEOUT(!test::processExists(engine), 3000);
        for (pid_t w : workers) QTRY_VERIFY_WITH_TIMEOUT(!test::processExists(w), 3000);
    }
};

QTEST_GUILESS_MAIN(EngineClientTest)
#include "engine_client_test.moc"
