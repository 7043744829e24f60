// ChunkTimelineView's hover text: the chunk under the cursor with its id, items, bytes and the
// duration of every phase; what a merged pixel column or an aggregated bucket holds; what a
// shaded band stands for.
#include <QStringList>

#include "ui/axis_units.h"
#include "ui/chunk_timeline_view.h"
#include "ui/timeline_palette.h"

namespace poolscope::ui {

QString ChunkTimelineView::chunkText(const ChunkRecord& c) const {
    const QString where = workerLabel(c.worker);
    QStringList facts{tr("%n item(s)", nullptr, static_cast<int>(c.count)),
                      tr("%1 in").arg(formatBytes(static_cast<double>(c.bytes_in))),
                      tr("%1 out").arg(formatBytes(static_cast<double>(c.bytes_out)))};
    if (c.failed_items > 0)
        facts << tr("%n item(s) failed", nullptr, static_cast<int>(c.failed_items));
    else if (!c.ok)
        facts << tr("failed");
    QString html = QStringLiteral("<b>%1</b> · %2<br/>%3")
                       .arg(tr("Chunk %1").arg(c.id).toHtmlEscaped(), where.toHtmlEscaped(),
                            facts.join(QStringLiteral(" · ")).toHtmlEscaped());
    html += QStringLiteral("<table cellspacing='0' cellpadding='1'>");
    for (int i = 0; i < kPhaseCount; ++i) {
        const auto ph = static_cast<Phase>(i);
        double a = 0, b = 0;
        const QString value = model_.phase(c, ph, a, b) ? formatSeconds(b - a) : tr("–");
        html += QStringLiteral(
                    "<tr><td><span style='color:%1'>■</span> %2</td>"
                    "<td align='right'>&nbsp;&nbsp;%3</td></tr>")
                    .arg(phaseColour(ph, style_).name(), phaseName(ph).toHtmlEscaped(),
                         value.toHtmlEscaped());
    }
    html += QStringLiteral("</table>");
    double from = 0, to = 0, a = 0, b = 0;
    if (model_.phase(c, Phase::Waiting, from, a) && model_.phase(c, Phase::InFlight, b, to))
        html += tr("dispatched at %1, result back at %2")
                    .arg(formatSeconds(from), formatSeconds(to))
                    .toHtmlEscaped();
    return html;
}

QString ChunkTimelineView::toolTipAt(QPoint pos) const {
    const QRect plot = plotRect();
    const RunTrace* run = model_.run();
    if (!run || plot.width() <= 0 || !plot.contains(pos)) return {};
    layoutModel();
    bool pipe = false;
    const int row = rowAt(pos.y(), &pipe);
    if (row < 0) return {};
    const auto [t0, t1] = visibleRange();
    const double per_px = (t1 - t0) / plot.width();
    const double t = timeAt(pos.x() + 0.5);
    const double x = pos.x() - plot.left() + 0.5;
    QStringList parts;
    const int64_t chunk = model_.chunkAt(row, t, 1.5 * per_px, pipe);
    if (chunk >= 0) parts << chunkText(run->chunks[static_cast<std::size_t>(chunk)]);
    for (const TimelineSpan& s : model_.rows()[static_cast<std::size_t>(row)].spans) {
        if (s.kind != TimelineSpan::Kind::Merged || inPipe(s.phase) != pipe || x < s.x0 ||
            x >= s.x1)
            continue;
        parts << tr("Merged here (many chunks to a pixel): %1 % busy, mostly %2")
                     .arg(qRound(s.busy * 100))
                     .arg(phaseName(s.phase))
                     .toHtmlEscaped();
        break;
    }
    const int64_t bucket = model_.bucketAt(row, t);
    if (bucket >= 0) {
        const ChunkBucket& b = run->buckets[static_cast<std::size_t>(bucket)];
        const double width_s = static_cast<double>(b.width_ns) * 1e-9;
        parts << tr("Aggregated %1 from %2: %n chunk(s), %3 items, computing %4 % of the time",
                    nullptr, static_cast<int>(b.chunks))
                     .arg(formatSeconds(width_s), formatSeconds(model_.seconds(b.start_ns)))
                     .arg(b.items)
                     .arg(qRound(width_s > 0 ? 100 * b.busy_s / width_s : 0))
                     .toHtmlEscaped();
    }
    if (!parts.isEmpty()) return parts.join(QStringLiteral("<br/>"));
    for (const TimelineBand& band : model_.rows()[static_cast<std::size_t>(row)].bands) {
        if (t < band.t0 || t > band.t1) continue;
        const QString span = formatSeconds(band.t1 - band.t0);
        switch (band.kind) {
            case TimelineBand::Kind::Startup:
                return tr("Start-up: %1 until this worker was ready").arg(span);
            case TimelineBand::Kind::Teardown:
                return tr("Teardown: %1 from the last result until every worker was reaped")
                    .arg(span);
            case TimelineBand::Kind::IdleAtEnd:
                return tr("Idle for %1: this worker was done, the run waited for its last chunk")
                    .arg(span);
        }
    }
    return {};
}

}  // namespace poolscope::ui
