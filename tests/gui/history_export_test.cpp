// The history's exports read back: the CSV has a header and the same number of fields on every
// row (a label with a comma, a quote and a line break stays one field); the JSON is an array of
// RESULT documents that the core reads back; a run's trace parses with its chunk slices; the
// Markdown table has a row per run; charts save as a PNG that loads and an SVG that parses.
#include <QBuffer>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>
#include <nlohmann/json.hpp>

#include "core/report/result_json.h"
#include "support/session_replay.h"
#include "ui/breakdown_chart.h"
#include "ui/chart_export.h"
#include "ui/history_export.h"
#include "ui/run_history_view.h"
#include "ui/session_model.h"

using namespace poolscope;
using namespace poolscope::ui;

namespace {

// RFC 4180 fields of a whole CSV text: one QStringList per record.
QList<QStringList> parseCsv(const QString& text) {
    QList<QStringList> records;
    QStringList fields;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (quoted) {
            if (c == u'"' && i + 1 < text.size() && text[i + 1] == u'"')
                field += text[++i];
            else if (c == u'"')
                quoted = false;
            else
                field += c;
        } else if (c == u'"') {
            quoted = true;
        } else if (c == u',') {
            fields << field;
            field.clear();
        } else if (c == u'\r' && i + 1 < text.size() && text[i + 1] == u'\n') {
            fields << field;
            records << fields;
            fields.clear();
            field.clear();
            ++i;
        } else {
            field += c;
        }
    }
    return records;
}

QList<RunRef> allRuns(const SessionModel& session) {
    QList<RunRef> refs;
    for (const auto& r : session.requests())
        for (const auto& run : r.runs) refs << RunRef{r.id, run.run_id};
    return refs;
}

}  // namespace

class HistoryExportTest : public QObject {
    Q_OBJECT

  private slots:
    void csvHasOneRowPerRunWithEveryField() {
        SessionModel session;
        QVERIFY(test::replayFixture(session, "compare_square.jsonl", QStringLiteral("Compare")));
        QVERIFY(test::replayFixture(session, "compare_sleep.jsonl", QStringLiteral("Compare")));
        const QString awkward = QStringLiteral("big, \"warm\"\npool");
        QVERIFY(session.setRunLabel({1, "2"}, awkward));
        // A run without a RESULT still has its row, with empty result fields.
        session.beginRequest(QStringLiteral("Run parallel"), {}, 1);
        EventStream s;
        s.runs.emplace_back().run_id = std::string(1, '1');  // (GCC 12 misreads a literal here)
        session.update(s);
        session.finishRequest(RequestState::Failed, QStringLiteral("crashed"));

        const QList<QStringList> records =
            parseCsv(QString::fromUtf8(historyCsv(session, allRuns(session))));
        QCOMPARE(records.size(), 1 + 5);
        const qsizetype columns = records.first().size();
        QVERIFY(columns > 40);
        for (const QStringList& r : records) QCOMPARE(r.size(), columns);
        const qsizetype name = records.first().indexOf(QStringLiteral("name"));
        const qsizetype wall = records.first().indexOf(QStringLiteral("wall_s"));
        const qsizetype state = records.first().indexOf(QStringLiteral("state"));
        QCOMPARE(records[2][name], awkward);
        QCOMPARE(records[2][wall].toDouble(), session.findRun({1, "2"})->result->wall_s);
        QCOMPARE(records[5][state], QStringLiteral("failed"));
        QVERIFY(records[5][wall].isEmpty());
    }

    void jsonIsAnArrayOfResults() {
        SessionModel session;
        QVERIFY(test::replayFixture(session, "compare_square.jsonl", QStringLiteral("Compare")));
        const QByteArray bytes = historyJson(session, allRuns(session));
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        QVERIFY(doc.isArray());
        QCOMPARE(doc.array().size(), 2);
        const RunResult back = result_from_json(nlohmann::json::parse(bytes.toStdString())[1]);
        const RunResult& original = *session.findRun({1, "2"})->result;
        QCOMPARE(back.wall_s, original.wall_s);
        QCOMPARE(back.checksum, original.checksum);
        QCOMPARE(back.breakdown, original.breakdown);
    }

    void traceHasTheRunsChunks() {
        SessionModel session;
        QVERIFY(test::replayFixture(session, "compare_square.jsonl", QStringLiteral("Compare")));
        const RunTrace* run = session.findRun({1, "2"});
        QVERIFY(run && !run->chunks.empty());
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(runTraceJson(*run), &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        const QJsonArray events = doc.object().value(QStringLiteral("traceEvents")).toArray();
        QVERIFY(!events.isEmpty());
        int slices = 0, counters = 0;
        for (const auto& e : events) {
            const QJsonObject o = e.toObject();
            if (o.value(QStringLiteral("ph")) == QStringLiteral("X") &&
                o.value(QStringLiteral("cat")) != QStringLiteral("run"))
                ++slices;
            if (o.value(QStringLiteral("ph")) == QStringLiteral("C")) ++counters;
        }
        QCOMPARE(slices, int(run->chunks.size()));
        QVERIFY(counters > 0);
    }

    void markdownHasARowPerRun() {
        SessionModel session;
        QVERIFY(test::replayFixture(session, "compare_square.jsonl", QStringLiteral("Compare")));
        QVERIFY(session.setRunLabel({1, "1"}, QStringLiteral("a|b")));
        const QString md = historyMarkdown(session, allRuns(session));
        const QStringList lines = md.trimmed().split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), 2 + 2);
        QVERIFY(lines[1].startsWith(QStringLiteral("| ---")));
        QVERIFY(lines[2].contains(QStringLiteral("a\\|b")));
        QCOMPARE(lines[2].count(QStringLiteral(" | ")), lines[0].count(QStringLiteral(" | ")));
    }

    void viewSavesFilesOfTheSelection() {
        QTemporaryDir dir;
        SessionModel session;
        RunHistoryView view(session);
        QVERIFY(test::replayFixture(session, "compare_square.jsonl", QStringLiteral("Compare")));
        view.selectRuns({{1, "2"}});
        QString error;
        const QString csv = dir.filePath(QStringLiteral("runs.csv"));
        QVERIFY2(view.saveCsv(csv, &error), qPrintable(error));
        QFile f(csv);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(parseCsv(QString::fromUtf8(f.readAll())).size(), 2);
        QVERIFY(view.saveTrace(dir.filePath(QStringLiteral("run.json")), &error));
        QVERIFY(!view.saveJson(dir.filePath(QStringLiteral("no/such/dir/x.json")), &error));
        QVERIFY(error.contains(QStringLiteral("x.json")));
    }

    void chartsSaveAsPngAndSvg() {
        QTemporaryDir dir;
        BreakdownChart chart;
        chart.resize(480, 240);
        QString error;
        const QString png = dir.filePath(QStringLiteral("chart.png"));
        QVERIFY2(saveWidgetImage(&chart, png, &error), qPrintable(error));
        QImage image;
        QVERIFY(image.load(png));
        QCOMPARE(image.size(), chart.grab().size());
        const QString svg = dir.filePath(QStringLiteral("chart.svg"));
        QVERIFY2(saveWidgetImage(&chart, svg, &error), qPrintable(error));
        QFile f(svg);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&f);
        int elements = 0;
        while (!xml.atEnd())
            if (xml.readNext() == QXmlStreamReader::StartElement) ++elements;
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QVERIFY(elements > 10);
    }
};

QTEST_MAIN(HistoryExportTest)
#include "history_export_test.moc"
