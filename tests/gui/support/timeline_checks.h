// Checks the worker timeline tests make of a laid-out model and of a painted view.
#pragma once

#include <QImage>
#include <vector>

#include "ui/chunk_timeline_view.h"

namespace poolscope::test {

// Seconds per pixel when the whole run spans `width` pixels.
double pixelSeconds(const ui::TimelineModel& m, int width);
// Lays `run` out over `width` pixels and checks the merged columns: at most a few spans per
// pixel and row, and each merged column's busy share equal to what the chunks' worker phases
// cover there (computed here independently), wherever no chunk wide enough to draw shares it.
// More than half the columns are merged in every row (EveryRow: a synthetic run whose workers
// never pause) or in all rows together (AllRows: a real run, where a worker the scheduler set
// aside for a while leaves its row blank there and its peer takes the shared queue's chunks).
enum class Busy { EveryRow, AllRows };
void checkMergedColumns(const ui::RunTrace& run, int width, Busy busy);
// How many pixels of each worker row in `img` (the view rendered) differ from the plot's base.
std::vector<int> paintedPerRow(const ui::ChunkTimelineView& view, const QImage& img);

}  // namespace poolscope::test
