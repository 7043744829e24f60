#include "ui/sweep_grid.h"

namespace poolscope::ui {

namespace {

std::vector<std::string> axisValues(const SweepDocument& doc, const std::string& name) {
    if (const int i = doc.axisIndex(name); i >= 0)
        return doc.axes[static_cast<std::size_t>(i)].values;
    if (doc.points.empty()) return {};
    return {doc.valueOf(doc.points.front(), name)};
}

bool inSlice(const SweepDocument& doc, const SweepPointData& p, const SweepSlice& slice) {
    for (const auto& [axis, value] : slice)
        if (doc.valueOf(p, axis) != value) return false;
    return true;
}

}  // namespace

SweepGrid SweepGrid::build(const SweepDocument& doc, const SweepSlice& slice) {
    SweepGrid g;
    g.rows = axisValues(doc, "workers");
    g.columns = axisValues(doc, "chunksize");
    g.cells.assign(g.rows.size(), std::vector<std::optional<std::size_t>>(g.columns.size()));
    for (std::size_t i = 0; i < doc.points.size(); ++i) {
        const auto& p = doc.points[i];
        if (!inSlice(doc, p, slice)) continue;
        const std::string w = doc.valueOf(p, "workers");
        const std::string c = doc.valueOf(p, "chunksize");
        for (std::size_t r = 0; r < g.rows.size(); ++r)
            for (std::size_t k = 0; k < g.columns.size(); ++k)
                if (g.rows[r] == w && g.columns[k] == c) g.cells[r][k] = i;
    }
    return g;
}

std::optional<std::pair<int, int>> SweepGrid::find(std::size_t point) const {
    for (std::size_t r = 0; r < cells.size(); ++r)
        for (std::size_t c = 0; c < cells[r].size(); ++c)
            if (cells[r][c] == point) return std::pair{static_cast<int>(r), static_cast<int>(c)};
    return std::nullopt;
}

std::vector<const SweepAxis*> sliceAxes(const SweepDocument& doc) {
    std::vector<const SweepAxis*> out;
    for (const auto& a : doc.axes)
        if (a.name != "workers" && a.name != "chunksize") out.push_back(&a);
    return out;
}

SweepSlice defaultSlice(const SweepDocument& doc) {
    SweepSlice s;
    const auto best = doc.best();
    for (const SweepAxis* a : sliceAxes(doc))
        s[a->name] = best ? doc.valueOf(doc.points[*best], a->name) : a->values.front();
    return s;
}

}  // namespace poolscope::ui
