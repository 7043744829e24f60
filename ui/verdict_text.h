// The core's structured Verdict in the GUI's words (through tr(), so it can be translated).
#pragma once

#include <QString>

#include "core/analysis/verdict.h"

namespace poolscope::ui {

QString verdictText(const Verdict& v);
QString overheadName(Overhead o);

}  // namespace poolscope::ui
