// The one-line progress display of `run` and `lesson` on a terminal: a RunObserver decorator
// that forwards every call to the observer it wraps (the event writer or the null observer)
// and, when enabled, redraws one line on a descriptor (stderr) at most every 100 ms: the run's
// label, items done / total, a bar, elapsed, ETA and, for a series, which run of how many.
// Formatting only happens when a redraw is due, so a disabled or idle display costs a clock
// comparison per tick. clear() erases the line ("\r" + clear to end of line) before anything
// else is written to the terminal.
#pragma once

#include <cstdint>
#include <string>
#include <utility>

#include "core/engine/run_observer.h"

namespace poolscope::cli {

enum class ProgressMode { Auto, Always, Never };

// Whether to show the display on fd: never with --quiet or --progress never, always with
// --progress always, else only when fd is a terminal.
bool progress_wanted(ProgressMode mode, bool quiet, int fd);

class ProgressLine : public RunObserver {
  public:
    static constexpr int64_t kRedrawNs = 100'000'000;

    ProgressLine(RunObserver& next, int fd, bool enabled);
    ~ProgressLine() override;
    ProgressLine(const ProgressLine&) = delete;
    ProgressLine& operator=(const ProgressLine&) = delete;

    // The runs expected from now on (warm-up and counted, both sides of a comparison); the
    // count of started runs restarts. prefix goes before the label (a lesson's run).
    void expect_runs(int runs, std::string prefix = {});
    // What goes before the rest of the line from now on ("point 3/12 "); the run count goes on.
    void set_prefix(std::string prefix) { prefix_ = std::move(prefix); }
    // Erases the line if one is shown; the next tick may draw it again.
    void clear();
    bool enabled() const { return enabled_; }
    // The text of the line for the given figures (without "\r" and the clear), cut to width
    // columns; public for the tests.
    std::string format(int64_t now_ns, int width) const;

    void on_run_start(const std::string& run_id, const RunConfig& config,
                      const MachineInfo& machine, int64_t t_ns) override;
    void on_worker(const WorkerEvent& e) override;
    void on_chunk(const std::string& run_id, const ChunkRecord& c) override;
    void on_progress(const ProgressEvent& p) override;
    void on_sample(const std::string& run_id, const Sample& s) override;
    void on_error(const std::string& run_id, const RunError& e, int64_t t_ns) override;
    void on_run_end(const RunResult& r) override;
    void on_series_end(const RunSeries& s) override { next_.on_series_end(s); }
    void on_comparison(const Comparison& c) override { next_.on_comparison(c); }
    void on_tick(int64_t now_ns) override;
    int ms_until_tick(int64_t now_ns) const override;

  private:
    void draw(int64_t now_ns);

    RunObserver& next_;
    int fd_;
    bool enabled_;
    bool shown_ = false;
    std::string prefix_;
    std::string label_;
    int runs_expected_ = 0;
    int runs_started_ = 0;
    uint64_t done_ = 0;
    uint64_t total_ = 0;
    int64_t series_start_ns_ = 0;
    int64_t run_start_ns_ = 0;
    int64_t last_draw_ns_ = 0;
};

}  // namespace poolscope::cli
