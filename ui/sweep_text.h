// A finished sweep in words: the CLI's one-sentence recommendation with the chunksize report
// after it, and the warnings a user must not miss (a disturbed machine, a stopped sweep, a
// checksum that differs from serial).
#pragma once

#include <QString>

#include "ui/sweep_document.h"

namespace poolscope::ui {

QString sweepRecommendationText(const SweepDocument& doc);
// Empty when there is nothing to warn about; one line per warning.
QString sweepWarningText(const SweepDocument& doc);

}  // namespace poolscope::ui
