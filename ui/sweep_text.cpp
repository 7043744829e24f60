#include "ui/sweep_text.h"

#include <QCoreApplication>
#include <QStringList>

#include "ui/axis_units.h"

namespace poolscope::ui {

namespace {
struct SweepText {
    Q_DECLARE_TR_FUNCTIONS(SweepText)
};
}  // namespace

QString sweepRecommendationText(const SweepDocument& doc) {
    QString text = doc.recommendation ? QString::fromStdString(doc.recommendation->sentence)
                                      : SweepText::tr("No recommendation: no point finished.");
    if (const auto& cs = doc.chunksize) {
        const auto& best = doc.points[cs->best];
        text += SweepText::tr(
                    "\nChunksize: the best measured is %1 (%2); the formula ⌈n / 4W⌉ gives %3")
                    .arg(best.chunksize)
                    .arg(formatSeconds(best.wall.median))
                    .arg(cs->formula);
        text += cs->formula_cost_pct
                    ? SweepText::tr(", %1 % slower.")
                          .arg(QString::number(*cs->formula_cost_pct, 'f', 1))
                    : SweepText::tr(" (not among the points: add auto to the chunksize list).");
    }
    return text;
}

QString sweepWarningText(const SweepDocument& doc) {
    QStringList w;
    if (doc.recommendation && doc.recommendation->disturbed)
        w << SweepText::tr(
            "⚠ Disturbed: other programs took more than 10 % of the CPU during the sweep; run "
            "it again on a quiet machine before trusting it.");
    if (doc.interrupted)
        w << SweepText::tr(
                 "⚠ Stopped before the end: %1 of %2 points ran; the fits and the best use only "
                 "those.")
                 .arg(doc.pointsRan())
                 .arg(doc.points.size());
    for (const auto& p : doc.points)
        if (p.ran && !p.checksumsMatch) {
            w << SweepText::tr("⚠ A point's checksum differs from serial: its results are wrong.");
            break;
        }
    return w.join(QLatin1Char('\n'));
}

}  // namespace poolscope::ui
