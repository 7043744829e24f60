// What events_overhead_bench prints once its runs are done: the tables of medians against the
// quiet run (wall_s, the wall around run_once, the engine's CPU), the fastest runs, free against
// pinned placement, the per-round ratios and the writer's hook time; or, with --pairs, one
// configuration's pairs against quiet with their intervals. Also the naming of its runs' keys
// (which placement a key means, which quiet run it is set against), which both halves use.
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "bench/medians.h"
#include "bench/paired_ratios.h"
#include "bench/ratio_table.h"
#include "bench/round_figures.h"

namespace poolscope::bench {

// Keys of runs with free placement end in this; all others pin the workers.
inline constexpr std::string_view kFree = "_free";

inline bool pinned(const std::string& key) {
    return !key.ends_with(kFree);
}

// The quiet run a configuration's runs are set against: the one of the same placement.
inline std::string baseline_of(const std::string& key) {
    return pinned(key) ? "quiet" : "quiet_free";
}

// Everything the printout reads: the figures the runs recorded and the shape they ran with.
struct EventsOverheadFigures {
    const Medians& medians;         // "<config>/<figure>", seconds
    const RoundFigures& per_round;  // per round, per config
    uint64_t tasks;
    int rounds;
    int pairs;  // --pairs=N, 0 for the full run
    std::string pair;
    std::string failure;  // the first failed run's reason, or empty
    double floor_s;       // what one timed call costs the hook timer itself
    int hook_runs;
};

// Each round's figure of key over its quiet run's in the same round and placement.
inline std::vector<double> round_ratios(const EventsOverheadFigures& f, const std::string& figure,
                                        const std::string& key) {
    return f.per_round.ratios(figure, key, baseline_of(key));
}

// --pairs=N: one configuration against its quiet baseline, as many pairs as asked, with intervals.
inline void print_pairs(const EventsOverheadFigures& f) {
    const std::string base = baseline_of(f.pair);
    std::printf(
        "\n%d pairs, square, n = %llu, chunksize 1, 2 workers %s, fork, pipe: %s against %s "
        "(no observer, sampling off), back to back, the order flipping every pair. %s wall_s "
        "median %.3g s.\n",
        f.pairs, static_cast<unsigned long long>(f.tasks), pinned(f.pair) ? "pinned" : "free",
        f.pair.c_str(), base.c_str(), base.c_str(), f.medians.median(base + "/wall").value_or(0));
    const std::pair<const char*, const char*> figures[] = {
        {"wall", "Engine wall_s"},
        {"cpu", "Engine process CPU (getrusage)"},
        {"user", "Its user time"},
        {"sys", "Its system time"},
        {"switches", "Its voluntary context switches"},
        {"faults", "Its minor page faults"}};
    for (const auto& [figure, title] : figures) {
        std::printf("%s, %s / %s:\n", title, f.pair.c_str(), base.c_str());
        print_pairs_line(f.pair, round_ratios(f, figure, f.pair), base);
    }
    if (!f.failure.empty()) std::printf("A run failed: %s\n", f.failure.c_str());
}

inline void print_tables(const EventsOverheadFigures& f) {
    const std::string shape = "square, n = " + std::to_string(f.tasks) +
                              ", chunksize 1, 2 workers pinned, fork, pipe (medians of " +
                              std::to_string(f.rounds) + " runs each)";
    struct Figure {
        const char* suffix;
        const char* title;
        const char* header;
    };
    const std::pair<const char*, const char*> rows[] = {
        {"file", "event stream to a file, sampling 100 ms"},
        {"file_buckets", "the same, --chunk-detail 0 (buckets only)"},
        {"pipe", "event stream to a drained pipe, sampling 100 ms"},
        {"sampling", "sampling 100 ms alone (no observer)"},
        {"writer", "event stream to a file alone (sampling off)"},
    };
    for (const Figure row : {Figure{"/wall", "Engine wall_s", "wall_s"},
                             Figure{"/outer", "Wall around run_once (with run_end)", "wall"},
                             Figure{"/cpu", "Engine process CPU (getrusage)", "CPU"}}) {
        RatioTable t(std::string(row.title) + ", " + shape, row.header, "s", 1);
        t.add_baseline("quiet", "no observer, sampling off",
                       f.medians.median(std::string("quiet") + row.suffix));
        for (const auto& [key, label] : rows)
            t.add_row(label, f.medians.median(std::string(key) + row.suffix));
        t.print();
    }
    // On a shared machine a run can only be slowed, never sped up, by others: the fastest of
    // each configuration's runs is the one least disturbed.
    RatioTable best("Engine wall_s, fastest of " + std::to_string(f.rounds) + " runs each",
                    "wall_s", "s", 1);
    best.add_baseline("quiet", "no observer, sampling off", f.per_round.lowest("wall", "quiet"));
    for (const auto& [key, label] : rows) best.add_row(label, f.per_round.lowest("wall", key));
    best.print();
    // Free placement: the same quiet and file runs as the scheduler places them, with their
    // spread, against the pinned quiet run.
    RatioTable free("Engine wall_s with free placement (the default), medians of " +
                        std::to_string(f.rounds) + " runs each",
                    "wall_s", "s", 1);
    free.add_baseline("quiet", "pinned, no observer, sampling off", f.medians.median("quiet/wall"));
    free.add_row("free, no observer, sampling off", f.medians.median("quiet_free/wall"));
    free.add_row("free, fastest run", f.per_round.lowest("wall", "quiet_free"));
    free.add_row("free, slowest run", f.per_round.highest("wall", "quiet_free"));
    free.add_row("free, event stream to a file, sampling 100 ms",
                 f.medians.median("file_free/wall"));
    free.print();
    std::printf(
        "\nPer-round ratio of engine wall_s to the quiet run of the same round and placement:\n");
    for (const auto& [key, label] : rows)
        print_pairs_line(key, round_ratios(f, "wall", key), "quiet");
    print_pairs_line("file_free", round_ratios(f, "wall", "file_free"), "quiet_free");
    // The hooks' share is a few per cent at most: printed in per cent, not as a 0.0x ratio.
    const auto hook_s = f.medians.median("file_timed/hooks");
    const auto share = f.medians.median("file_timed/hook_share");
    const auto calls = f.medians.median("file_timed/hook_calls");
    if (hook_s && share && calls)
        std::printf(
            "\nInside EventStreamWriter's hooks (file), medians of %d runs: %.1f ms a run = "
            "%.2f %% of that run's wall_s. An upper bound: it includes the timer's own two clock "
            "reads in each of %.0f calls (about %.0f ns a call, %.1f ms in all).\n",
            f.hook_runs, *hook_s * 1e3, 100 * *share, *calls, f.floor_s * 1e9,
            *calls * f.floor_s * 1e3);
    if (!f.failure.empty()) std::printf("A run failed: %s\n", f.failure.c_str());
}

}  // namespace poolscope::bench
