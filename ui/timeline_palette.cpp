#include "ui/timeline_palette.h"

#include <QCoreApplication>
#include <algorithm>
#include <cmath>

namespace poolscope::ui {

QColor phaseColour(Phase phase, const ChartStyle& style) {
    static const QColor kLight[kPhaseCount] = {
        {0xa9, 0xb6, 0xc8},  // waiting for the task: a quiet grey-blue, it is only a queue
        {0x4e, 0x79, 0xa7},  // receiving
        {0xf2, 0x8e, 0x2b},  // decoding
        {0x4b, 0x9a, 0x43},  // computing
        {0xe1, 0x57, 0x59},  // encoding
        {0xa5, 0x6c, 0xc1},  // result in flight
    };
    const QColor c = kLight[static_cast<int>(phase)];
    return style.dark ? c.lighter(phase == Phase::Waiting ? 90 : 125) : c;
}

QString phaseName(Phase phase) {
    switch (phase) {
        case Phase::Waiting:
            return QCoreApplication::translate("ChunkTimelineView", "waiting for the task");
        case Phase::Receiving:
            return QCoreApplication::translate("ChunkTimelineView", "receiving");
        case Phase::Decoding:
            return QCoreApplication::translate("ChunkTimelineView", "decoding");
        case Phase::Computing:
            return QCoreApplication::translate("ChunkTimelineView", "computing");
        case Phase::Encoding:
            return QCoreApplication::translate("ChunkTimelineView", "encoding");
        case Phase::InFlight:
            return QCoreApplication::translate("ChunkTimelineView", "result in flight");
    }
    return {};
}

QColor blend(const QColor& background, const QColor& colour, double share) {
    const double s = std::clamp(share, 0.0, 1.0);
    auto mix = [s](int a, int b) { return static_cast<int>(a + (b - a) * s + 0.5); };
    return {mix(background.red(), colour.red()), mix(background.green(), colour.green()),
            mix(background.blue(), colour.blue())};
}

QColor busyShade(const QColor& background, const QColor& colour, double busy) {
    return blend(background, colour, 0.2 + 0.8 * std::sqrt(std::clamp(busy, 0.0, 1.0)));
}

}  // namespace poolscope::ui
