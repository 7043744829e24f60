// SweepGrid: the workers × chunksize table of a sweep's points, for one slice of its other axes
// (dispatch, transport, ...): which point sits in each cell, and the labels of rows and
// columns. An axis the sweep does not vary is one row (or column) with the fixed value.
#pragma once

#include <QString>
#include <QStringList>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "ui/sweep_document.h"

namespace poolscope::ui {

// Values of the axes other than workers and chunksize that choose one slice.
using SweepSlice = std::map<std::string, std::string>;

struct SweepGrid {
    std::vector<std::string> rows;     // workers values
    std::vector<std::string> columns;  // chunksize values ("auto" included)
    // cells[r][c]: the point's index, or none when no point has those values.
    std::vector<std::vector<std::optional<std::size_t>>> cells;

    static SweepGrid build(const SweepDocument& doc, const SweepSlice& slice);
    // The cell holding a point, if it is in this grid.
    std::optional<std::pair<int, int>> find(std::size_t point) const;
};

// The other axes (neither workers nor chunksize) and the slice the best point is in (else the
// first value of each).
std::vector<const SweepAxis*> sliceAxes(const SweepDocument& doc);
SweepSlice defaultSlice(const SweepDocument& doc);

}  // namespace poolscope::ui
