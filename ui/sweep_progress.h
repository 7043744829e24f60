// SweepProgress: where a running sweep is, read from the event stream it writes (every run of
// the sweep, the baseline's and each point's, is an ordinary run there). Only run_start,
// progress and run_end lines are read; chunk and sample lines are skipped unparsed, so a long
// sweep costs a few bytes per run here. From them it builds a live SweepDocument whose points
// hold the medians of the runs finished so far: the views fill in while the sweep goes, and the
// CLI's own document replaces it at the end.
#pragma once

#include <QByteArray>
#include <optional>
#include <vector>

#include "ui/sweep_document.h"

namespace poolscope::ui {

class SweepProgress {
  public:
    // base: the fixed options; axes: those with two or more values (as the CLI keeps them).
    SweepProgress(const RunConfig& base, std::vector<SweepAxis> axes, int usableCores);

    // Bytes of the stream as they come; a line cut in two is kept until its end arrives.
    void feed(const QByteArray& bytes);

    int runsTotal() const { return runs_total_; }
    int runsDone() const { return runs_done_; }
    int pointsTotal() const { return static_cast<int>(live_.points.size()); }
    int pointsDone() const;
    // Finished runs plus the running one's share of its items, over all runs (0 … 1).
    double fraction() const;
    // Seconds left at the pace so far, given the seconds since the sweep started; nullopt until
    // a run has finished.
    std::optional<double> secondsLeft(double elapsed) const;
    // The points so far (medians of their counted runs, speedup against the baseline's median).
    const SweepDocument& live() const { return live_; }

  private:
    void line(const QByteArray& text);
    void runStarted(const RunConfig& config);
    void runEnded(double wall, bool partial);
    std::optional<std::size_t> pointOf(const RunConfig& config) const;
    void updatePoint(std::size_t index);

    SweepDocument live_;
    int per_series_ = 1;  // warmup + repeat runs per series
    int runs_total_ = 0;
    int runs_done_ = 0;
    double running_share_ = 0;  // the running run's items done / total
    QByteArray pending_;
    // The run going now: its point (none = the serial baseline) and its place in its series.
    std::optional<std::size_t> current_;
    bool current_serial_ = false;
    std::vector<int> seen_;  // runs started per point (warmups included)
    int serial_seen_ = 0;
    std::vector<std::vector<double>> walls_;  // counted runs' walls per point
    std::vector<double> serial_walls_;
};

}  // namespace poolscope::ui
