// One sweep from its options to its analysis, shared by `poolscope-cli sweep` and the sweep
// lessons (`poolscope-cli lesson N`): the options read, every point checked before a process
// starts, the serial baselines (one, or one per value of a swept workload parameter, each with
// its own prepared engine) and the points run in the seeded order, then the fits.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/cli/commands.h"
#include "app/cli/progress_line.h"
#include "app/cli/sweep_report.h"
#include "core/session/engine.h"

namespace poolscope::cli {

// Takes the axes (and --param KEY=LIST), --seed and --csv out of args and hands the rest to
// parse_run_options: nullopt, or the refusal in words.
std::optional<std::string> parse_sweep_options(const Args& args, SweepOptions& out);

struct SweepSession {
    std::vector<PointResult> points;               // in the axes' order
    std::vector<std::size_t> run_order;            // indexes into points
    std::vector<Baseline> baselines;               // points[i].baseline indexes these
    std::vector<std::unique_ptr<Engine>> engines;  // one per baseline
    std::vector<SweepPointFigures> figures;
    SweepAnalysis analysis;
    bool interrupted = false;
    bool run_failed = false;
    double outside_share = 0;  // the largest CPU share other programs took during a run

    const MachineInfo& machine() const { return engines.front()->machine(); }
};

// Every point checked against the machine's limits, the order and the baselines set: nullopt,
// or the refusal naming the point.
std::optional<std::string> plan_sweep(const SweepOptions& opt, const MachineInfo& machine,
                                      SweepSession& s);
// The engines prepared and every point checked with its workload: nullopt, or the refusal.
std::optional<std::string> prepare_sweep(const SweepOptions& opt, SweepSession& s,
                                         RunObserver& observer, std::vector<StopSource*> stops);
// The baselines, then the points in the run order, then the analysis.
void run_sweep(const SweepOptions& opt, SweepSession& s, ProgressLine& observer);

}  // namespace poolscope::cli
