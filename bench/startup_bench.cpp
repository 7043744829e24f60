// What starting a pool of 4 workers costs the engine (RunResult.startup_s: run start until the
// last worker reported ready, on an empty run) for the fork and the spawn start methods, against
// floors measured in the same run: a bare fork of 4 children that each write one byte, and a
// bare fork + exec of the same poolscope-cli binary (`--version`, stdout to /dev/null) 4 times.
// Run: startup_bench [--cli=PATH]   (or set POOLSCOPE_CLI; about 10 s)
#include <benchmark/benchmark.h>

#include <csignal>
#include <cstdio>
#include <string>

#include "bench/cli_path.h"
#include "bench/medians.h"
#include "bench/quiet_engine.h"
#include "bench/ratio_table.h"
#include "bench/raw_start.h"

namespace {

using namespace poolscope;
using namespace poolscope::bench;

constexpr int kWorkers = 4;
constexpr int kRounds = 3;
constexpr int kForkIterations = 9;   // per round
constexpr int kSpawnIterations = 3;  // per round; an exec loads OpenCV's libraries: ~10x a fork

Medians g_startup;  // seconds per configuration
std::string g_cli;

RunConfig empty_pool(StartMethod start) {
    RunConfig cfg;
    cfg.workload = "square";
    cfg.size = 0;  // start-up and teardown only
    cfg.workers = kWorkers;
    cfg.start = start;
    cfg.pool = PoolLifetime::Cold;
    return cfg;
}

void raw_fork(benchmark::State& state) {
    for (auto _ : state) {
        const auto s = raw_fork_ready(kWorkers);
        if (!s) {
            state.SkipWithError("raw fork failed");
            break;
        }
        state.SetIterationTime(*s);
        g_startup.add("raw_fork", *s);
    }
}

void raw_exec(benchmark::State& state) {
    for (auto _ : state) {
        const auto s = raw_fork_exec(g_cli, "--version", kWorkers);
        if (!s) {
            state.SkipWithError("raw fork + exec failed");
            break;
        }
        state.SetIterationTime(*s);
        g_startup.add("raw_exec", *s);
    }
}

void engine_startup(benchmark::State& state, const std::string& key, StartMethod start) {
    QuietEngine engine(empty_pool(start), g_cli);
    run_iterations(state, engine, [&](const RunResult& r) {
        g_startup.add(key, r.startup_s);
        return r.startup_s;
    });
}

// The configurations take turns, round after round, so a change in the machine's load
// lands on all of them alike instead of on whichever happened to run then.
void register_all() {
    for (int round = 1; round <= kRounds; ++round) {
        const std::string at = "/round:" + std::to_string(round);
        auto timed = [](benchmark::internal::Benchmark* b, int iterations) {
            b->UseManualTime()->Iterations(iterations)->Unit(benchmark::kMicrosecond);
        };
        timed(benchmark::RegisterBenchmark(("RawFork4" + at).c_str(), raw_fork), kForkIterations);
        timed(benchmark::RegisterBenchmark(("EngineForkStartup4" + at).c_str(), engine_startup,
                                           "fork", StartMethod::Fork),
              kForkIterations);
        if (g_cli.empty()) continue;  // spawn needs poolscope-cli; the table says so
        timed(benchmark::RegisterBenchmark(("RawForkExec4" + at).c_str(), raw_exec),
              kSpawnIterations);
        timed(benchmark::RegisterBenchmark(("EngineSpawnStartup4" + at).c_str(), engine_startup,
                                           "spawn", StartMethod::Spawn),
              kSpawnIterations);
    }
}

void print_table() {
    RatioTable t("Cold start-up of 4 workers (medians of " +
                     std::to_string(kRounds * kForkIterations) + " fork and " +
                     std::to_string(kRounds * kSpawnIterations) +
                     " spawn runs; engine: RunResult.startup_s of an empty run)",
                 "start-up", "ms", 1e3);
    t.add_baseline("raw fork", "raw fork of 4 children, each writes one byte",
                   g_startup.median("raw_fork"));
    t.add_row("engine, start fork", g_startup.median("fork"));
    if (g_cli.empty()) {
        const std::string why = "skipped: poolscope-cli not found (--cli=PATH or POOLSCOPE_CLI)";
        t.add_note("raw fork + exec of poolscope-cli --version, 4 children", why);
        t.add_note("engine, start spawn", why);
    } else {
        t.add_baseline("raw fork+exec", "raw fork + exec of poolscope-cli --version, 4 children",
                       g_startup.median("raw_exec"));
        t.add_row("engine, start spawn", g_startup.median("spawn"));
    }
    t.print();
}

}  // namespace

int main(int argc, char** argv) {
    std::signal(SIGPIPE, SIG_IGN);
    g_cli = take_cli_path(argc, argv);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    register_all();
    benchmark::RunSpecifiedBenchmarks();
    print_table();
    benchmark::Shutdown();
    return 0;
}
