// What one telemetry sample costs the engine's loop: RunTelemetry::sample_now() over the engine
// and 16 sleeping workers, against two baselines measured in the same run: reading one statm
// file, and reading the statm files of the same 17 processes (the cheapest look at them all).
// Last, what makes a PSS round expensive: the engine's own smaps_rollup once it holds as much
// as a 10^6-chunk run's bookkeeping (215 MiB resident, allocated after the workers were forked,
// so they do not share it), against its statm.
// Run: telemetry_sample_bench --benchmark_repetitions=10 --benchmark_report_aggregates_only=true
#include <benchmark/benchmark.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/platform/clock.h"
#include "core/platform/read_file.h"
#include "core/telemetry/run_telemetry.h"

namespace {

using poolscope::ProcessRef;

constexpr int kWorkers = 16;
std::vector<ProcessRef> g_procs;  // the engine (this process) and its sleeping workers

// Forks the workers; each sleeps until killed, like an idle pool worker waiting for a chunk.
void start_workers() {
    g_procs.push_back({::getpid(), "engine", -1});
    for (int i = 0; i < kWorkers; ++i) {
        const pid_t pid = ::fork();
        if (pid == 0) {
            for (;;) ::pause();
        }
        if (pid > 0) g_procs.push_back({pid, "worker", i});
    }
}

void stop_workers() {
    for (const ProcessRef& ref : g_procs) {
        if (ref.role != "worker") continue;
        ::kill(ref.pid, SIGKILL);
        ::waitpid(ref.pid, nullptr, 0);
    }
}

void BM_ReadOneStatm(benchmark::State& state) {
    for (auto _ : state) benchmark::DoNotOptimize(poolscope::read_text_file("/proc/self/statm"));
}

void BM_ReadAllStatm(benchmark::State& state) {
    std::vector<std::string> paths;
    for (const ProcessRef& ref : g_procs)
        paths.push_back("/proc/" + std::to_string(ref.pid) + "/statm");
    for (auto _ : state) {
        for (const std::string& path : paths)
            benchmark::DoNotOptimize(poolscope::read_text_file(path));
    }
}

void BM_SampleNow(benchmark::State& state) {
    poolscope::RunTelemetry telemetry(100);
    for (auto _ : state)
        benchmark::DoNotOptimize(telemetry.sample_now(poolscope::monotonic_ns(), g_procs));
}

constexpr std::size_t kLargeMiB = 215;

// The engine's smaps_rollup with kLargeMiB more resident (kept to the end: the samples above
// must not walk it).
void BM_LargeEngineSmapsRollup(benchmark::State& state) {
    static const std::vector<char> bookkeeping(kLargeMiB << 20, 1);  // written: resident
    benchmark::DoNotOptimize(bookkeeping.data());
    for (auto _ : state)
        benchmark::DoNotOptimize(poolscope::read_text_file("/proc/self/smaps_rollup"));
}

BENCHMARK(BM_ReadOneStatm)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_ReadAllStatm)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_SampleNow)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_LargeEngineSmapsRollup)->Unit(benchmark::kMicrosecond);

// Keeps each benchmark's wall and CPU time per iteration (the medians when repeated).
class RecordingReporter : public benchmark::ConsoleReporter {
  public:
    struct Micros {
        double wall = 0;
        double cpu = 0;
    };

    void ReportRuns(const std::vector<Run>& runs) override {
        for (const Run& run : runs) {
            const bool median = run.run_type == Run::RT_Aggregate && run.aggregate_name == "median";
            const std::string& name = run.run_name.function_name;
            if (median || (run.run_type == Run::RT_Iteration && !from_median_.count(name))) {
                micros_[name] = {run.GetAdjustedRealTime(), run.GetAdjustedCPUTime()};
                if (median) from_median_.insert(name);
            }
        }
        ConsoleReporter::ReportRuns(runs);
    }
    Micros micros(const std::string& name) const {
        const auto it = micros_.find(name);
        return it == micros_.end() ? Micros{} : it->second;
    }

  private:
    std::map<std::string, Micros> micros_;
    std::set<std::string> from_median_;
};

// Wall time is what the engine's loop waits; CPU time is what it costs the machine. On a busy
// machine the two part, so both are printed, each as a ratio to the same kind of baseline.
void print_ratios(const RecordingReporter& reporter) {
    const RecordingReporter::Micros one = reporter.micros("BM_ReadOneStatm");
    const RecordingReporter::Micros all = reporter.micros("BM_ReadAllStatm");
    const RecordingReporter::Micros sample = reporter.micros("BM_SampleNow");
    if (one.wall <= 0 || all.wall <= 0 || sample.wall <= 0) return;  // filtered out
    std::printf("\none sample_now(), engine + %zu workers: %.0f us wall, %.0f us CPU\n",
                g_procs.size() - 1, sample.wall, sample.cpu);
    std::printf("  = %.1fx (wall) %.1fx (CPU) reading one statm file\n", sample.wall / one.wall,
                sample.cpu / one.cpu);
    std::printf("  = %.1fx (wall) %.1fx (CPU) reading the %zu statm files\n",
                sample.wall / all.wall, sample.cpu / all.cpu, g_procs.size());
    std::printf("  = %.2f%% of one core when sampling every 100 ms\n", sample.cpu / 100'000 * 100);
    const RecordingReporter::Micros large = reporter.micros("BM_LargeEngineSmapsRollup");
    if (large.wall <= 0) return;
    std::printf(
        "the engine's smaps_rollup with %zu MiB more resident: %.0f us wall (%.1f us per MiB), "
        "%.0fx reading one statm file\n",
        kLargeMiB, large.wall, large.wall / static_cast<double>(kLargeMiB), large.wall / one.wall);
}

}  // namespace

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    start_workers();
    RecordingReporter reporter;
    benchmark::RunSpecifiedBenchmarks(&reporter);
    stop_workers();
    print_ratios(reporter);
    benchmark::Shutdown();
    return 0;
}
