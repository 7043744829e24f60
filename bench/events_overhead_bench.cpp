// What watching a run costs it: a run of 10^6 near no-op tasks at chunksize 1 (square,
// 2 workers, fork, pipe, cold pool), the worst case for per-chunk events, with the event stream
// written (EventStreamWriter, telemetry sampled every 100 ms) against the same run with
// nothing observed (the null RunObserver, sampling off), all in the same program, taking turns
// round after round. The stream goes to a file (the main figure, as `--events FILE`), to a file
// with every chunk in buckets (as `--chunk-detail 0`) and to a pipe that a forked child drains
// (as the GUI reads it). Two more configurations split the cost: sampling alone (null
// observer) and the writer alone (sampling off). The target: at most 2 % more wall. Figures: the
// engine's wall_s; the caller's wall around run_once (it also formats run_end); the engine
// process's own CPU (getrusage), where observing lands. Last, a few file runs with every writer
// hook timed: the writer's direct cost, without the noise. Placement: where the scheduler puts the
// engine and two ping-ponging workers changes this workload's wall by up to 2x between runs
// (cross-core wake-ups), far more than watching costs. So the configurations above run with the
// workers pinned (`--pin`, worker i on core i), which holds placement still; a quiet and a file run
// with free placement (the default) come too, to show that spread next to the overhead. Run:
// events_overhead_bench [--tasks=N] [--rounds=N]   (defaults 10^6 and 5; about 3 min here), or
// events_overhead_bench --pairs=N [--pair=KEY] [--tasks=N]: one configuration (default file)
// against quiet only, N pairs, each ratio printed with its 95 % interval.
#include <benchmark/benchmark.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bench/drained_pipe.h"
#include "bench/events_overhead_report.h"
#include "bench/medians.h"
#include "bench/observer_hook_timer.h"
#include "bench/paired_ratios.h"
#include "bench/ratio_table.h"
#include "bench/round_figures.h"
#include "bench/run_usage.h"
#include "bench/square_config.h"
#include "core/events/event_stream_writer.h"
#include "core/platform/clock.h"
#include "core/session/engine.h"

namespace {

using namespace poolscope;
using namespace poolscope::bench;

uint64_t g_tasks = 1'000'000;
int g_rounds = 5;
int g_pairs = 0;  // --pairs=N: only --pair's configuration and quiet, N rounds, with intervals
constexpr int kWorkers = 2;
constexpr int kSampleMs = 100;
constexpr int kHookRuns = 3;

Medians g_medians;  // "<config>/<figure>", seconds
// Per round, per config: the engine's "wall" (wall_s) and its process's RunUsage figures.
RoundFigures g_per_round;
std::string g_failure;
double g_floor_s = 0;  // what one timed call costs the hook timer itself (for the printout)

RunConfig square_config(int sample_ms, bool pin) {
    return square_chunk_per_task(g_tasks, kWorkers, sample_ms, pin);
}

// What a benchmark's runs go through: the observer the engine calls, and the timer in front of
// it when the hooks are timed (then the runs count only for the hook figure, since the timer's
// own clock reads would bias their wall).
struct Observed {
    RunObserver& observer;
    ObserverHookTimer* timer = nullptr;
};

// One run with its figures recorded under key; false (and the reason) when it failed.
bool one_run(benchmark::State& state, const std::string& key, Engine& engine, const RunConfig& cfg,
             const Observed& obs) {
    if (obs.timer) obs.timer->reset();
    const RunUsage before = self_usage();
    const int64_t t0 = monotonic_ns();
    const RunResult r = engine.run_once(cfg);
    const double outer = static_cast<double>(monotonic_ns() - t0) * 1e-9;
    const RunUsage usage = usage_since(before);
    const double cpu = usage.at("cpu");
    if (r.partial || !r.errors.empty() || r.checksum_items != r.items) {
        g_failure = key + ": " + (r.errors.empty() ? "partial run" : r.errors.front().message);
        state.SkipWithError(g_failure.c_str());
        return false;
    }
    state.SetIterationTime(r.wall_s);
    state.counters["engine_cpu_s"] = cpu;
    if (obs.timer) {
        g_medians.add(key + "/hooks", obs.timer->seconds());
        g_medians.add(key + "/hook_share", obs.timer->seconds() / r.wall_s);
        g_medians.add(key + "/hook_calls", static_cast<double>(obs.timer->calls()));
        state.counters["hook_s"] = obs.timer->seconds();
        return true;
    }
    g_medians.add(key + "/wall", r.wall_s);
    g_medians.add(key + "/outer", outer);
    g_medians.add(key + "/cpu", cpu);
    g_per_round.add("wall", key, r.wall_s);
    for (const auto& [figure, value] : usage) g_per_round.add(figure, key, value);
    return true;
}

void engine_runs(benchmark::State& state, const std::string& key, int sample_ms,
                 const Observed& obs) {
    const RunConfig cfg = square_config(sample_ms, pinned(key));
    Engine engine(cfg, obs.observer, {});
    if (auto refused = engine.prepare()) {
        state.SkipWithError(refused->c_str());
        return;
    }
    for (auto _ : state)
        if (!one_run(state, key, engine, cfg, obs)) break;
}

void unobserved(benchmark::State& state, const std::string& key, int sample_ms) {
    RunObserver none;  // every hook does nothing
    engine_runs(state, key, sample_ms, {none});
}

// How a configuration's stream is written: the writer's options, and whether its hooks are timed.
struct StreamSetup {
    EventStreamOptions options;
    bool time_hooks = false;
};

// The event stream on fd, optionally behind the hook timer.
void streamed(benchmark::State& state, const std::string& key, int fd, int sample_ms,
              const StreamSetup& setup) {
    EventStreamWriter writer(fd, monotonic_ns(), read_machine_info(), setup.options);
    ObserverHookTimer timer(writer);
    if (setup.time_hooks)
        engine_runs(state, key, sample_ms, {timer, &timer});
    else
        engine_runs(state, key, sample_ms, {writer});
    if (!writer.finish()) state.SkipWithError("the event stream was not written in full");
    state.counters["events_dropped"] = static_cast<double>(writer.dropped().events);
}

void to_file(benchmark::State& state, const std::string& key, int sample_ms,
             const StreamSetup& setup = {}) {
    const std::string path = (std::filesystem::temp_directory_path() /
                              ("poolscope-events-" + std::to_string(::getpid()) + ".jsonl"))
                                 .string();
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) {
        state.SkipWithError("cannot create the event file in the temporary folder");
        return;
    }
    streamed(state, key, fd, sample_ms, setup);
    struct stat st {};
    if (::fstat(fd, &st) == 0) state.counters["stream_bytes"] = static_cast<double>(st.st_size);
    ::close(fd);
    ::unlink(path.c_str());
}

void to_pipe(benchmark::State& state, const std::string& key, int sample_ms) {
    DrainedPipe pipe;
    if (pipe.write_fd() < 0) {
        state.SkipWithError("cannot make the pipe or its reader");
        return;
    }
    streamed(state, key, pipe.write_fd(), sample_ms, {});
    if (!pipe.close()) state.SkipWithError("the pipe's reader did not exit cleanly");
}

void quiet_run(benchmark::State& s) {
    unobserved(s, "quiet", 0);
}
void sampling_only_run(benchmark::State& s) {
    unobserved(s, "sampling", kSampleMs);
}
void writer_only_run(benchmark::State& s) {
    to_file(s, "writer", 0);
}
void file_run(benchmark::State& s) {
    to_file(s, "file", kSampleMs);
}
void file_buckets_run(benchmark::State& s) {
    StreamSetup buckets_only;
    buckets_only.options.chunk_detail_cap = 0;  // as --chunk-detail 0
    to_file(s, "file_buckets", kSampleMs, buckets_only);
}
void pipe_run(benchmark::State& s) {
    to_pipe(s, "pipe", kSampleMs);
}
void quiet_free_run(benchmark::State& s) {
    unobserved(s, "quiet_free", 0);
}
void file_free_run(benchmark::State& s) {
    to_file(s, "file_free", kSampleMs);
}
void hooks_timed_run(benchmark::State& s) {
    to_file(s, "file_timed", kSampleMs, {{}, true});
}

void register_round(const char* name, void (*fn)(benchmark::State&), int round) {
    const std::string at = "/round:" + std::to_string(round);
    benchmark::RegisterBenchmark((name + at).c_str(), fn)
        ->UseManualTime()
        ->Iterations(1)
        ->Unit(benchmark::kMillisecond);
}

// A configuration of the full run, and what --pair calls it.
struct Config {
    const char* name;  // the benchmark's name
    void (*fn)(benchmark::State&);
    const char* key;  // its figures' key, and its name for --pair
};

constexpr Config kConfigs[] = {
    {"Quiet", quiet_run, "quiet"},
    {"EventsToFile", file_run, "file"},
    {"EventsToFileBucketsOnly", file_buckets_run, "file_buckets"},
    {"EventsToPipe", pipe_run, "pipe"},
    {"SamplingOnly", sampling_only_run, "sampling"},
    {"WriterOnly", writer_only_run, "writer"},
    {"QuietFreePlacement", quiet_free_run, "quiet_free"},
    {"EventsToFileFreePlacement", file_free_run, "file_free"},
};

std::string g_pair = "file";  // --pair=KEY: what --pairs sets against quiet

const Config* config_named(const std::string& key) {
    for (const Config& c : kConfigs)
        if (key == c.key) return &c;
    return nullptr;
}

// The configurations take turns, and the order flips every round, so none always runs right
// after another: a change in the machine's load lands on all of them alike. With --pairs=N only
// --pair's configuration and its quiet baseline run, N rounds of one each, the order flipping the
// same way. False when --pair names no configuration.
bool register_all() {
    std::vector<const Config*> configs;
    if (g_pairs > 0) {
        const Config* chosen = config_named(g_pair);
        if (!chosen || g_pair.starts_with("quiet")) return false;
        configs = {config_named(baseline_of(g_pair)), chosen};
    } else {
        for (const Config& c : kConfigs) configs.push_back(&c);
    }
    const std::size_t n = configs.size();
    const int rounds = g_pairs > 0 ? g_pairs : g_rounds;
    for (int round = 1; round <= rounds; ++round)
        for (std::size_t i = 0; i < n; ++i) {
            const Config& c = *configs[round % 2 == 1 ? i : n - 1 - i];
            register_round(c.name, c.fn, round);
        }
    if (g_pairs > 0) return true;
    benchmark::RegisterBenchmark("EventsToFileHooksTimed", hooks_timed_run)
        ->UseManualTime()
        ->Iterations(kHookRuns)
        ->Unit(benchmark::kMillisecond);
    return true;
}

// Takes --tasks=N, --rounds=N, --pairs=N and --pair=KEY out of argv (Google Benchmark refuses flags
// it does not know).
void take_own_flags(int& argc, char** argv) {
    int kept = 1;
    for (int i = 1; i < argc; ++i) {
        if (std::strncmp(argv[i], "--tasks=", 8) == 0)
            g_tasks = std::strtoull(argv[i] + 8, nullptr, 10);
        else if (std::strncmp(argv[i], "--rounds=", 9) == 0)
            g_rounds = std::max(1, std::atoi(argv[i] + 9));
        else if (std::strncmp(argv[i], "--pairs=", 8) == 0)
            g_pairs = std::max(1, std::atoi(argv[i] + 8));
        else if (std::strncmp(argv[i], "--pair=", 7) == 0)
            g_pair = argv[i] + 7;
        else
            argv[kept++] = argv[i];
    }
    argc = kept;
    argv[argc] = nullptr;
}

}  // namespace

int main(int argc, char** argv) {
    std::signal(SIGPIPE, SIG_IGN);  // a reader that went away is a failed write, not our death
    take_own_flags(argc, argv);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    g_floor_s = ObserverHookTimer::clock_floor_s();
    if (!register_all()) {
        std::fprintf(stderr,
                     "--pair=%s: not a configuration to set against quiet (file, file_buckets, "
                     "pipe, sampling, writer, file_free)\n",
                     g_pair.c_str());
        return 2;
    }
    benchmark::RunSpecifiedBenchmarks();
    const EventsOverheadFigures figures{g_medians, g_per_round, g_tasks,   g_rounds, g_pairs,
                                        g_pair,    g_failure,   g_floor_s, kHookRuns};
    if (g_pairs > 0)
        print_pairs(figures);
    else
        print_tables(figures);
    benchmark::Shutdown();
    return 0;
}
