// What a live chart draws is what the data shows at the plot's size: decimation keeps the first
// and the last point, never more than two points per pixel column (plus the ends), leaves every
// dropped point within half a pixel of the drawn line, and gives back the data's own points.
// The decimator replaces a series only when what shows changed, and draws every point when the
// chart has not been laid out.
#include <QChart>
#include <QChartView>
#include <QLineSeries>
#include <QRandomGenerator>
#include <QTest>
#include <QValueAxis>
#include <cmath>

#include "ui/chart_decimation.h"

using namespace poolscope::ui;

namespace {

PlotWindow window(double x1, double y1, double w, double h) {
    PlotWindow pw;
    pw.x1 = x1;
    pw.y1 = y1;
    pw.pixels = QSizeF(w, h);
    return pw;
}

// The largest distance, in pixels, from any input point to the polyline through `kept`.
double worstMiss(const QList<QPointF>& all, const QList<QPointF>& kept, const PlotWindow& w) {
    const double sx = w.pixels.width() / (w.x1 - w.x0), sy = w.pixels.height() / (w.y1 - w.y0);
    const auto px = [&](QPointF p) { return QPointF((p.x() - w.x0) * sx, (p.y() - w.y0) * sy); };
    double worst = 0;
    for (const QPointF& p : all) {
        double best = 1e300;
        for (qsizetype i = 1; i < kept.size(); ++i) {
            const QPointF a = px(kept[i - 1]), b = px(kept[i]), q = px(p);
            const QPointF d = b - a;
            const double len2 = QPointF::dotProduct(d, d);
            const double t =
                len2 > 0 ? std::clamp(QPointF::dotProduct(q - a, d) / len2, 0.0, 1.0) : 0.0;
            const QPointF e = a + t * d - q;
            best = std::min(best, std::hypot(e.x(), e.y()));
        }
        worst = std::max(worst, best);
    }
    return worst;
}

}  // namespace

class ChartDecimationTest : public QObject {
    Q_OBJECT

  private slots:
    void aFlatLineIsTwoPoints() {
        QList<QPointF> flat;
        for (int i = 0; i <= 3000; ++i) flat.append({i * 0.01, 42.0});
        const auto kept = decimateForPlot(flat, window(30, 100, 400, 200));
        QCOMPARE(kept.size(), 2);
        QCOMPARE(kept.front(), flat.front());
        QCOMPARE(kept.back(), flat.back());
    }

    void noisyLinesKeepTheirShapeWithinHalfAPixel() {
        QRandomGenerator rng(7);
        QList<QPointF> cpu;  // an hour of 10 Hz samples of a busy, noisy core
        for (int i = 0; i < 36000; ++i) cpu.append({i * 0.1, 60 + 40 * rng.generateDouble()});
        const PlotWindow w = window(3600, 100, 500, 180);
        const auto kept = decimateForPlot(cpu, w);
        QVERIFY2(kept.size() <= 2 * 500 + 2, qPrintable(QString::number(kept.size())));
        QCOMPARE(kept.front(), cpu.front());
        QCOMPARE(kept.back(), cpu.back());
        for (qsizetype i = 1; i < kept.size(); ++i) QVERIFY(kept[i].x() >= kept[i - 1].x());
        // Each pixel column's extremes are drawn: the line spans what the samples span.
        const auto [lo, hi] = std::minmax_element(
            kept.begin(), kept.end(), [](QPointF a, QPointF b) { return a.y() < b.y(); });
        const auto [alo, ahi] = std::minmax_element(
            cpu.begin(), cpu.end(), [](QPointF a, QPointF b) { return a.y() < b.y(); });
        QCOMPARE(lo->y(), alo->y());
        QCOMPARE(hi->y(), ahi->y());
        for (const QPointF& p : kept) QVERIFY(cpu.contains(p));  // the data's own points
    }

    void aCurveStaysWithinHalfAPixel() {
        QList<QPointF> curve;  // progress that slows down: a smooth bend
        for (int i = 0; i <= 2000; ++i) curve.append({i * 0.015, 1e6 * std::sqrt(i / 2000.0)});
        const PlotWindow w = window(30, 1.05e6, 420, 200);
        const auto kept = decimateForPlot(curve, w);
        QVERIFY(kept.size() < 100);
        QVERIFY(kept.size() >= 5);
        QVERIFY2(worstMiss(curve, kept, w) <= 0.5 + 1e-9,
                 qPrintable(QString::number(worstMiss(curve, kept, w))));
    }

    void aSpikeIsNeverDropped() {
        QList<QPointF> line;
        for (int i = 0; i < 1000; ++i) line.append({double(i), i == 613 ? 90.0 : 10.0});
        const auto kept = decimateForPlot(line, window(1000, 100, 300, 150));
        QVERIFY(kept.contains(QPointF(613, 90)));
        QVERIFY(kept.size() <= 6);
    }

    void anUnlaidChartDrawsEveryPoint() {
        QList<QPointF> line;
        for (int i = 0; i < 100; ++i) line.append({double(i), 5.0});
        QCOMPARE(decimateForPlot(line, window(100, 10, 0, 0)), line);
        QCOMPARE(decimateForPlot(line, window(0, 10, 400, 200)), line);  // no x range yet
    }

    void theSeriesIsReplacedOnlyWhenWhatShowsChanged() {
        QChartView view;
        auto* chart = new QChart;
        auto* series = new QLineSeries;
        chart->addSeries(series);
        auto *x = new QValueAxis, *y = new QValueAxis;
        x->setRange(0, 10);
        y->setRange(0, 100);
        chart->addAxis(x, Qt::AlignBottom);
        chart->addAxis(y, Qt::AlignLeft);
        series->attachAxis(x);
        series->attachAxis(y);
        view.setChart(chart);
        view.resize(600, 400);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QTRY_VERIFY(chart->plotArea().width() > 100);
        ChartDecimator decimator(chart);
        decimator.setRange(0, 10, 0, 100);
        QList<QPointF> pts;
        for (int i = 0; i <= 1000; ++i) pts.append({i * 0.01, 50.0});
        decimator.setPoints(series, pts);
        QCOMPARE(series->count(), 2);
        QCOMPARE(decimator.replaces(), 1);
        // The same line, one more point inside the last pixel: nothing that shows changed.
        pts.insert(pts.size() - 1, QPointF(9.995, 50.0));
        decimator.setPoints(series, pts);
        QCOMPARE(decimator.replaces(), 1);
        // A step that shows: replaced.
        pts.append({10.0, 80.0});
        decimator.setPoints(series, pts);
        QCOMPARE(decimator.replaces(), 2);
        QCOMPARE(series->points().back(), QPointF(10.0, 80.0));
        // A bend drawn small, then in a bigger plot: decimated again from the full points.
        QList<QPointF> bend;
        for (int i = 0; i <= 2000; ++i) bend.append({i * 0.005, 100 * std::sqrt(i / 2000.0)});
        decimator.setPoints(series, bend);
        const qsizetype small = series->count();
        view.resize(1400, 1000);
        QTRY_VERIFY(chart->plotArea().width() > 1100);
        QVERIFY2(series->count() > small,
                 qPrintable(QStringLiteral("%1 then %2").arg(small).arg(series->count())));
        QCOMPARE(series->points().back(), bend.back());
    }
};

QTEST_MAIN(ChartDecimationTest)
#include "chart_decimation_test.moc"
