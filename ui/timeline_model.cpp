#include "ui/timeline_model.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace poolscope::ui {
namespace {

// The stamps that bound each phase, in Phase order.
constexpr int64_t ChunkRecord::*kFrom[kPhaseCount] = {
    &ChunkRecord::dispatch_ns,      &ChunkRecord::recv_start_ns,  &ChunkRecord::recv_end_ns,
    &ChunkRecord::compute_start_ns, &ChunkRecord::compute_end_ns, &ChunkRecord::ser_end_ns};
constexpr int64_t ChunkRecord::*kTo[kPhaseCount] = {
    &ChunkRecord::recv_start_ns,  &ChunkRecord::recv_end_ns, &ChunkRecord::compute_start_ns,
    &ChunkRecord::compute_end_ns, &ChunkRecord::ser_end_ns,  &ChunkRecord::received_ns};

int expectedWorkers(const RunTrace& run) {
    if (run.result) return std::max(run.result->workers, 1);
    return run.serial ? 1 : std::max(run.config.workers, 1);
}

}  // namespace

int64_t TimelineModel::endOf(const ChunkRecord& c) {
    return std::max({c.received_ns, c.ser_end_ns, c.compute_end_ns, beginOf(c)});
}

void TimelineModel::clear() {
    *this = TimelineModel{};
}

int TimelineModel::rowOf(int worker) {
    const auto r = static_cast<std::size_t>(std::max(worker, 0));
    if (r >= index_.size()) {
        index_.resize(r + 1);
        rows_.resize(r + 1);
        for (std::size_t i = 0; i < rows_.size(); ++i) rows_[i].worker = static_cast<int>(i);
    }
    return static_cast<int>(r);
}

// The timeline starts where the run's processes do: the first worker's start, or the run's own
// start when that is earlier (a warm pool's workers began before it); the run_start event only
// while neither is known. The Python backend's run_start comes before its interpreter has
// imported anything, hundreds of milliseconds that are no part of the pool's wall, which drew
// every worker as starting up for all that time.
int64_t TimelineModel::originOf(const RunTrace& run) {
    int64_t origin = -1;
    for (const auto& e : run.worker_events)
        if (e.state == "started" && (origin < 0 || e.t_ns < origin)) origin = e.t_ns;
    if (run.result && run.result->start_ns > 0)
        origin = origin < 0 ? run.result->start_ns : std::min(origin, run.result->start_ns);
    return origin >= 0 ? origin : run.origin_ns + std::llround(run.start_s * 1e9);
}

void TimelineModel::setRun(const RunTrace* run) {
    if (!run) {
        if (run_) clear();
        return;
    }
    const int64_t start = originOf(*run);
    const bool same = run == run_ && run->run_id == run_id_ && run->chunks.size() >= indexed_ &&
                      start == start_ns_;
    bool changed = !same;
    if (!same) {
        clear();
        run_ = run;
        run_id_ = run->run_id;
        start_ns_ = start;
    }
    rowOf(expectedWorkers(*run) - 1);
    if (run->chunks.size() > indexed_) {
        indexChunks(indexed_);
        changed = true;
    }
    std::size_t sig = run->buckets.size();
    for (const auto& b : run->buckets) sig = sig * 31 + b.chunks;
    if (sig != bucket_sig_ || !same) {
        bucket_sig_ = sig;
        indexBuckets();
        changed = true;
    }
    if (run->worker_events.size() != events_seen_ || run->finished() != finished_) changed = true;
    if (!changed) return;
    events_seen_ = run->worker_events.size();
    finished_ = run->finished();
    for (const auto& e : run->worker_events) {
        rowOf(e.worker);
        max_stamp_ = std::max(max_stamp_, e.t_ns);
    }
    duration_ = std::max(
        finished_ ? seconds(run->origin_ns + std::llround(run->end_s * 1e9)) : seconds(max_stamp_),
        0.0);
    computeBands();
    ++generation_;
}

void TimelineModel::indexChunks(std::size_t from) {
    const auto& chunks = run_->chunks;
    std::vector<bool> unsorted(index_.size(), false);
    for (std::size_t i = from; i < chunks.size(); ++i) {
        const ChunkRecord& c = chunks[i];
        const int64_t begin = beginOf(c);
        if (c.worker < 0 || begin == 0) continue;
        const auto r = static_cast<std::size_t>(rowOf(c.worker));
        unsorted.resize(index_.size(), false);
        RowIndex& ix = index_[r];
        if (!ix.chunks.empty() && begin < beginOf(chunks[ix.chunks.back()])) unsorted[r] = true;
        ix.chunks.push_back(static_cast<uint32_t>(i));
        const int64_t end = endOf(c);
        ix.max_end.push_back(std::max(end, ix.max_end.empty() ? end : ix.max_end.back()));
        ix.last_worker_end = std::max(ix.last_worker_end, workerEnd(c));
        max_stamp_ = std::max(max_stamp_, end);
        if (c.received_ns > last_received_) {
            last_received_ = c.received_ns;
            last_chunk_ = static_cast<int64_t>(i);
        }
    }
    // Chunks come in the engine's receive order, which per worker is almost always the order
    // they began; when it is not, sort that row and rebuild its running maximum.
    for (std::size_t r = 0; r < unsorted.size(); ++r) {
        if (!unsorted[r]) continue;
        reordered_ = true;  // the layout so far added this row's chunks in another order
        RowIndex& ix = index_[r];
        std::stable_sort(ix.chunks.begin(), ix.chunks.end(), [&](uint32_t a, uint32_t b) {
            return beginOf(chunks[a]) < beginOf(chunks[b]);
        });
        int64_t m = std::numeric_limits<int64_t>::min();
        for (std::size_t k = 0; k < ix.chunks.size(); ++k)
            ix.max_end[k] = m = std::max(m, endOf(chunks[ix.chunks[k]]));
    }
    indexed_ = chunks.size();
}

void TimelineModel::indexBuckets() {
    for (auto& ix : index_) ix.buckets.clear();
    const auto& buckets = run_->buckets;
    for (std::size_t i = 0; i < buckets.size(); ++i) {
        const ChunkBucket& b = buckets[i];
        if (b.worker < 0) continue;
        index_[static_cast<std::size_t>(rowOf(b.worker))].buckets.push_back(
            static_cast<uint32_t>(i));
        max_stamp_ = std::max(max_stamp_, b.start_ns + b.width_ns);
    }
    for (auto& ix : index_)
        std::sort(ix.buckets.begin(), ix.buckets.end(), [&](uint32_t a, uint32_t b) {
            return buckets[a].start_ns < buckets[b].start_ns;
        });
}

void TimelineModel::computeBands() {
    const RunResult* result = run_->result ? &*run_->result : nullptr;
    std::vector<double> ready(rows_.size(), -1);
    for (const auto& e : run_->worker_events)
        if (e.state == "ready" && e.worker >= 0)
            ready[static_cast<std::size_t>(e.worker)] = seconds(e.t_ns);
    if (result)
        for (const auto& w : result->worker_records)
            if (w.ready_ns && w.index >= 0 && static_cast<std::size_t>(w.index) < ready.size())
                ready[static_cast<std::size_t>(w.index)] = seconds(w.ready_ns);
    // Teardown as docs/metrics.md counts it: from the last result until every worker is
    // reaped; a run without detail (aggregated) still has the RESULT's figure.
    const double teardown_from = result ? duration_ - result->teardown_s : -1;
    const double last_result = last_received_ ? seconds(last_received_) : -1;
    for (std::size_t r = 0; r < rows_.size(); ++r) {
        auto& bands = rows_[r].bands;
        bands.clear();
        double up_to = ready[r];
        if (up_to < 0 && result) up_to = result->startup_s;
        const RowIndex& ix = index_[r];
        // While running, a worker that has not said ready and has no chunk yet is starting.
        if (up_to < 0 && !result && ix.chunks.empty() && ix.buckets.empty()) up_to = duration_;
        if (up_to > 0) bands.push_back({TimelineBand::Kind::Startup, 0, up_to});
        // A worker done before the last result waited for a straggler: show that wait.
        const bool straggler =
            last_chunk_ >= 0 &&
            run_->chunks[static_cast<std::size_t>(last_chunk_)].worker == static_cast<int>(r);
        if (result && !run_->aggregated && ix.last_worker_end && last_result > 0 && !straggler) {
            const double from = seconds(ix.last_worker_end);
            if (last_result > from)
                bands.push_back({TimelineBand::Kind::IdleAtEnd, from, last_result});
        }
        if (result && result->teardown_s > 0)
            bands.push_back({TimelineBand::Kind::Teardown, teardown_from, duration_});
    }
}

bool TimelineModel::phase(const ChunkRecord& c, Phase p, double& from, double& to) const {
    const auto i = static_cast<std::size_t>(p);
    const int64_t a = c.*kFrom[i];
    const int64_t b = c.*kTo[i];
    if (a == 0 || b == 0 || b < a) return false;
    from = seconds(a);
    to = seconds(b);
    return true;
}

std::size_t TimelineModel::firstOverlap(const RowIndex& row, int64_t t_ns) const {
    return static_cast<std::size_t>(std::lower_bound(row.max_end.begin(), row.max_end.end(), t_ns) -
                                    row.max_end.begin());
}

int64_t TimelineModel::chunkAt(int row, double t, double tolerance, bool pipe) const {
    if (row < 0 || row >= rowCount() || !run_) return -1;
    const RowIndex& ix = index_[static_cast<std::size_t>(row)];
    const auto& chunks = run_->chunks;
    const int64_t t_ns = start_ns_ + std::llround(t * 1e9);
    const int64_t tol_ns = std::llround(tolerance * 1e9);
    int64_t best = -1;
    double best_dist = std::numeric_limits<double>::infinity();
    auto consider = [&](double a, double b, uint32_t i) {
        const double d = t < a ? a - t : t > b ? t - b : 0;
        if (d < best_dist) {
            best_dist = d;
            best = i;
        }
    };
    for (std::size_t k = firstOverlap(ix, t_ns - tol_ns); k < ix.chunks.size(); ++k) {
        const ChunkRecord& c = chunks[ix.chunks[k]];
        if (beginOf(c) > t_ns + tol_ns) break;
        double a = 0, b = 0;
        if (!pipe) {
            if (workerBegin(c) && workerEnd(c) >= workerBegin(c))
                consider(seconds(workerBegin(c)), seconds(workerEnd(c)), ix.chunks[k]);
        } else {
            if (phase(c, Phase::Waiting, a, b)) consider(a, b, ix.chunks[k]);
            if (phase(c, Phase::InFlight, a, b)) consider(a, b, ix.chunks[k]);
        }
        if (best_dist == 0 && !pipe) break;  // worker phases of a row never overlap
    }
    return best_dist <= tolerance ? best : -1;
}

int64_t TimelineModel::bucketAt(int row, double t) const {
    if (row < 0 || row >= rowCount() || !run_) return -1;
    for (uint32_t i : index_[static_cast<std::size_t>(row)].buckets) {
        const ChunkBucket& b = run_->buckets[i];
        if (t >= seconds(b.start_ns) && t < seconds(b.start_ns + b.width_ns)) return i;
    }
    return -1;
}

}  // namespace poolscope::ui
