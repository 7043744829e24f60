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
// events_overhead_bench [--tasks=N] [--rounds=N]   (defaults 10^6 and 5; about 3 min here)
#include <benchmark/benchmark.h>
#include <fcntl.h>
#include <sys/resource.h>
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
#include "bench/medians.h"
#include "bench/observer_hook_timer.h"
#include "bench/ratio_table.h"
#include "core/engine/engine.h"
#include "core/events/event_stream_writer.h"
#include "core/platform/clock.h"

namespace {

using namespace poolscope;
using namespace poolscope::bench;

uint64_t g_tasks = 1'000'000;
int g_rounds = 5;
constexpr int kWorkers = 2;
constexpr int kSampleMs = 100;
constexpr int kHookRuns = 3;

Medians g_medians;                                      // "<config>/<figure>", seconds
std::map<std::string, std::vector<double>> g_by_round;  // engine wall_s per round, per config
std::string g_failure;
double g_floor_s = 0;  // what one timed call costs the hook timer itself (for the printout)

RunConfig square_config(int sample_ms, bool pin) {
    RunConfig cfg;
    cfg.pin = pin;
    cfg.workload = "square";
    cfg.size = g_tasks;
    cfg.workers = kWorkers;
    cfg.chunksize = 1;
    cfg.start = StartMethod::Fork;
    cfg.transport = Transport::Pipe;
    cfg.pool = PoolLifetime::Cold;
    cfg.sample_ms = sample_ms;
    return cfg;
}

double self_cpu_s() {
    rusage u{};
    ::getrusage(RUSAGE_SELF, &u);
    return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
           static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) * 1e-6;
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
    const double cpu0 = self_cpu_s();
    const int64_t t0 = monotonic_ns();
    const RunResult r = engine.run_once(cfg);
    const double outer = static_cast<double>(monotonic_ns() - t0) * 1e-9;
    const double cpu = self_cpu_s() - cpu0;
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
    g_by_round[key].push_back(r.wall_s);
    return true;
}

// Keys of runs with free placement end in this; all others pin the workers.
constexpr std::string_view kFree = "_free";

bool pinned(const std::string& key) {
    return !key.ends_with(kFree);
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

// The configurations take turns, and the order flips every round, so none always runs right
// after another: a change in the machine's load lands on all of them alike.
void register_all() {
    using Fn = void (*)(benchmark::State&);
    const std::pair<const char*, Fn> configs[] = {
        {"Quiet", quiet_run},
        {"EventsToFile", file_run},
        {"EventsToFileBucketsOnly", file_buckets_run},
        {"EventsToPipe", pipe_run},
        {"SamplingOnly", sampling_only_run},
        {"WriterOnly", writer_only_run},
        {"QuietFreePlacement", quiet_free_run},
        {"EventsToFileFreePlacement", file_free_run},
    };
    const int n = static_cast<int>(std::size(configs));
    for (int round = 1; round <= g_rounds; ++round) {
        const std::string at = "/round:" + std::to_string(round);
        for (int i = 0; i < n; ++i) {
            const auto& [name, fn] = configs[round % 2 == 1 ? i : n - 1 - i];
            benchmark::RegisterBenchmark((name + at).c_str(), fn)
                ->UseManualTime()
                ->Iterations(1)
                ->Unit(benchmark::kMillisecond);
        }
    }
    benchmark::RegisterBenchmark("EventsToFileHooksTimed", hooks_timed_run)
        ->UseManualTime()
        ->Iterations(kHookRuns)
        ->Unit(benchmark::kMillisecond);
}

// Median over rounds of (wall_s / the quiet run's wall_s in the same round and placement).
std::optional<double> paired_ratio(const std::string& key) {
    const auto& a = g_by_round[key];
    const auto& b = g_by_round[pinned(key) ? "quiet" : "quiet_free"];
    Medians m;
    for (std::size_t i = 0; i < a.size() && i < b.size(); ++i)
        if (b[i] > 0) m.add("r", a[i] / b[i]);
    return m.median("r");
}

std::optional<double> fastest(const std::string& key) {
    const auto& v = g_by_round[key];
    if (v.empty()) return std::nullopt;
    return *std::min_element(v.begin(), v.end());
}

std::optional<double> slowest(const std::string& key) {
    const auto& v = g_by_round[key];
    if (v.empty()) return std::nullopt;
    return *std::max_element(v.begin(), v.end());
}

void print_tables() {
    const std::string shape = "square, n = " + std::to_string(g_tasks) +
                              ", chunksize 1, 2 workers pinned, fork, pipe (medians of " +
                              std::to_string(g_rounds) + " runs each)";
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
    for (const Figure f : {Figure{"/wall", "Engine wall_s", "wall_s"},
                           Figure{"/outer", "Wall around run_once (with run_end)", "wall"},
                           Figure{"/cpu", "Engine process CPU (getrusage)", "CPU"}}) {
        RatioTable t(std::string(f.title) + ", " + shape, f.header, "s", 1);
        t.add_baseline("quiet", "no observer, sampling off",
                       g_medians.median(std::string("quiet") + f.suffix));
        for (const auto& [key, label] : rows)
            t.add_row(label, g_medians.median(std::string(key) + f.suffix));
        t.print();
    }
    // On a shared machine a run can only be slowed, never sped up, by others: the fastest of
    // each configuration's runs is the one least disturbed.
    RatioTable best("Engine wall_s, fastest of " + std::to_string(g_rounds) + " runs each",
                    "wall_s", "s", 1);
    best.add_baseline("quiet", "no observer, sampling off", fastest("quiet"));
    for (const auto& [key, label] : rows) best.add_row(label, fastest(key));
    best.print();
    // Free placement: the same quiet and file runs as the scheduler places them, with their
    // spread, against the pinned quiet run.
    RatioTable free("Engine wall_s with free placement (the default), medians of " +
                        std::to_string(g_rounds) + " runs each",
                    "wall_s", "s", 1);
    free.add_baseline("quiet", "pinned, no observer, sampling off", g_medians.median("quiet/wall"));
    free.add_row("free, no observer, sampling off", g_medians.median("quiet_free/wall"));
    free.add_row("free, fastest run", fastest("quiet_free"));
    free.add_row("free, slowest run", slowest("quiet_free"));
    free.add_row("free, event stream to a file, sampling 100 ms",
                 g_medians.median("file_free/wall"));
    free.print();
    const std::pair<const char*, const char*> all_rows[] = {rows[0], rows[1], rows[2],
                                                            rows[3], rows[4], {"file_free", ""}};
    std::printf(
        "\nPer-round wall_s ratio to the quiet run of the same round and placement "
        "(median):");
    for (const auto& [key, label] : all_rows) {
        const auto r = paired_ratio(key);
        if (r)
            std::printf(" %s %.3f×", key, *r);
        else
            std::printf(" %s –", key);
    }
    std::printf("\n");
    // The hooks' share is a few per cent at most: printed in per cent, not as a 0.0x ratio.
    const auto hook_s = g_medians.median("file_timed/hooks");
    const auto share = g_medians.median("file_timed/hook_share");
    const auto calls = g_medians.median("file_timed/hook_calls");
    if (hook_s && share && calls)
        std::printf(
            "\nInside EventStreamWriter's hooks (file), medians of %d runs: %.1f ms a run = "
            "%.2f %% of that run's wall_s. An upper bound: it includes the timer's own two clock "
            "reads in each of %.0f calls (about %.0f ns a call, %.1f ms in all).\n",
            kHookRuns, *hook_s * 1e3, 100 * *share, *calls, g_floor_s * 1e9,
            *calls * g_floor_s * 1e3);
    if (!g_failure.empty()) std::printf("A run failed: %s\n", g_failure.c_str());
}

// Takes --tasks=N and --rounds=N out of argv (Google Benchmark refuses flags it does not know).
void take_own_flags(int& argc, char** argv) {
    int kept = 1;
    for (int i = 1; i < argc; ++i) {
        if (std::strncmp(argv[i], "--tasks=", 8) == 0)
            g_tasks = std::strtoull(argv[i] + 8, nullptr, 10);
        else if (std::strncmp(argv[i], "--rounds=", 9) == 0)
            g_rounds = std::max(1, std::atoi(argv[i] + 9));
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
    register_all();
    benchmark::RunSpecifiedBenchmarks();
    print_tables();
    benchmark::Shutdown();
    return 0;
}
