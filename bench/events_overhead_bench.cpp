// What watching a run costs it: a run of 10^6 near no-op tasks at chunksize 1 (square,
// 2 workers, fork, pipe, cold pool), the worst case for per-chunk events, with the event stream
// written (EventStreamWriter, telemetry sampled every 100 ms) against the same run with
// nothing observed (the null RunObserver, sampling off), both in the same program, taking
// turns round after round. The stream goes to a file (the main figure, as `--events FILE`) and
// to a pipe that a forked child drains (as the GUI reads it). The target: at most 2 % more wall.
// Figures: the engine's wall_s; the caller's wall around run_once (also run_end's formatting);
// the engine process's own CPU seconds (getrusage), where the observer's work lands.
// Run: events_overhead_bench [--tasks=N] [--rounds=N]   (defaults 10^6 and 5; about 2 min here)
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
#include <vector>

#include "bench/drained_pipe.h"
#include "bench/medians.h"
#include "bench/quiet_engine.h"
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

Medians g_medians;                                      // "<config>/<figure>", seconds
std::map<std::string, std::vector<double>> g_by_round;  // engine wall_s per round, per config
std::string g_failure;

RunConfig square_config() {
    RunConfig cfg;
    cfg.workload = "square";
    cfg.size = g_tasks;
    cfg.workers = kWorkers;
    cfg.chunksize = 1;
    cfg.start = StartMethod::Fork;
    cfg.transport = Transport::Pipe;
    cfg.pool = PoolLifetime::Cold;
    return cfg;
}

double self_cpu_s() {
    rusage u{};
    ::getrusage(RUSAGE_SELF, &u);
    return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
           static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) * 1e-6;
}

// One timed run; false (and the reason in the benchmark) when it failed.
template <typename RunOnce>
bool timed_run(benchmark::State& state, const std::string& key, RunOnce run_once) {
    const double cpu0 = self_cpu_s();
    const int64_t t0 = monotonic_ns();
    std::string why;
    const std::optional<RunResult> r = run_once(why);
    const double outer = static_cast<double>(monotonic_ns() - t0) * 1e-9;
    const double cpu = self_cpu_s() - cpu0;
    if (!r) {
        g_failure = key + ": " + why;
        state.SkipWithError(g_failure.c_str());
        return false;
    }
    state.SetIterationTime(r->wall_s);
    g_medians.add(key + "/wall", r->wall_s);
    g_medians.add(key + "/outer", outer);
    g_medians.add(key + "/cpu", cpu);
    g_by_round[key].push_back(r->wall_s);
    state.counters["engine_cpu_s"] = cpu;
    return true;
}

void quiet_run(benchmark::State& state) {
    QuietEngine engine(square_config());
    if (auto refused = engine.prepare()) {
        state.SkipWithError(refused->c_str());
        return;
    }
    for (auto _ : state)
        if (!timed_run(state, "quiet", [&](std::string& why) { return engine.run(why); })) break;
}

// The run with the event stream on fd and sampling every 100 ms.
void observed_run(benchmark::State& state, const std::string& key, int fd) {
    RunConfig cfg = square_config();
    cfg.sample_ms = kSampleMs;
    const MachineInfo machine = read_machine_info();
    EventStreamWriter writer(fd, monotonic_ns(), machine);
    Engine engine(cfg, writer, {});
    if (auto refused = engine.prepare()) {
        state.SkipWithError(refused->c_str());
        return;
    }
    for (auto _ : state) {
        const bool ok = timed_run(state, key, [&](std::string& why) -> std::optional<RunResult> {
            RunResult r = engine.run_once(cfg);
            if (r.partial || !r.errors.empty() || r.checksum_items != r.items) {
                why = r.errors.empty() ? std::string("partial run") : r.errors.front().message;
                return std::nullopt;
            }
            return r;
        });
        if (!ok) break;
    }
    if (!writer.finish()) state.SkipWithError("the event stream was not written in full");
    const DropCounts dropped = writer.dropped();
    state.counters["events_dropped"] = static_cast<double>(dropped.events);
}

void file_run(benchmark::State& state) {
    const std::string path = (std::filesystem::temp_directory_path() /
                              ("poolscope-events-" + std::to_string(::getpid()) + ".jsonl"))
                                 .string();
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) {
        state.SkipWithError("cannot create the event file in the temporary folder");
        return;
    }
    observed_run(state, "file", fd);
    struct stat st {};
    if (::fstat(fd, &st) == 0) state.counters["stream_bytes"] = static_cast<double>(st.st_size);
    ::close(fd);
    ::unlink(path.c_str());
}

void pipe_run(benchmark::State& state) {
    DrainedPipe pipe;
    if (pipe.write_fd() < 0) {
        state.SkipWithError("cannot make the pipe or its reader");
        return;
    }
    observed_run(state, "pipe", pipe.write_fd());
    if (!pipe.close()) state.SkipWithError("the pipe's reader did not exit cleanly");
}

// The configurations take turns, and the order flips every round, so neither always runs
// right after the other: a change in the machine's load lands on all of them alike.
void register_all() {
    for (int round = 1; round <= g_rounds; ++round) {
        const std::string at = "/round:" + std::to_string(round);
        auto timed = [](benchmark::internal::Benchmark* b) {
            b->UseManualTime()->Iterations(1)->Unit(benchmark::kMillisecond);
        };
        auto quiet = [&] {
            timed(benchmark::RegisterBenchmark(("Quiet" + at).c_str(), quiet_run));
        };
        auto observed = [&] {
            timed(benchmark::RegisterBenchmark(("EventsToFile" + at).c_str(), file_run));
            timed(benchmark::RegisterBenchmark(("EventsToPipe" + at).c_str(), pipe_run));
        };
        if (round % 2 == 1) {
            quiet();
            observed();
        } else {
            observed();
            quiet();
        }
    }
}

// Median over rounds of (observed wall / quiet wall of the same round).
std::optional<double> paired_ratio(const std::string& key) {
    const auto& a = g_by_round[key];
    const auto& b = g_by_round["quiet"];
    Medians m;
    for (std::size_t i = 0; i < a.size() && i < b.size(); ++i)
        if (b[i] > 0) m.add("r", a[i] / b[i]);
    return m.median("r");
}

void print_tables() {
    const std::string shape = "square, n = " + std::to_string(g_tasks) +
                              ", chunksize 1, 2 workers, fork, pipe (medians of " +
                              std::to_string(g_rounds) + " runs each)";
    struct Figure {
        const char* suffix;
        const char* title;
        const char* header;
    };
    for (const Figure f : {Figure{"/wall", "Engine wall_s", "wall_s"},
                           Figure{"/outer", "Wall around run_once (with run_end)", "wall"},
                           Figure{"/cpu", "Engine process CPU (getrusage)", "CPU"}}) {
        RatioTable t(std::string(f.title) + ", " + shape, f.header, "s", 1);
        t.add_baseline("quiet", "no observer, sampling off",
                       g_medians.median(std::string("quiet") + f.suffix));
        t.add_row("event stream to a file, sampling 100 ms",
                  g_medians.median(std::string("file") + f.suffix));
        t.add_row("event stream to a drained pipe, sampling 100 ms",
                  g_medians.median(std::string("pipe") + f.suffix));
        t.print();
    }
    std::printf("\nPer-round wall_s ratio to the quiet run of the same round (median):");
    for (const char* key : {"file", "pipe"}) {
        const auto r = paired_ratio(key);
        if (r)
            std::printf(" %s %.3f×", key, *r);
        else
            std::printf(" %s –", key);
    }
    std::printf("\n");
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
    register_all();
    benchmark::RunSpecifiedBenchmarks();
    print_tables();
    benchmark::Shutdown();
    return 0;
}
