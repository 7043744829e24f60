#include "ui/verdict_text.h"

#include <QCoreApplication>
#include <algorithm>

#include "ui/axis_units.h"

namespace poolscope::ui {

QString overheadName(Overhead o) {
    switch (o) {
        case Overhead::PoolLife:
            return QCoreApplication::translate("Verdict", "starting and ending the pool");
        case Overhead::MovingData:
            return QCoreApplication::translate("Verdict",
                                               "moving data (serialization and transfer)");
        case Overhead::Idle:
            break;
    }
    return QCoreApplication::translate("Verdict", "waiting (for work or a core, imbalance)");
}

QString verdictText(const Verdict& v) {
    switch (v.kind) {
        case VerdictKind::NoParallel:
            return QCoreApplication::translate(
                "Verdict", "Run Compare to see serial and parallel side by side.");
        case VerdictKind::Partial:
            return QCoreApplication::translate(
                       "Verdict",
                       "The parallel run did not finish (%n error(s)); the figures cover only the "
                       "items that finished.")
                .replace(QStringLiteral("%n"), QString::number(v.errors));
        case VerdictKind::ChecksumMismatch:
            return QCoreApplication::translate(
                "Verdict", "Serial and parallel results DIFFER: the checksums do not match.");
        case VerdictKind::Disturbed:
            return QCoreApplication::translate(
                       "Verdict",
                       "Other programs used %1 % of the CPU during these runs: speedup %2×, T %3, "
                       "C %4 are disturbed. No advice from them; run again on a quieter machine.")
                .arg(QString::number(v.outside_share * 100, 'f', 0),
                     QString::number(v.speedup, 'g', 3), formatSeconds(v.T), formatSeconds(v.C));
        case VerdictKind::Slower:
        case VerdictKind::Faster:
            break;
    }
    const QString rule = v.pays ? QCoreApplication::translate(
                                      "Verdict", "T > 10·C: the tasks are big enough for the pool")
                                : QCoreApplication::translate(
                                      "Verdict", "T < 10·C: the tasks are too small for the pool");
    const QString figures = QCoreApplication::translate("Verdict", "T %1, C %2 (%3)")
                                .arg(formatSeconds(v.T), formatSeconds(v.C), rule);
    if (v.kind == VerdictKind::Slower) {
        return QCoreApplication::translate(
                   "Verdict",
                   "Parallel is %1× slower: %2 took %3 against %4 of compute (worker-seconds). %5. "
                   "Try serial, fewer workers or bigger chunks.")
            .arg(QString::number(1 / std::max(v.speedup, 1e-12), 'g', 3), overheadName(v.dominant),
                 formatSeconds(v.dominant_s), formatSeconds(v.compute_s), figures);
    }
    return QCoreApplication::translate(
               "Verdict",
               "Parallel is %1× faster, efficiency %2 %. The biggest overhead: %3, %4. %5.")
        .arg(QString::number(v.speedup, 'g', 3), QString::number(v.efficiency * 100, 'f', 0),
             overheadName(v.dominant), formatSeconds(v.dominant_s), figures);
}

}  // namespace poolscope::ui
