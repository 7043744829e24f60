// What the MPI backend costs on this machine, against the native pipe pool and against raw
// MPI_Send/MPI_Recv of the same bytes, in one run: per-task overhead (workload square, 400
// items, chunksize 1, 2 workers: first dispatch to last result, over n) and one 8 MB array out
// and back (workload transfer, default 10000×100, 8 items, chunksize 1, 2 workers, per item).
// The raw floors are round trips between two ranks of `mpirun -np 2 poolscope-mpi-rank
// --raw-pingpong BYTES N` (8 bytes and 8 MB each way). Needs OpenMPI and a build with
// POOLSCOPE_WITH_MPI; without them the MPI rows say why.
// Run: mpi_bench   (about 30 s)
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <string>
#include <vector>

#include "bench/cli_path.h"
#include "bench/medians.h"
#include "bench/quiet_engine.h"
#include "bench/ratio_table.h"
#include "core/platform/clock.h"

namespace {

using namespace poolscope;
using namespace poolscope::bench;

constexpr int kRounds = 3;
constexpr int kEngineIterations = 2;  // per round
constexpr int kRawRoundTrips = 20;
constexpr long kArrayBytes = 10000L * 100 * 8;

std::string g_cli;
Medians g_task;  // seconds per task
Medians g_item;  // seconds per 8 MB item
std::string g_mpi_refusal;

RunConfig config(Backend backend, const std::string& workload, uint64_t size) {
    RunConfig cfg;
    cfg.workload = workload;
    cfg.size = size;
    cfg.workers = 2;
    cfg.chunksize = 1;
    cfg.backend = backend;
    return cfg;
}

double steady_per_item(const RunResult& r) {
    int64_t first = INT64_MAX, last = 0;
    for (const ChunkRecord& c : r.chunk_records) {
        first = std::min(first, c.dispatch_ns);
        last = std::max(last, c.received_ns);
    }
    return ns_to_s(last - first) / static_cast<double>(r.items);
}

void engine_run(benchmark::State& state, Medians* into, std::string key, RunConfig cfg) {
    QuietEngine engine(cfg, g_cli);
    run_iterations(state, engine, [&](const RunResult& r) {
        const double s = steady_per_item(r);
        into->add(key, s);
        return s;
    });
}

// Round trips of `bytes` each way between two ranks, as the rank program prints them.
std::vector<double> raw_round_trips(long bytes) {
    const std::string rank = g_cli.substr(0, g_cli.rfind('/') + 1) + "poolscope-mpi-rank";
    const std::string root =
        geteuid() == 0 ? "OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 " : "";
    const std::string cmd = "env " + root + "mpirun --oversubscribe --bind-to none -np 2 '" + rank +
                            "' --raw-pingpong " + std::to_string(bytes) + " " +
                            std::to_string(kRawRoundTrips) + " 2>/dev/null";
    std::vector<double> out;
    FILE* p = popen(cmd.c_str(), "r");
    if (!p) return out;
    double s = 0;
    while (std::fscanf(p, "%lf", &s) == 1) out.push_back(s);
    pclose(p);
    return out;
}

void measure_raw() {
    for (int round = 0; round < kRounds; ++round) {
        for (double s : raw_round_trips(8)) g_task.add("raw", s);
        for (double s : raw_round_trips(kArrayBytes)) g_item.add("raw", s);
    }
}

void register_all() {
    QuietEngine probe(config(Backend::Mpi, "square", 1), g_cli);
    if (auto refused = probe.prepare()) g_mpi_refusal = *refused;
    for (int round = 1; round <= kRounds; ++round) {
        const std::string at = "/round:" + std::to_string(round);
        auto timed = [](benchmark::internal::Benchmark* b) {
            b->UseManualTime()->Iterations(kEngineIterations)->Unit(benchmark::kMillisecond);
        };
        std::vector<Backend> backends{Backend::Processes};
        if (g_mpi_refusal.empty()) backends.push_back(Backend::Mpi);
        for (Backend b : backends) {
            const std::string name(to_string(b));
            timed(benchmark::RegisterBenchmark(("PerTask/" + name + at).c_str(), engine_run,
                                               &g_task, name, config(b, "square", 400)));
            timed(benchmark::RegisterBenchmark(("Transfer8MB/" + name + at).c_str(), engine_run,
                                               &g_item, name, config(b, "transfer", 8)));
        }
    }
}

void print_tables() {
    RatioTable task(
        "Per task, square, 400 items, chunksize 1, 2 workers (medians; engine: first "
        "dispatch to last result / n; raw: an 8-byte MPI round trip)",
        "per task", "µs", 1e6);
    RatioTable item(
        "One 10000×100 float64 array (8 MB) out and back, transfer, 8 items, "
        "chunksize 1, 2 workers (medians; raw: MPI_Send + MPI_Recv of 8 MB each way)",
        "per item", "ms", 1e3);
    for (auto* t : {&task, &item}) {
        Medians& m = t == &task ? g_task : g_item;
        if (g_mpi_refusal.empty()) {
            t->add_baseline("raw MPI", "raw MPI_Send/MPI_Recv round trip", m.median("raw"));
            t->add_row("engine, --backend processes (pipes)", m.median("processes"));
            t->add_row("engine, --backend mpi", m.median("mpi"));
        } else {
            t->add_row("engine, --backend processes (pipes)", m.median("processes"));
            t->add_note("engine, --backend mpi", "skipped: " + g_mpi_refusal);
        }
        t->print();
    }
}

}  // namespace

int main(int argc, char** argv) {
    std::signal(SIGPIPE, SIG_IGN);
    g_cli = take_cli_path(argc, argv);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    register_all();
    if (g_mpi_refusal.empty()) measure_raw();
    benchmark::RunSpecifiedBenchmarks();
    print_tables();
    benchmark::Shutdown();
    return 0;
}
