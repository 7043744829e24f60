// The Sweep view built from a SWEEP document that `poolscope-cli sweep --json` printed (the
// fixture): the best cell, the fits' figures and the recommendation are the document's, read
// here independently with QJsonDocument; a disturbed or stopped sweep is said in words; "Use
// this setting" loads the best point into the controls; Save writes the document back unchanged.
#include <QCheckBox>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <map>

#include "support/gui_test_paths.h"
#include "ui/control_panel.h"
#include "ui/main_window.h"
#include "ui/sweep_form.h"
#include "ui/sweep_heatmap.h"
#include "ui/sweep_param_chart.h"
#include "ui/sweep_scaling.h"
#include "ui/sweep_text.h"
#include "ui/sweep_ucurve.h"
#include "ui/sweep_view.h"

using namespace poolscope;
using namespace poolscope::ui;

namespace {

const char* kFixture = "sweep_sleep.json";

QByteArray fixtureBytes() {
    QFile f(test::fixture(kFixture));
    if (!f.open(QIODevice::ReadOnly)) qFatal("missing fixture %s", kFixture);
    return f.readAll();
}

QJsonObject fixtureJson() {
    return QJsonDocument::fromJson(fixtureBytes()).object();
}

// The point with the lowest median wall, found here without the view's code.
int fastestPoint(const QJsonObject& doc) {
    const QJsonArray points = doc[QStringLiteral("points")].toArray();
    int best = -1;
    double wall = 1e300;
    for (int i = 0; i < points.size(); ++i) {
        const QJsonObject p = points[i].toObject();
        if (!p[QStringLiteral("ran")].toBool()) continue;
        const double m =
            p[QStringLiteral("wall_s")].toObject()[QStringLiteral("median")].toDouble();
        if (m < wall) wall = m, best = i;
    }
    return best;
}

}  // namespace

class SweepViewTest : public QObject {
    Q_OBJECT

  private slots:
    void theFixtureIsARealSweepWithFits() {
        // Printed by poolscope-cli sweep on a 2-core machine: USL fits, Amdahl (W ≤ usable
        // cores) cannot, and says why.
        const QJsonObject doc = fixtureJson();
        QCOMPARE(doc[QStringLiteral("type")].toString(), QStringLiteral("sweep"));
        QVERIFY(doc[QStringLiteral("fits")].toObject()[QStringLiteral("usl")].isObject());
        QVERIFY(doc[QStringLiteral("chunksize")].isObject());
        QVERIFY(doc[QStringLiteral("recommendation")].isObject());
    }

    void theHeatmapMarksTheBestCell() {
        MainWindow window;
        SweepView* view = window.sweepView();
        QVERIFY(view->openFile(test::fixture(kFixture)));
        const QJsonObject doc = fixtureJson();
        const int best =
            doc[QStringLiteral("recommendation")].toObject()[QStringLiteral("best")].toInt();
        QCOMPARE(best, fastestPoint(doc));
        const auto cell = view->heatmap()->grid().find(static_cast<std::size_t>(best));
        QVERIFY(cell.has_value());
        // The best cell's row and column are its workers and chunksize.
        const QJsonObject p = doc[QStringLiteral("points")].toArray()[best].toObject();
        const QJsonObject values = p[QStringLiteral("values")].toObject();
        QCOMPARE(QString::fromStdString(view->heatmap()->grid().rows[cell->first]),
                 QString::number(values[QStringLiteral("workers")].toInt()));
        const QJsonValue cs = values[QStringLiteral("chunksize")];
        QCOMPARE(QString::fromStdString(view->heatmap()->grid().columns[cell->second]),
                 cs.isString() ? cs.toString() : QString::number(cs.toInt()));
        // Its tooltip says it is the best and gives min … max.
        const QString tip = view->heatmap()->cellToolTip(static_cast<std::size_t>(best));
        QVERIFY2(tip.contains(QStringLiteral("best")), qPrintable(tip));
        QVERIFY2(tip.contains(QStringLiteral("min ")) && tip.contains(QStringLiteral("max ")),
                 qPrintable(tip));
    }

    void anOpenedSweepsAxesFillTheForm() {
        MainWindow window;
        SweepView* view = window.sweepView();
        QVERIFY(view->openFile(test::fixture(kFixture)));
        QStringList expected[2];
        const QJsonArray axes = fixtureJson()[QStringLiteral("axes")].toArray();
        for (int k = 0; k < 2; ++k)
            for (const auto& v : axes[k].toObject()[QStringLiteral("values")].toArray())
                expected[k] << (v.isString() ? v.toString() : QString::number(v.toInt()));
        const SweepSettings s = view->form()->settings();
        QCOMPARE(s.workers, expected[0].join(QLatin1Char(',')));
        QCOMPARE(s.chunksize, expected[1].join(QLatin1Char(',')));
        QVERIFY(!view->form()->validationError());
    }

    void anOpenedSweepWithoutADispatchAxisTicksTheDispatchItRanWith() {
        // The fixture varies workers and chunksize only; rewritten to have run imap_unordered,
        // which is not the control panel's default.
        QJsonObject doc = fixtureJson();
        QJsonObject config = doc[QStringLiteral("config")].toObject();
        config[QStringLiteral("dispatch")] = QStringLiteral("imap_unordered");
        doc[QStringLiteral("config")] = config;
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("imap_unordered.json"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QJsonDocument(doc).toJson());
        f.close();
        MainWindow window;
        SweepView* view = window.sweepView();
        QVERIFY(view->openFile(path));
        QStringList ticked;
        for (auto* box : view->form()->findChildren<QCheckBox*>())
            if (box->objectName().startsWith(QLatin1String("sweepDispatch:")) && box->isChecked())
                ticked << box->objectName().mid(14);
        QCOMPARE(ticked, QStringList{QStringLiteral("imap_unordered")});
        QCOMPARE(view->form()->settings().dispatch, QStringList{QStringLiteral("imap_unordered")});
    }

    void noDispatchTickedSaysTheControlPanelsRuns() {
        SweepForm form;
        auto* hint = form.findChild<QLabel*>(QStringLiteral("sweepDispatchHint"));
        QVERIFY(hint);
        SweepSettings s;
        form.setSettings(s);
        QVERIFY(!hint->isHidden());
        s.dispatch = QStringList{QStringLiteral("static")};
        form.setSettings(s);
        QVERIFY(hint->isHidden());
        form.findChild<QCheckBox*>(QStringLiteral("sweepDispatch:static"))->setChecked(false);
        QVERIFY(!hint->isHidden());
    }

    void colourTellsFasterFromSlower() {
        MainWindow window;
        SweepView* view = window.sweepView();
        QVERIFY(view->openFile(test::fixture(kFixture)));
        const SweepDocument* doc = view->document();
        std::size_t fast = 0, slow = 0;
        for (std::size_t i = 0; i < doc->points.size(); ++i) {
            if (doc->points[i].speedup > doc->points[fast].speedup) fast = i;
            if (doc->points[i].speedup < doc->points[slow].speedup) slow = i;
        }
        QVERIFY(doc->points[fast].speedup > 1.5 * doc->points[slow].speedup);
        const QColor f = view->heatmap()->cellColour(fast), s = view->heatmap()->cellColour(slow);
        QVERIFY(f.green() > f.red());  // faster: green
        QVERIFY(s.red() > f.red());
        view->heatmap()->setMeasure(SweepHeatmap::Measure::Wall);
        QVERIFY(view->heatmap()->cellText(fast).endsWith(QStringLiteral("s")));  // a duration
    }

    void theFitsFiguresAreInTheLegend() {
        MainWindow window;
        SweepView* view = window.sweepView();
        QVERIFY(view->openFile(test::fixture(kFixture)));
        const QJsonObject fits = fixtureJson()[QStringLiteral("fits")].toObject();
        const QJsonObject usl = fits[QStringLiteral("usl")].toObject();
        const QString names = view->scaling()->seriesNames().join(QLatin1Char('\n'));
        const QString sigma = QString::number(usl[QStringLiteral("sigma")].toDouble(), 'f', 4);
        const QString kappa = QString::number(usl[QStringLiteral("kappa")].toDouble(), 'f', 5);
        QVERIFY2(names.contains(QStringLiteral("σ = ") + sigma), qPrintable(names));
        QVERIFY2(names.contains(QStringLiteral("κ = ") + kappa), qPrintable(names));
        if (usl[QStringLiteral("peak_workers")].isNull()) {
            QVERIFY2(names.contains(QStringLiteral("no peak")), qPrintable(names));
        } else {
            const QString peak =
                QString::number(usl[QStringLiteral("peak_workers")].toDouble(), 'f', 1);
            QVERIFY2(names.contains(QStringLiteral("peak W ≈ ") + peak), qPrintable(names));
        }
        if (fits[QStringLiteral("amdahl")].isObject()) {
            const QString s = QString::number(fits[QStringLiteral("amdahl")]
                                                  .toObject()[QStringLiteral("serial_fraction")]
                                                  .toDouble(),
                                              'f', 3);
            QVERIFY2(names.contains(QStringLiteral("s = ") + s), qPrintable(names));
        } else {  // why it is missing is said
            const QString note = fits[QStringLiteral("note")].toString();
            QVERIFY(!note.isEmpty());
            QVERIFY2(view->scaling()->title().contains(note.toHtmlEscaped()),
                     qPrintable(view->scaling()->title()));
        }
        // The scaling plot shows the points the fits used.
        const QJsonArray used = fits[QStringLiteral("points")].toArray();
        QCOMPARE(view->scaling()->shownPoints().size(), static_cast<std::size_t>(used.size()));
        // One U-curve line per worker count.
        const QJsonArray axes = fixtureJson()[QStringLiteral("axes")].toArray();
        QCOMPARE(axes[0].toObject()[QStringLiteral("name")].toString(), QStringLiteral("workers"));
        for (const auto& w : axes[0].toObject()[QStringLiteral("values")].toArray())
            QVERIFY(
                view->uCurve()->seriesNames().contains(QStringLiteral("W = %1").arg(w.toInt())));
    }

    void anAmdahlFitIsDrawnWithItsFigures() {
        // A document whose Amdahl fit is given here (a machine with more cores fits one): the
        // legend carries s, its interval and the bound it sets.
        QJsonObject doc = fixtureJson();
        QJsonObject fits = doc[QStringLiteral("fits")].toObject();
        fits[QStringLiteral("amdahl")] = QJsonObject{{QStringLiteral("serial_fraction"), 0.125},
                                                     {QStringLiteral("low"), 0.1},
                                                     {QStringLiteral("high"), 0.15},
                                                     {QStringLiteral("max_speedup"), 8.0},
                                                     {QStringLiteral("points"), 6}};
        doc[QStringLiteral("fits")] = fits;
        QString error;
        auto parsed = parseSweepDocument(QJsonDocument(doc).toJson(), &error);
        QVERIFY2(parsed, qPrintable(error));
        MainWindow window;
        window.sweepView()->showDocument(std::move(*parsed));
        const QStringList names = window.sweepView()->scaling()->seriesNames();
        QVERIFY2(names.contains(QStringLiteral("Amdahl: s = 0.125 [0.100 … 0.150], at most 8.0×")),
                 qPrintable(names.join(QLatin1Char('\n'))));
    }

    void theRecommendationIsTheDocumentsSentence() {
        MainWindow window;
        SweepView* view = window.sweepView();
        QVERIFY(view->openFile(test::fixture(kFixture)));
        const QJsonObject rec = fixtureJson()[QStringLiteral("recommendation")].toObject();
        QVERIFY(view->recommendationText().startsWith(rec[QStringLiteral("text")].toString()));
        QVERIFY(view->recommendationText().contains(QStringLiteral("the formula ⌈n / 4W⌉ gives")));
        QVERIFY(view->warningText().isEmpty() == !rec[QStringLiteral("disturbed")].toBool());
    }

    void aDisturbedOrStoppedSweepIsSaidInWords() {
        QJsonObject doc = fixtureJson();
        QJsonObject rec = doc[QStringLiteral("recommendation")].toObject();
        rec[QStringLiteral("disturbed")] = true;
        doc[QStringLiteral("recommendation")] = rec;
        doc[QStringLiteral("interrupted")] = true;
        QString error;
        const auto parsed = parseSweepDocument(QJsonDocument(doc).toJson(), &error);
        QVERIFY2(parsed, qPrintable(error));
        const QString w = sweepWarningText(*parsed);
        QVERIFY2(w.contains(QStringLiteral("Disturbed")), qPrintable(w));
        QVERIFY2(w.contains(QStringLiteral("Stopped before the end")), qPrintable(w));
    }

    void useThisSettingLoadsTheBestPoint() {
        MainWindow window;
        SweepView* view = window.sweepView();
        QVERIFY(view->openFile(test::fixture(kFixture)));
        const QJsonObject doc = fixtureJson();
        const int best = fastestPoint(doc);
        const QJsonObject values = doc[QStringLiteral("points")]
                                       .toArray()[best]
                                       .toObject()[QStringLiteral("values")]
                                       .toObject();
        QVERIFY(view->useSetting());
        const RunSettings s = window.controls()->settings();
        QCOMPARE(s.workers, values[QStringLiteral("workers")].toInt());
        const QJsonValue cs = values[QStringLiteral("chunksize")];
        if (cs.isString())
            QVERIFY(!s.chunksize.has_value());
        else
            QVERIFY(s.chunksize == std::optional<quint64>(static_cast<quint64>(cs.toInt())));
        QCOMPARE(s.workload,
                 doc[QStringLiteral("config")].toObject()[QStringLiteral("workload")].toString());
        QCOMPARE(s.size,
                 static_cast<quint64>(
                     doc[QStringLiteral("config")].toObject()[QStringLiteral("size")].toInteger()));
    }

    void saveWritesTheDocumentBackAndItOpensAgain() {
        MainWindow window;
        SweepView* view = window.sweepView();
        QVERIFY(view->openFile(test::fixture(kFixture)));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("again.json"));
        QVERIFY(view->saveFile(path));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), fixtureBytes());
        MainWindow other;
        QVERIFY(other.sweepView()->openFile(path));
        QVERIFY(other.sweepView()->document()->best() == view->document()->best());
    }

    void aFileThatIsNotASweepIsRefusedInWords() {
        MainWindow window;
        SweepView* view = window.sweepView();
        QVERIFY(!view->openFile(test::fixture("compare_sleep.jsonl")));
        QVERIFY(view->document() == nullptr);
        QVERIFY(!view->openFile(QStringLiteral("/nonexistent/sweep.json")));
    }

    // A sweep over a workload parameter (printed by `poolscope-cli sweep --workload cpu --param
    // item_us=1,10,100 --size 200 --workers 2 --repeat 1`) reads as T and C against it: the
    // chart's points are each value's best point's T, C and 10·C from the document, read here
    // with QJsonDocument; the U-curve and scaling plot (one point each here) make way for it.
    void aParameterSweepShowsTAndCAgainstTheParameter() {
        MainWindow window;
        window.resize(1366, 768);
        window.show();
        SweepView* view = window.sweepView();
        QVERIFY(view->openFile(test::fixture("sweep_param.json")));
        QVERIFY(!view->paramChart()->isHidden());
        QVERIFY(view->uCurve()->isHidden());
        QFile f(test::fixture("sweep_param.json"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonArray points =
            QJsonDocument::fromJson(f.readAll()).object()[QStringLiteral("points")].toArray();
        std::map<double, QJsonObject> best;  // per item_us, the lowest median wall
        for (const auto& v : points) {
            const QJsonObject p = v.toObject();
            const double x =
                p[QStringLiteral("values")].toObject()[QStringLiteral("item_us")].toDouble();
            const auto wall = [](const QJsonObject& o) {
                return o[QStringLiteral("wall_s")].toObject()[QStringLiteral("median")].toDouble();
            };
            if (!best.count(x) || wall(p) < wall(best[x])) best[x] = p;
        }
        QCOMPARE(best.size(), std::size_t{3});
        SweepParamChart* chart = view->paramChart();
        const double scale = chart->unit() == QStringLiteral("ms")   ? 1e-3
                             : chart->unit() == QStringLiteral("µs") ? 1e-6
                             : chart->unit() == QStringLiteral("s")  ? 1
                                                                     : 0;
        QVERIFY2(scale > 0, qPrintable(chart->unit()));
        const auto t = chart->linePoints(QStringLiteral("T: task time"));
        const auto c = chart->linePoints(QStringLiteral("C: overhead per task"));
        const auto rule = chart->linePoints(QStringLiteral("10·C: T must pass it"));
        QCOMPARE(t.size(), 3);
        QCOMPARE(rule.size(), 3);
        int k = 0;
        for (const auto& [x, p] : best) {
            QCOMPARE(t[k].x(), x);
            QCOMPARE(t[k].y() * scale, p[QStringLiteral("T")].toDouble());
            QCOMPARE(c[k].y() * scale, p[QStringLiteral("C")].toDouble());
            QCOMPARE(rule[k].y(), 10 * c[k].y());
            ++k;
        }
        // A sweep of pool options only keeps the U-curve and has no parameter chart.
        QVERIFY(view->openFile(test::fixture(kFixture)));
        QVERIFY(view->paramChart()->isHidden());
        QVERIFY(!view->uCurve()->isHidden());
    }
};

QTEST_MAIN(SweepViewTest)
#include "sweep_view_test.moc"
