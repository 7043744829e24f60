// TimelineModel's layout: the spans of every row for one window and width. Chunks at least
// kMergeWidthPx wide become exact spans per phase; narrower ones, and buckets, add their cover
// to per-column, per-phase sums that become one merged span per lane and column (neighbours that
// agree exactly share one), so the cost of painting is bounded by the width, not the chunks.
// While the window and width hold (a live run followed at a steady scale), a row keeps its
// chunks' exact spans and cover and adds only the chunks taken in since: chunks are added in
// the same order as from scratch, so the sums, and the picture, are the same. Buckets change in
// place and are few: they are laid out again every time, on top of a copy of the chunks' cover.
#include <algorithm>
#include <cmath>

#include "ui/timeline_model.h"

namespace poolscope::ui {
namespace {

// Adds the pixel interval [xa, xb] (already clipped), weighted, to a per-column coverage.
void addCover(std::vector<float>& cover, double xa, double xb, double weight) {
    const int last = static_cast<int>(cover.size()) - 1;
    const int ca = std::min(static_cast<int>(xa), last);
    const int cb = std::min(static_cast<int>(xb), last);
    auto at = [&](int c) -> float& { return cover[static_cast<std::size_t>(c)]; };
    if (ca == cb) {
        at(ca) += static_cast<float>((xb - xa) * weight);
        return;
    }
    at(ca) += static_cast<float>((ca + 1 - xa) * weight);
    for (int c = ca + 1; c < cb; ++c) at(c) += static_cast<float>(weight);
    at(cb) += static_cast<float>((xb - cb) * weight);
}

}  // namespace

void TimelineModel::layout(double t0, double t1, int width) {
    if (width <= 0 || !(t1 > t0)) {
        for (auto& row : rows_) row.spans.clear();
        laid_rows_.clear();
        laid_out_generation_ = 0;
        return;
    }
    const bool same_window = laid_t0_ == t0 && laid_t1_ == t1 && laid_width_ == width;
    if (laid_out_generation_ == generation_ && same_window) return;
    ++layouts_;
    if (!same_window || laid_out_generation_ == 0 || reordered_) {
        ++full_layouts_;
        laid_rows_.clear();
        for (auto& row : rows_) row.spans.clear();
    }
    reordered_ = false;
    laid_rows_.resize(rows_.size());
    for (std::size_t r = 0; r < rows_.size(); ++r) layoutRow(r, t0, t1, width);
    laid_out_generation_ = generation_;
    laid_t0_ = t0;
    laid_t1_ = t1;
    laid_width_ = width;
}

void TimelineModel::layoutRow(std::size_t r, double t0, double t1, int width) {
    TimelineRow& row = rows_[r];
    RowLayout& laid = laid_rows_[r];
    const auto columns = static_cast<std::size_t>(width);
    if (laid.cover[0].size() != columns)
        for (auto& v : laid.cover) v.assign(columns, 0.0f);
    row.spans.resize(laid.exact);  // the last layout's bucket and merged spans go
    const RowIndex& ix = index_[r];
    const double px_per_s = width / (t1 - t0);
    const double w = width;
    // An interval in seconds becomes an exact span, or coverage of the columns it touches
    // (`into`: the chunks' cover or the scratch that adds the buckets').
    auto emit = [&](double a, double b, Phase p, bool exact, int64_t item, TimelineSpan::Kind kind,
                    double busy, std::array<std::vector<float>, kPhaseCount>& into) {
        const double xa = std::max((a - t0) * px_per_s, 0.0);
        const double xb = std::min((b - t0) * px_per_s, w);
        if (xb < xa || xa >= w || xb <= 0) return false;
        if (exact) {
            if (xb == xa) return false;
            row.spans.push_back({static_cast<float>(xa), static_cast<float>(xb), p, kind,
                                 static_cast<float>(busy), item});
            return false;
        }
        if (!(xb > xa)) return false;
        addCover(into[static_cast<std::size_t>(p)], xa, xb, busy);
        return true;
    };
    const auto& chunks = run_->chunks;
    const int64_t t0_ns = start_ns_ + std::llround(t0 * 1e9);
    const int64_t t1_ns = start_ns_ + std::llround(t1 * 1e9);
    // Chunks are appended in begin order (else reordered_ made this layout start afresh), so
    // the ones after those laid out so far are exactly what a layout from scratch adds last.
    for (std::size_t k = std::max(laid.chunks, firstOverlap(ix, t0_ns)); k < ix.chunks.size();
         ++k) {
        const ChunkRecord& c = chunks[ix.chunks[k]];
        if (beginOf(c) > t1_ns) break;
        const auto item = static_cast<int64_t>(ix.chunks[k]);
        const bool exact =
            static_cast<double>(workerEnd(c) - workerBegin(c)) * 1e-9 * px_per_s >= kMergeWidthPx;
        double a = 0, b = 0;
        for (int p = 0; p < kPhaseCount; ++p) {
            const auto ph = static_cast<Phase>(p);
            if (!phase(c, ph, a, b)) continue;
            // A pipe phase is drawn on its own only for a chunk drawn on its own: the tasks of
            // tiny chunks wait on the board and their results in a worker's batch for far
            // longer than they compute, and hundreds of such waits overlap one column.
            const bool wide = exact && (!inPipe(ph) || (b - a) * px_per_s >= kMergeWidthPx);
            laid.covered |= emit(a, b, ph, wide, item, TimelineSpan::Kind::Exact, 1, laid.cover);
        }
    }
    laid.chunks = ix.chunks.size();
    laid.exact = row.spans.size();
    bool bucket_cover = false;
    for (uint32_t i : ix.buckets) {
        const ChunkBucket& bk = run_->buckets[i];
        if (bk.width_ns <= 0) continue;
        const double a = seconds(bk.start_ns);
        const double b = seconds(bk.start_ns + bk.width_ns);
        const double density = std::clamp(bk.busy_s / (b - a), 0.0, 1.0);
        const bool exact = (b - a) * px_per_s >= kMergeWidthPx;
        if (!exact && !bucket_cover) {
            cover_ = laid.cover;  // the buckets' cover goes on top of the chunks'
            bucket_cover = true;
        }
        emit(a, b, Phase::Computing, exact, i, TimelineSpan::Kind::Bucket, density, cover_);
    }
    if (bucket_cover)
        mergeRow(row, cover_);
    else if (laid.covered)
        mergeRow(row, laid.cover);
}

// Per lane and column: the share covered and the phase that covers most of it. Neighbouring
// columns that agree exactly (typically: fully busy computing) become one span.
void TimelineModel::mergeRow(TimelineRow& row,
                             const std::array<std::vector<float>, kPhaseCount>& cover) {
    static constexpr Phase kMain[] = {Phase::Receiving, Phase::Decoding, Phase::Computing,
                                      Phase::Encoding};
    static constexpr Phase kPipe[] = {Phase::Waiting, Phase::InFlight};
    auto merge = [&](const Phase* lane, std::size_t n) {
        const std::size_t first = row.spans.size();
        for (std::size_t c = 0; c < cover[0].size(); ++c) {
            float total = 0, most = 0;
            Phase dominant = lane[0];
            for (std::size_t i = 0; i < n; ++i) {
                const float v = cover[static_cast<std::size_t>(lane[i])][c];
                total += v;
                if (v > most) {
                    most = v;
                    dominant = lane[i];
                }
            }
            if (total <= 1e-6f) continue;
            const float busy = std::min(total, 1.0f);
            const auto x = static_cast<float>(c);
            if (row.spans.size() > first) {
                TimelineSpan& prev = row.spans.back();
                if (prev.x1 == x && prev.phase == dominant && prev.busy == busy) {
                    prev.x1 = x + 1;
                    continue;
                }
            }
            row.spans.push_back({x, x + 1, dominant, TimelineSpan::Kind::Merged, busy, -1});
        }
    };
    merge(kMain, 4);
    merge(kPipe, 2);
}

}  // namespace poolscope::ui
