#include "ui/sweep_progress.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "core/config/config_json.h"

namespace poolscope::ui {

namespace {

// The writer puts the type first (docs/events.md): a line's kind is told without parsing it.
bool isType(const QByteArray& line, const char* type) {
    return line.startsWith(QByteArray("{\"type\":\"") + type + "\"");
}

}  // namespace

SweepProgress::SweepProgress(const RunConfig& base, std::vector<SweepAxis> axes, int usableCores) {
    live_.config = base;
    live_.usableCores = usableCores;
    live_.axes = std::move(axes);
    std::vector<SweepPoint> points;
    if (sweep_points(live_.axes, points)) points.clear();  // refused: nothing to show
    for (const auto& p : points) {
        SweepPointData d;
        for (std::size_t k = 0; k < p.size(); ++k) d.values.push_back(live_.axes[k].values[p[k]]);
        const RunConfig cfg = point_config(base, live_.axes, p);
        d.workers = cfg.workers;
        d.chunksize = effective_chunksize(cfg);
        live_.points.push_back(std::move(d));
    }
    per_series_ = std::max(1, base.warmup + base.repeat);
    runs_total_ = per_series_ * static_cast<int>(live_.points.size() + 1);
    seen_.assign(live_.points.size(), 0);
    walls_.assign(live_.points.size(), {});
}

void SweepProgress::feed(const QByteArray& bytes) {
    pending_.append(bytes);
    qsizetype from = 0;
    for (qsizetype nl; (nl = pending_.indexOf('\n', from)) >= 0; from = nl + 1)
        line(pending_.mid(from, nl - from));
    pending_.remove(0, from);
}

void SweepProgress::line(const QByteArray& text) {
    using nlohmann::json;
    try {
        if (isType(text, "run_start")) {
            runStarted(
                json::parse(text.constBegin(), text.constEnd()).at("config").get<RunConfig>());
        } else if (isType(text, "run_end")) {
            const json r = json::parse(text.constBegin(), text.constEnd()).at("result");
            runEnded(r.at("wall_s").get<double>(), r.value("partial", false));
        } else if (isType(text, "progress")) {
            const json p = json::parse(text.constBegin(), text.constEnd());
            const double total = p.value("items_total", 0.0);
            if (total > 0) running_share_ = p.value("items_done", 0.0) / total;
        }
    } catch (const std::exception&) {
        // A line the engine did not write whole: progress is an estimate, the document decides.
    }
}

std::optional<std::size_t> SweepProgress::pointOf(const RunConfig& config) const {
    // A run belongs to the point whose axis values, set on its config, change nothing.
    for (std::size_t i = 0; i < live_.points.size(); ++i) {
        RunConfig c = config;
        for (std::size_t k = 0; k < live_.axes.size(); ++k)
            apply_axis_value(c, live_.axes[k].name, live_.points[i].values[k]);
        if (c == config) return i;
    }
    return std::nullopt;
}

void SweepProgress::runStarted(const RunConfig& config) {
    running_share_ = 0;
    current_serial_ = config.backend == Backend::Serial;
    current_ = current_serial_ ? std::nullopt : pointOf(config);
    if (current_serial_) ++serial_seen_;
    if (current_) ++seen_[*current_];
}

void SweepProgress::runEnded(double wall, bool partial) {
    ++runs_done_;
    running_share_ = 0;
    const int warmup = live_.config.warmup;
    if (current_serial_ && serial_seen_ > warmup && !partial) {
        serial_walls_.push_back(wall);
        live_.serial = stat_of(serial_walls_);
        for (std::size_t i = 0; i < live_.points.size(); ++i)
            if (live_.points[i].ran) updatePoint(i);
    } else if (current_ && seen_[*current_] > warmup) {
        walls_[*current_].push_back(wall);
        live_.points[*current_].ran = true;
        live_.points[*current_].complete =
            !partial && static_cast<int>(walls_[*current_].size()) >= live_.config.repeat;
        updatePoint(*current_);
    }
    current_.reset();
    current_serial_ = false;
}

void SweepProgress::updatePoint(std::size_t i) {
    SweepPointData& p = live_.points[i];
    p.wall = stat_of(walls_[i]);
    if (live_.serial && p.wall.median > 0) {
        p.speedup = live_.serial->median / p.wall.median;
        p.efficiency = p.speedup / std::max(1, p.workers);
    }
}

int SweepProgress::pointsDone() const {
    int n = 0;
    for (const auto& p : live_.points) n += p.complete ? 1 : 0;
    return n;
}

double SweepProgress::fraction() const {
    if (runs_total_ <= 0) return 0;
    return std::min(1.0, (runs_done_ + running_share_) / runs_total_);
}

std::optional<double> SweepProgress::secondsLeft(double elapsed) const {
    const double f = fraction();
    if (runs_done_ == 0 || f <= 0) return std::nullopt;
    return elapsed * (1 - f) / f;
}

}  // namespace poolscope::ui
