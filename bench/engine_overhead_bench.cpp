// The engine's per-task overhead on a near no-op task (square, n = 20000, 2 workers, fork, pipe)
// for map at chunksize 1 and at auto, and apply_async once the engine accepts it, against the
// same message exchange done raw in the same run: 2 forked children on pipe pairs, up to 2
// messages in flight each, messages of the engine's task and result frame sizes for one item.
// The figure compared is the article's C: (W·wall − compute) / n, in worker-seconds per task;
// for the raw exchange compute is zero, so its C is W·wall / n. Chunksize 1 runs twice more,
// engine and raw, with the workers (children) pinned, worker i on core i as `--pin` does: with
// free placement the scheduler's choices move this ping-pong's cost by up to 2x between runs.
// Run: engine_overhead_bench   (about 15 s; add --benchmark_filter=Raw to see one baseline)
#include <benchmark/benchmark.h>

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "bench/medians.h"
#include "bench/quiet_engine.h"
#include "bench/ratio_table.h"
#include "bench/raw_pipe_exchange.h"
#include "core/engine/pool_runner.h"
#include "core/platform/machine_info.h"
#include "core/protocol/messages.h"

namespace {

using namespace poolscope;
using namespace poolscope::bench;

constexpr uint64_t kTasks = 20000;
constexpr int kWorkers = 2;
constexpr int kRounds = 3;
constexpr int kIterations = 5;  // per round
// One square item: frame header + task header + one 8-byte input; the result carries the
// fixed part (ids and stamps), one 8-byte output and the failure count.
constexpr std::size_t kTaskMessage = kFrameHeaderSize + kTaskHeaderBytes + 8;
constexpr std::size_t kResultMessage = kFrameHeaderSize + kResultFixedBytes + 8 + 4;

Medians g_per_task;  // C per configuration, seconds
std::string g_apply_async_refusal;

RunConfig square_config(Dispatch dispatch, std::optional<uint64_t> chunksize, bool pin = false) {
    RunConfig cfg;
    cfg.pin = pin;
    cfg.workload = "square";
    cfg.size = kTasks;
    cfg.workers = kWorkers;
    cfg.dispatch = dispatch;
    cfg.chunksize = chunksize;
    cfg.start = StartMethod::Fork;
    cfg.transport = Transport::Pipe;
    cfg.pool = PoolLifetime::Cold;
    return cfg;
}

// The cores `--pin` uses: the usable ones in affinity order.
std::vector<int> pin_cpus() {
    const MachineInfo m = read_machine_info();
    std::vector<int> cpus = m.affinity_cpus;
    cpus.resize(std::min(cpus.size(), static_cast<std::size_t>(std::max(1, m.usable_cores))));
    return cpus;
}

void raw_exchange(benchmark::State& state, const std::string& key, bool pin) {
    ExchangeShape shape{kWorkers, kInflightPerWorker, kTaskMessage, kResultMessage, {}};
    if (pin) shape.pin_cpus = pin_cpus();
    double c_sum = 0;
    for (auto _ : state) {
        const auto wall = run_raw_exchange(kTasks, shape);
        if (!wall) {
            state.SkipWithError("raw exchange failed (fork, pipe or child)");
            break;
        }
        state.SetIterationTime(*wall);
        const double c = kWorkers * *wall / kTasks;
        g_per_task.add(key, c);
        c_sum += c * 1e6;
    }
    state.counters["C_us"] = benchmark::Counter(c_sum, benchmark::Counter::kAvgIterations);
}

void engine_run(benchmark::State& state, const std::string& key, const RunConfig& cfg) {
    QuietEngine engine(cfg);
    uint64_t messages = 0;
    double c_sum = 0;
    run_iterations(state, engine, [&](const RunResult& r) {
        const double c = (kWorkers * r.wall_s - r.compute_s) / kTasks;
        g_per_task.add(key, c);
        c_sum += c * 1e6;
        messages = r.chunks;
        return r.wall_s;
    });
    state.counters["C_us"] = benchmark::Counter(c_sum, benchmark::Counter::kAvgIterations);
    state.counters["messages"] = static_cast<double>(messages);
}

// The configurations take turns, round after round, so a change in the machine's load
// lands on all of them alike instead of on whichever happened to run then.
void register_all() {
    const RunConfig async_cfg = square_config(Dispatch::ApplyAsync, std::nullopt);
    QuietEngine probe(async_cfg);  // apply_async runs only once the engine accepts it
    if (auto refused = probe.prepare()) g_apply_async_refusal = *refused;
    for (int round = 1; round <= kRounds; ++round) {
        const std::string at = "/round:" + std::to_string(round);
        auto timed = [](benchmark::internal::Benchmark* b) {
            b->UseManualTime()->Iterations(kIterations)->Unit(benchmark::kMillisecond);
        };
        timed(benchmark::RegisterBenchmark(("RawPipeExchange" + at).c_str(), raw_exchange, "raw",
                                           false));
        timed(benchmark::RegisterBenchmark(("EngineMapChunk1" + at).c_str(), engine_run, "map1",
                                           square_config(Dispatch::Map, 1)));
        timed(benchmark::RegisterBenchmark(("EngineMapAuto" + at).c_str(), engine_run, "map_auto",
                                           square_config(Dispatch::Map, std::nullopt)));
        if (g_apply_async_refusal.empty())
            timed(benchmark::RegisterBenchmark(("EngineApplyAsync" + at).c_str(), engine_run,
                                               "apply_async", async_cfg));
        timed(benchmark::RegisterBenchmark(("RawPipeExchangePinned" + at).c_str(), raw_exchange,
                                           "raw_pinned", true));
        timed(benchmark::RegisterBenchmark(("EngineMapChunk1Pinned" + at).c_str(), engine_run,
                                           "map1_pinned", square_config(Dispatch::Map, 1, true)));
    }
}

void print_table() {
    RatioTable t(
        "Per-task overhead C = (W·wall − compute) / n, square, n = 20000, 2 workers, "
        "fork, pipe (medians of " +
            std::to_string(kRounds * kIterations) + " runs)",
        "C per task", "µs", 1e6);
    t.add_baseline("raw", "raw pipe exchange, 2 children, 2 in flight, 1 message per task",
                   g_per_task.median("raw"));
    t.add_row("engine map, chunksize 1 (20000 messages)", g_per_task.median("map1"));
    const uint64_t auto_cs = auto_chunksize(kTasks, kWorkers);
    t.add_row("engine map, chunksize auto = " + std::to_string(auto_cs) + " (" +
                  std::to_string((kTasks + auto_cs - 1) / auto_cs) + " messages)",
              g_per_task.median("map_auto"));
    if (g_apply_async_refusal.empty())
        t.add_row("engine apply_async (20000 messages)", g_per_task.median("apply_async"));
    else
        t.add_note("engine apply_async", "skipped: " + g_apply_async_refusal);
    t.print();
    RatioTable pinned("The same with the workers pinned (worker i on core i, as --pin)",
                      "C per task", "µs", 1e6);
    pinned.add_baseline("raw pinned", "raw pipe exchange, children pinned",
                        g_per_task.median("raw_pinned"));
    pinned.add_row("engine map, chunksize 1, --pin", g_per_task.median("map1_pinned"));
    pinned.add_row("raw pipe exchange, free placement (above)", g_per_task.median("raw"));
    pinned.add_row("engine map, chunksize 1, free placement (above)", g_per_task.median("map1"));
    pinned.print();
}

}  // namespace

int main(int argc, char** argv) {
    std::signal(SIGPIPE, SIG_IGN);  // a child that died is a failed write, not our death
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    register_all();
    benchmark::RunSpecifiedBenchmarks();
    print_table();
    benchmark::Shutdown();
    return 0;
}
