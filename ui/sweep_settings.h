// SweepSettings: what the Sweep view's form asks of `poolscope-cli sweep`: the workers and
// chunksize axes as the CLI's lists ("1..8", "1..4096*4,auto"), the dispatch methods, the runs
// per point and the seed of the order, on top of the control panel's run settings. Its two faces
// are the CLI's argument list and the form read back from one; the axes are checked with the
// core's own parse_sweep_axis, so the form refuses what the CLI would, in the same words.
#pragma once

#include <QString>
#include <QStringList>
#include <optional>

#include "core/analysis/sweep_axes.h"
#include "ui/run_settings.h"
#include "ui/sweep_document.h"

namespace poolscope::ui {

struct SweepSettings {
    QString workers = QStringLiteral("1..4");  // empty: the control panel's worker count
    QString chunksize = QStringLiteral("1..1024*4,auto");  // empty: the control panel's
    QStringList dispatch;                                  // empty: the control panel's
    // Swept workload parameters as the CLI takes them after --param ("item_us=1,10,100"); a
    // lesson sets them, the form shows them.
    QStringList params;
    int repeat = 3;
    quint64 seed = kDefaultSweepSeed;

    bool operator==(const SweepSettings&) const = default;
};

// The form's default for this machine: workers up to twice the usable cores (at least 4, so
// the flattening past the cores shows), doubling beyond 8.
SweepSettings defaultSweepSettings(int usableCores);

// Whether an axis as the form writes it ("1..8*2", "1,16,auto") has more than one value ("2",
// "auto" and "" do not).
bool hasSeveralValues(const QString& axis);

// The axes the CLI would parse from these settings, or a one-line refusal in its words.
std::optional<QString> sweepAxes(const SweepSettings& sweep, std::vector<SweepAxis>& axes);
// How many points the sweep has (the axes' product; 1 with no axis), or a refusal.
std::optional<QString> countPoints(const SweepSettings& sweep, std::size_t* points);

// `poolscope-cli sweep` arguments (without --json, --events and --control-stdin, which the
// runner adds): the base's parallel arguments, its repeat replaced by the sweep's, and each
// non-empty axis in place of the option it varies.
QStringList sweepArguments(const RunSettings& base, const SweepSettings& sweep);

// The axes a sweep document was run with, as the form writes them ("1,2,4", "1,16,auto"); an
// axis the sweep did not vary gets its fixed value (dispatch: the one it ran with, ticked).
SweepSettings sweepSettingsOf(const SweepDocument& doc);

// Reads a sweep argument list back as the CLI splits it: axes and --seed apart, the rest through
// the run parser. False and the CLI's line on a refusal.
bool parseSweepArguments(const QStringList& args, RunSettings& base, SweepSettings& sweep,
                         QString* error);

}  // namespace poolscope::ui
