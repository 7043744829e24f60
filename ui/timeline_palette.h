// The worker timeline's phase colours and names, shared by the view, its legend and its tool
// tips. Categorical colours that stay apart on a projector and in a dark palette; computing, the
// phase a user hopes to see most of, is the green.
#pragma once

#include <QColor>
#include <QString>

#include "ui/chart_style.h"
#include "ui/timeline_model.h"

namespace poolscope::ui {

QColor phaseColour(Phase phase, const ChartStyle& style);
QString phaseName(Phase phase);
// A colour `share` (0..1) of the way from `background` to `colour`: how merged columns and
// aggregated buckets show how busy the worker was.
QColor blend(const QColor& background, const QColor& colour, double share);
// A merged column or bucket `busy` (0..1) of the time: a square-root ramp from a faint tint, so
// a worker busy 10 % of the time still shows its colour on a projector.
QColor busyShade(const QColor& background, const QColor& colour, double busy);

}  // namespace poolscope::ui
