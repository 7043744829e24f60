// SweepDocument: the SWEEP JSON document that `poolscope-cli sweep --json` prints
// (docs/events.md), read into plain values for the Sweep view: the axes, every point's figures,
// the serial baseline, the Amdahl and USL fits, the chunksize report and the recommendation.
// The analysis types are the core's own, so the GUI shows what the CLI computed, never its own
// second opinion. The document's bytes are kept as read, so saving it writes what the CLI wrote.
#pragma once

#include <QByteArray>
#include <QString>
#include <optional>
#include <vector>

#include "core/analysis/scaling_fit.h"
#include "core/analysis/sweep_axes.h"
#include "core/config/run_config.h"

namespace poolscope::ui {

struct SweepPointData {
    std::vector<std::string> values;  // one per axis, in the axes' order (canonical text)
    int order = 0;                    // its place in the run order
    int workers = 1;
    quint64 chunksize = 1;  // the effective chunksize (auto resolved)
    bool ran = false;
    bool complete = false;
    Stat wall;  // seconds
    double speedup = 0;
    double efficiency = 0;
    double T = 0;
    double C = 0;
    bool checksumsMatch = true;
};

struct SweepDocument {
    RunConfig config;  // the fixed options (the axes' values are per point)
    int usableCores = 1;
    quint64 seed = kDefaultSweepSeed;
    std::vector<SweepAxis> axes;
    std::optional<Stat> serial;  // the baseline's wall; none when stopped before it ran
    std::vector<SweepPointData> points;
    std::optional<AmdahlFit> amdahl;
    std::optional<UslFit> usl;
    QString fitNote;
    std::vector<std::size_t> fitPoints;
    std::optional<ChunksizeReport> chunksize;
    std::optional<SweepRecommendation> recommendation;
    bool interrupted = false;
    // The largest share of the CPU other programs took during any run of the sweep (a lesson's
    // check reads a failure under such load as disturbed).
    double outsideShare = 0;
    QByteArray source;  // the document as read (what Save writes back)

    // The index of the axis with this name ("workers", "chunksize", ...), or -1.
    int axisIndex(const std::string& name) const;
    int pointsRan() const;
    // The value a point has on an axis; for an axis the sweep does not vary, the fixed option's.
    std::string valueOf(const SweepPointData& point, const std::string& axis) const;
    // "workers=4 chunksize=16", the CLI's words for a point.
    QString label(std::size_t point) const;
    // The best point (lowest median wall), when the document says one.
    std::optional<std::size_t> best() const;
};

// Reads a SWEEP document; on failure returns nullopt and sets `error` to one line.
std::optional<SweepDocument> parseSweepDocument(const QByteArray& bytes, QString* error);
std::optional<SweepDocument> readSweepFile(const QString& path, QString* error);
bool writeSweepFile(const SweepDocument& doc, const QString& path, QString* error);

}  // namespace poolscope::ui
