// What moving the article's 10000×100 float64 array (8 MB) to a worker and back costs through
// the engine: workload transfer, 16 items, 2 workers, chunksize 1, fork, with --transport pipe
// (and shm once the engine accepts it), against floors measured in the same run: a raw round
// trip of 8 MB each way through a pipe pair to a forked echo child, once with the kernel's
// default 64 KiB pipes and once with 1 MiB pipes like the engine's own (the fair floor: on an
// idle machine each of the small pipes' 256 hand-offs per round trip wakes a sleeping CPU),
// and one memcpy of 8 MB. One frame checksum pass over 8 MB is measured too: the engine and a
// worker take four such passes per item, so it shows what they cost next to a copy.
// The engine's figure is its steady state per item: first dispatch to last result, over n.
// Run: transfer_bench   (about 20 s)
#include <benchmark/benchmark.h>

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "bench/medians.h"
#include "bench/quiet_engine.h"
#include "bench/ratio_table.h"
#include "bench/raw_pipe_echo.h"
#include "core/protocol/frame.h"

namespace {

using namespace poolscope;
using namespace poolscope::bench;

constexpr uint64_t kItems = 16;
constexpr int kWorkers = 2;
constexpr std::size_t kArrayBytes = 10000 * 100 * 8;  // the workload's default rows × cols
constexpr int kRounds = 3;
constexpr int kEngineIterations = 3;  // per round
constexpr int kRawIterations = 10;
constexpr int kEnginePipeBytes = 1 << 20;  // what the engine sets (core/engine/child_process.cpp)

Medians g_per_item;  // seconds
std::string g_shm_refusal;

RunConfig transfer_config(Transport transport) {
    RunConfig cfg;
    cfg.workload = "transfer";  // default rows=10000, cols=100
    cfg.size = kItems;
    cfg.workers = kWorkers;
    cfg.chunksize = 1;
    cfg.start = StartMethod::Fork;
    cfg.transport = transport;
    cfg.pool = PoolLifetime::Cold;
    return cfg;
}

// Buffers touched once up front, so no iteration pays their page faults.
std::vector<std::byte> touched_buffer(std::byte fill) {
    return std::vector<std::byte>(kArrayBytes, fill);
}

void raw_pipe(benchmark::State& state, const std::string& key, int pipe_bytes) {
    auto out = touched_buffer(std::byte{0x11});
    auto in = touched_buffer(std::byte{0});
    PipeEcho echo(kArrayBytes, pipe_bytes);
    if (!echo.started()) {
        state.SkipWithError(pipe_bytes > 0 ? "cannot make the echo's pipes that large "
                                             "(see /proc/sys/fs/pipe-max-size)"
                                           : "cannot start the echo child");
        return;
    }
    for (auto _ : state) {
        const auto s = echo.round_trip(out.data(), in.data());
        if (!s) {
            state.SkipWithError("raw pipe round trip failed");
            break;
        }
        state.SetIterationTime(*s);
        g_per_item.add(key, *s);
    }
    if (!echo.stop()) state.SkipWithError("the echo child did not exit cleanly");
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * 2 * kArrayBytes));
}

void raw_memcpy(benchmark::State& state) {
    auto src = touched_buffer(std::byte{0x22});
    auto dst = touched_buffer(std::byte{0});
    for (auto _ : state) {
        const int64_t t0 = monotonic_ns();
        std::memcpy(dst.data(), src.data(), kArrayBytes);
        benchmark::ClobberMemory();
        const double s = ns_to_s(monotonic_ns() - t0);
        state.SetIterationTime(s);
        g_per_item.add("memcpy", s);
    }
    benchmark::DoNotOptimize(dst.data());
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * kArrayBytes));
}

// One pass of the frame checksum over 8 MB already touched, as a reader takes it over a payload.
void frame_sum(benchmark::State& state) {
    auto src = touched_buffer(std::byte{0x33});
    uint64_t sum = 0;
    for (auto _ : state) {
        const int64_t t0 = monotonic_ns();
        sum ^= frame_checksum(FrameType::Result, {src.data(), src.size()});
        const double s = ns_to_s(monotonic_ns() - t0);
        state.SetIterationTime(s);
        g_per_item.add("checksum", s);
    }
    benchmark::DoNotOptimize(sum);
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * kArrayBytes));
}

// First dispatch to last result, over n: the pool's start-up and teardown are left out, as
// they are for the raw round trip (its child is started before the clock).
double steady_per_item(const RunResult& r) {
    int64_t first = INT64_MAX, last = 0;
    for (const ChunkRecord& c : r.chunk_records) {
        first = std::min(first, c.dispatch_ns);
        last = std::max(last, c.received_ns);
    }
    return ns_to_s(last - first) / static_cast<double>(r.items);
}

void engine_run(benchmark::State& state, const std::string& key, Transport transport) {
    QuietEngine engine(transfer_config(transport));
    run_iterations(state, engine, [&](const RunResult& r) {
        const double per_item = steady_per_item(r);
        g_per_item.add(key, per_item);
        return per_item;
    });
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * 2 * kArrayBytes));
}

// The configurations take turns, round after round, so a change in the machine's load
// lands on all of them alike instead of on whichever happened to run then.
void register_all() {
    {
        QuietEngine probe(transfer_config(Transport::Shm));  // shm runs once the engine takes it
        if (auto refused = probe.prepare()) g_shm_refusal = *refused;
    }
    for (int round = 1; round <= kRounds; ++round) {
        const std::string at = "/round:" + std::to_string(round);
        auto timed = [](benchmark::internal::Benchmark* b, int iterations) {
            b->UseManualTime()->Iterations(iterations)->Unit(benchmark::kMillisecond);
        };
        timed(benchmark::RegisterBenchmark(("RawMemcpy8MB" + at).c_str(), raw_memcpy),
              kRawIterations);
        timed(benchmark::RegisterBenchmark(("FrameChecksum8MB" + at).c_str(), frame_sum),
              kRawIterations);
        timed(
            benchmark::RegisterBenchmark(("RawPipeRoundTrip8MB" + at).c_str(), raw_pipe, "pipe", 0),
            kRawIterations);
        timed(benchmark::RegisterBenchmark(("RawPipeRoundTrip8MB1MiB" + at).c_str(), raw_pipe,
                                           "pipe_1m", kEnginePipeBytes),
              kRawIterations);
        timed(benchmark::RegisterBenchmark(("EnginePipePerItem" + at).c_str(), engine_run,
                                           "engine_pipe", Transport::Pipe),
              kEngineIterations);
        if (g_shm_refusal.empty())
            timed(benchmark::RegisterBenchmark(("EngineShmPerItem" + at).c_str(), engine_run,
                                               "engine_shm", Transport::Shm),
                  kEngineIterations);
    }
}

void print_table() {
    RatioTable t("One 10000×100 float64 array (8 MB) out and back (medians of " +
                     std::to_string(kRounds * kEngineIterations) +
                     " engine runs; engine: transfer, " + std::to_string(kItems) +
                     " items, 2 workers, chunksize 1, fork, first dispatch to last result / n)",
                 "per item", "ms", 1e3);
    t.add_baseline("memcpy", "raw memcpy of 8 MB (one way)", g_per_item.median("memcpy"));
    t.add_row("frame checksum of 8 MB (one pass; four per item by pipe)",
              g_per_item.median("checksum"));
    t.add_baseline("raw pipe", "raw pipe round trip, 8 MB each way, forked echo child",
                   g_per_item.median("pipe"));
    t.add_baseline("1 MiB pipe", "raw pipe round trip, 1 MiB pipes (the engine's size)",
                   g_per_item.median("pipe_1m"));
    t.add_row("engine, --transport pipe", g_per_item.median("engine_pipe"));
    if (g_shm_refusal.empty())
        t.add_row("engine, --transport shm", g_per_item.median("engine_shm"));
    else
        t.add_note("engine, --transport shm", "skipped: " + g_shm_refusal);
    t.print();
}

}  // namespace

int main(int argc, char** argv) {
    std::signal(SIGPIPE, SIG_IGN);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    register_all();
    benchmark::RunSpecifiedBenchmarks();
    print_table();
    benchmark::Shutdown();
    return 0;
}
