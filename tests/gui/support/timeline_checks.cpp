#include "support/timeline_checks.h"

#include <QTest>
#include <algorithm>
#include <cmath>

namespace poolscope::test {

using ui::inPipe;
using ui::TimelineModel;
using ui::TimelineSpan;

double pixelSeconds(const ui::TimelineModel& m, int width) {
    return m.duration() / width;
}

void checkMergedColumns(const ui::RunTrace& run, int width, Busy busy) {
    TimelineModel model;
    model.setRun(&run);
    model.layout(0, model.duration(), width);
    QCOMPARE(model.rowCount(), run.result->workers);
    const double s_per_px = pixelSeconds(model, width);
    int merged_in_all_rows = 0;
    for (const auto& row : model.rows()) {
        QVERIFY2(row.spans.size() <= 2u * width + 8, qPrintable(QString::number(row.spans.size())));
        // What the chunks' worker phases cover, per column, computed here independently.
        std::vector<double> cover(width, 0);
        for (const auto& c : run.chunks) {
            if (c.worker != row.worker) continue;
            const double a = model.seconds(c.recv_start_ns) / s_per_px;
            const double b = model.seconds(c.ser_end_ns) / s_per_px;
            for (int x = std::max(0, int(a)); x <= std::min(width - 1, int(b)); ++x)
                cover[std::size_t(x)] +=
                    std::max(0.0, std::min(b, x + 1.0) - std::max(a, double(x)));
        }
        std::vector<int> per_px(width, 0);
        std::vector<bool> exact(width, false);  // columns a chunk wide enough to draw shares
        for (const auto& s : row.spans)
            if (s.kind == TimelineSpan::Kind::Exact && !inPipe(s.phase))
                for (int x = int(s.x0); x < int(std::ceil(s.x1)) && x < width; ++x)
                    exact[std::size_t(x)] = true;
        int merged_columns = 0;
        for (const auto& s : row.spans) {
            for (int x = int(s.x0); x < int(std::ceil(s.x1)) && x < width; ++x)
                ++per_px[std::size_t(x)];
            if (s.kind != TimelineSpan::Kind::Merged || inPipe(s.phase)) continue;
            for (int x = int(s.x0); x < int(s.x1); ++x, ++merged_columns)
                if (!exact[std::size_t(x)])
                    QVERIFY2(std::abs(s.busy - std::min(cover[std::size_t(x)], 1.0)) < 2e-3,
                             qPrintable(QStringLiteral("column %1: %2 vs %3")
                                            .arg(x)
                                            .arg(s.busy)
                                            .arg(cover[std::size_t(x)])));
        }
        if (busy == Busy::EveryRow) QVERIFY(merged_columns > width / 2);
        merged_in_all_rows += merged_columns;
        // One merged span per lane (2), plus the phases of the two wide chunks (at least
        // kMergeWidthPx = 2 px each) whose end and start can share a column.
        const int most = *std::max_element(per_px.begin(), per_px.end());
        QVERIFY2(most <= 2 + 2 * ui::kPhaseCount, qPrintable(QString::number(most)));
    }
    QVERIFY(merged_in_all_rows > width / 2);
}

std::vector<int> paintedPerRow(const ui::ChunkTimelineView& view, const QImage& img) {
    const QRect plot = view.plotRect();
    const QRgb base = view.palette().color(QPalette::Base).rgb();
    std::vector<int> painted(static_cast<std::size_t>(view.rowCount()), 0);
    for (int r = 0; r < view.rowCount(); ++r) {
        const int y0 = plot.top() + plot.height() * r / view.rowCount();
        const int y1 = plot.top() + plot.height() * (r + 1) / view.rowCount();
        for (int y = y0 + 2; y < y1 - 1; ++y)
            for (int x = plot.left() + 2; x < plot.left() + plot.width() - 1; ++x)
                if (img.pixel(x, y) != base) ++painted[static_cast<std::size_t>(r)];
    }
    return painted;
}

}  // namespace poolscope::test
