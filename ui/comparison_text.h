// ComparisonText: the run comparison in words, for the comparison view and the clipboard:
// "B vs A: chunksize 1 → auto (125); wall −63 %, transfer −91 %, peak PSS +12 %", and the same
// as a Markdown table (one row per figure, one column per run, changes against the first run).
// Runs are named A, B, C… in the order given; the first is the baseline.
#pragma once

#include <QList>
#include <QString>

#include "ui/run_comparison.h"

namespace poolscope::ui {

struct RunTrace;

QString figureName(Figure figure);
QString figureValueText(Figure figure, double value);
// "+12 %", "−63 %" (one decimal below 10 %).
QString relativeText(double relative);
QString configChangeText(const ConfigChange& change);
QString figureChangeText(const FigureChange& change);
// "A", "B", … "Z", "AA", …
QString runLetter(int index);

// One paragraph per run after the first; runs without a RESULT say so.
QString comparisonSummary(const QList<const RunTrace*>& runs);
QString comparisonMarkdown(const QList<const RunTrace*>& runs);

}  // namespace poolscope::ui
