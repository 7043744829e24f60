// What the terminal progress line costs a long run: 10^6 near no-op tasks at chunksize 1
// (square, 2 workers pinned, fork, pipe, cold pool, sampling off), the worst case for a display
// that sees every chunk, run with `poolscope-cli run`'s ProgressLine in front of the null
// observer (enabled, drawing on a pipe a forked child drains, as a terminal would take it) against
// the same run with the null observer alone. The two take turns, the order flipping every round,
// so a change in the machine's load lands on both alike. Two figures:
//   - the whole-run ratio, round by round, with its 95 % interval (noisy: placement and other
//     programs move this workload's wall far more than the display does);
//   - the time spent inside the display's hooks, timed directly (ObserverHookTimer) in a few more
//     runs, as a share of those runs' wall: the display's own cost without the noise. The goal is
//     under 1 %.
// Run: progress_overhead_bench [--tasks=N] [--rounds=N]   (defaults 10^6 and 5)
#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "app/cli/progress_line.h"
#include "bench/drained_pipe.h"
#include "bench/medians.h"
#include "bench/observer_hook_timer.h"
#include "bench/paired_ratios.h"
#include "bench/round_figures.h"
#include "bench/square_config.h"
#include "core/platform/clock.h"
#include "core/session/engine.h"

namespace {

using namespace poolscope;
using namespace poolscope::bench;

uint64_t g_tasks = 1'000'000;
int g_rounds = 5;
constexpr int kHookRuns = 3;
constexpr int kWorkers = 2;

RunConfig square_config() {
    // Pinned: free placement moves this wall by up to 2x.
    return square_chunk_per_task(g_tasks, kWorkers, 0, true);
}

// One run through observer; its wall_s, or a negative value (and a message) when it failed.
double one_run(RunObserver& observer, const char* what) {
    const RunConfig cfg = square_config();
    Engine engine(cfg, observer, {});
    if (auto refused = engine.prepare()) {
        std::fprintf(stderr, "%s: refused: %s\n", what, refused->c_str());
        return -1;
    }
    const RunResult r = engine.run_once(cfg);
    if (r.partial || !r.errors.empty() || r.checksum_items != r.items) {
        std::fprintf(stderr, "%s: the run failed: %s\n", what,
                     r.errors.empty() ? "partial run" : r.errors.front().message.c_str());
        return -1;
    }
    return r.wall_s;
}

// A run with the progress line drawing on a drained pipe, optionally behind the hook timer.
double progress_run(bool time_hooks, Medians& medians) {
    DrainedPipe pipe;
    if (pipe.write_fd() < 0) {
        std::fprintf(stderr, "cannot make the pipe or its reader\n");
        return -1;
    }
    RunObserver none;
    double wall = -1;
    {
        cli::ProgressLine line(none, pipe.write_fd(), /*enabled=*/true);
        line.expect_runs(1);
        if (time_hooks) {
            ObserverHookTimer timer(line);
            wall = one_run(timer, "progress (hooks timed)");
            if (wall > 0) {
                medians.add("hooks", timer.seconds());
                medians.add("share", timer.seconds() / wall);
                medians.add("calls", static_cast<double>(timer.calls()));
            }
        } else {
            wall = one_run(line, "progress");
        }
    }
    if (!pipe.close()) std::fprintf(stderr, "the pipe's reader did not exit cleanly\n");
    return wall;
}

// Seconds per hook call through observer, as the engine calls them in such a run (a chunk, its
// progress, a tick), the least of several batches: the figure least disturbed by the machine.
double per_call_s(RunObserver& observer) {
    constexpr int kCalls = 300000;
    const std::string run_id = "r1";
    ChunkRecord chunk;
    ProgressEvent progress;
    progress.run_id = run_id;
    progress.items_total = kCalls;
    double best = 1;
    for (int batch = 0; batch < 5; ++batch) {
        const int64_t t0 = monotonic_ns();
        for (int i = 0; i < kCalls; ++i) {
            observer.on_chunk(run_id, chunk);
            progress.items_done = static_cast<uint64_t>(i);
            observer.on_progress(progress);
            const int64_t now = monotonic_ns();
            if (observer.ms_until_tick(now) == 0) observer.on_tick(now);
        }
        best = std::min(best, static_cast<double>(monotonic_ns() - t0) * 1e-9 / kCalls);
    }
    return best;
}

void take_own_flags(int argc, char** argv) {
    for (int i = 1; i < argc; ++i) {
        if (std::strncmp(argv[i], "--tasks=", 8) == 0)
            g_tasks = std::max<uint64_t>(1, std::strtoull(argv[i] + 8, nullptr, 10));
        else if (std::strncmp(argv[i], "--rounds=", 9) == 0)
            g_rounds = std::max(1, std::atoi(argv[i] + 9));
        else {
            std::fprintf(stderr, "usage: progress_overhead_bench [--tasks=N] [--rounds=N]\n");
            std::exit(2);
        }
    }
}

}  // namespace

int main(int argc, char** argv) {
    std::signal(SIGPIPE, SIG_IGN);
    take_own_flags(argc, argv);
    const double floor_s = ObserverHookTimer::clock_floor_s();
    Medians medians;
    RoundFigures rounds;
    for (int round = 1; round <= g_rounds; ++round) {
        for (int turn = 0; turn < 2; ++turn) {
            const bool progress = (turn == 0) == (round % 2 == 1);
            RunObserver none;
            const double wall = progress ? progress_run(false, medians) : one_run(none, "quiet");
            if (wall <= 0) return 1;
            rounds.add("wall", progress ? "progress" : "quiet", wall);
            medians.add(progress ? "progress" : "quiet", wall);
            std::printf("round %d: %-8s wall_s %.3f s\n", round, progress ? "progress" : "quiet",
                        wall);
        }
    }
    // The same hook timer in front of the null observer: what the timer's own clock reads cost,
    // taken off the progress line's figure below.
    for (int i = 0; i < kHookRuns; ++i) {
        if (progress_run(true, medians) <= 0) return 1;
        RunObserver none;
        ObserverHookTimer timer(none);
        const double wall = one_run(timer, "no observer (hooks timed)");
        if (wall <= 0) return 1;
        medians.add("none_share", timer.seconds() / wall);
    }

    std::printf(
        "\nsquare, n = %llu, chunksize 1, %d workers pinned, fork, pipe, sampling off; the "
        "progress line drawing on a drained pipe against no observer, %d rounds.\n",
        static_cast<unsigned long long>(g_tasks), kWorkers, g_rounds);
    std::printf("Median wall_s: no observer %.3f s, progress line %.3f s.\n",
                medians.median("quiet").value_or(0), medians.median("progress").value_or(0));
    std::printf("Per-round ratio of wall_s, progress line / no observer:\n");
    print_pairs_line("progress", rounds.ratios("wall", "progress", "quiet"), "quiet");
    const auto hooks = medians.median("hooks");
    const auto share = medians.median("share");
    const auto calls = medians.median("calls");
    const auto none_share = medians.median("none_share");
    if (hooks && share && calls && none_share)
        std::printf(
            "Inside the progress line's hooks, medians of %d runs: %.1f ms a run = %.3f %% of "
            "that run's wall_s; the same timer around no observer: %.3f %%. The display's own "
            "cost: %.3f %% of the run (goal: under 1 %%). The timer's clock reads: %.0f calls, "
            "about %.0f ns each; a figure below zero means below what the timer tells apart.\n",
            kHookRuns, *hooks * 1e3, 100 * *share, 100 * *none_share, 100 * (*share - *none_share),
            *calls, floor_s * 1e9);
    // The same calls in a loop, without the engine: through the progress line (drawing on a
    // drained pipe) against the null observer. Their difference, times the chunks of a run, over
    // the run's wall is the display's cost with the machine's noise taken out.
    RunObserver none;
    const double bare = per_call_s(none);
    DrainedPipe pipe;
    double drawn = bare;
    {
        cli::ProgressLine line(none, pipe.write_fd(), /*enabled=*/true);
        line.expect_runs(1);
        drawn = per_call_s(line);
    }
    pipe.close();
    const double wall = medians.median("quiet").value_or(1);
    std::printf(
        "The hooks of one chunk (on_chunk, on_progress, a tick when due) in a loop: %.1f ns "
        "through the progress line, %.1f ns through no observer; %.1f ns more a chunk, %.1f ms "
        "over the run's %llu chunks = %.3f %% of its median wall_s (goal: under 1 %%).\n",
        drawn * 1e9, bare * 1e9, (drawn - bare) * 1e9,
        (drawn - bare) * static_cast<double>(g_tasks) * 1e3,
        static_cast<unsigned long long>(g_tasks),
        100 * (drawn - bare) * static_cast<double>(g_tasks) / wall);
    return 0;
}
