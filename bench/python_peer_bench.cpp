// CPython's multiprocessing.Pool (the python backend) against the native engine, in one run,
// the two sides alternating round by round so a change in the machine's load lands on both:
//   per-task overhead C = (W·wall − compute) / n of apply_async and of map with chunksize 1
//     (warm pools of 2 workers, 2000 squares),
//   pool start-up (run start until every worker is ready; an empty cold pool of 4) with fork
//     and with spawn,
//   an 8 MB float64 array each way per task, by pipe and by shared memory (8 tasks, warm pool),
//   efficiency at W = usable cores on the cpu workload: wall(W=1) / (W · wall(W=cores)).
// For each it prints Python's figure, the engine's and Python / engine, each as the median of
// the rounds with their min–max. Not a Google Benchmark program: the pairs are the point.
// Run: python_peer_bench [--cli=PATH] [--rounds=N]   (default 3 rounds; about a minute)
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "bench/cli_path.h"
#include "bench/paired_ratios.h"
#include "bench/quiet_engine.h"
#include "core/platform/machine_info.h"

namespace {

using namespace poolscope;
using namespace poolscope::bench;

struct Figure {
    std::string name, unit;
    double scale;                              // seconds → unit
    RunConfig base;                            // backend set per side
    std::function<double(RunConfig)> measure;  // one measurement of one side; < 0 = failed
    std::vector<double> python, native;
};

std::string g_cli;

std::optional<RunResult> run_one(const RunConfig& cfg) {
    QuietEngine engine(cfg, g_cli);
    if (auto e = engine.prepare()) {
        std::fprintf(stderr, "refused: %s\n", e->c_str());
        return std::nullopt;
    }
    std::string why;
    auto r = engine.run(why);
    if (!r) std::fprintf(stderr, "%s: %s\n", describe(cfg).c_str(), why.c_str());
    return r;
}

double per_task_overhead(RunConfig cfg) {
    const auto r = run_one(cfg);
    if (!r) return -1;
    return (r->workers * r->wall_s - r->compute_s) / static_cast<double>(r->items);
}

double startup(RunConfig cfg) {
    const auto r = run_one(cfg);
    return r ? r->startup_s : -1;
}

double per_item_wall(RunConfig cfg) {
    const auto r = run_one(cfg);
    return r ? r->wall_s / static_cast<double>(r->items) : -1;
}

double efficiency(RunConfig cfg) {
    RunConfig one = cfg;
    one.workers = 1;
    const auto a = run_one(one), b = run_one(cfg);
    if (!a || !b) return -1;
    return a->wall_s / (cfg.workers * b->wall_s);
}

RunConfig squares(Dispatch d) {
    RunConfig c;
    c.workload = "square";
    c.size = 2000;
    c.workers = 2;
    c.dispatch = d;
    c.chunksize = d == Dispatch::ApplyAsync ? std::nullopt : std::optional<uint64_t>(1);
    c.pool = PoolLifetime::Warm;
    return c;
}

RunConfig empty_pool(StartMethod s) {
    RunConfig c;
    c.workload = "square";
    c.size = 0;
    c.workers = 4;
    c.start = s;
    return c;
}

RunConfig arrays(Transport t) {
    RunConfig c;
    c.workload = "transfer";
    c.params = {{"rows", "1000"}, {"cols", "1000"}};  // 8 MB
    c.size = 8;
    c.workers = 2;
    c.chunksize = 1;
    c.transport = t;
    c.pool = PoolLifetime::Warm;
    return c;
}

RunConfig cpu_items(int workers) {
    RunConfig c;
    c.workload = "cpu";
    c.params = {{"iterations", "20000"}};  // about 1 ms in CPython, 15 µs natively
    c.size = 4 * static_cast<uint64_t>(workers) * 25;
    c.workers = workers;
    c.pool = PoolLifetime::Warm;
    return c;
}

void line(const std::string& label, const std::vector<double>& v, double scale,
          const std::string& unit) {
    if (v.empty()) return (void)std::printf(" %s – |", label.c_str());
    std::vector<double> s = v;
    std::sort(s.begin(), s.end());
    std::printf(" %.3g %s (%.3g–%.3g) |", s[(s.size() - 1) / 2] * scale, unit.c_str(),
                s.front() * scale, s.back() * scale);
    (void)label;
}

}  // namespace

int main(int argc, char** argv) {
    g_cli = take_cli_path(argc, argv);
    int rounds = 3;
    for (int i = 1; i < argc; ++i)
        if (std::strncmp(argv[i], "--rounds=", 9) == 0)
            rounds = std::max(1, std::atoi(argv[i] + 9));
    const int cores = std::max(2, read_machine_info().usable_cores);
    std::vector<Figure> figs{
        {"per-task overhead, apply_async",
         "µs",
         1e6,
         squares(Dispatch::ApplyAsync),
         per_task_overhead,
         {},
         {}},
        {"per-task overhead, map chunksize 1",
         "µs",
         1e6,
         squares(Dispatch::Map),
         per_task_overhead,
         {},
         {}},
        {"pool start-up, fork (4 workers)",
         "ms",
         1e3,
         empty_pool(StartMethod::Fork),
         startup,
         {},
         {}},
        {"pool start-up, spawn (4 workers)",
         "ms",
         1e3,
         empty_pool(StartMethod::Spawn),
         startup,
         {},
         {}},
        {"8 MB array each way, pipe", "ms", 1e3, arrays(Transport::Pipe), per_item_wall, {}, {}},
        {"8 MB array each way, shm", "ms", 1e3, arrays(Transport::Shm), per_item_wall, {}, {}},
        {"efficiency at W = " + std::to_string(cores) + ", cpu",
         "",
         1,
         cpu_items(cores),
         efficiency,
         {},
         {}},
    };
    if (g_cli.empty()) std::fprintf(stderr, "poolscope-cli not found: native spawn will fail\n");
    for (int round = 0; round < rounds; ++round) {
        for (auto& f : figs) {
            // Alternate which side goes first, so neither always meets a warmer machine.
            for (int k = 0; k < 2; ++k) {
                const bool python = (k == 0) == (round % 2 == 0);
                RunConfig cfg = f.base;
                cfg.backend = python ? Backend::Python : Backend::Processes;
                const double v = f.measure(cfg);
                if (v > 0) (python ? f.python : f.native).push_back(v);
            }
        }
        std::fprintf(stderr, "round %d of %d done\n", round + 1, rounds);
    }
    std::printf(
        "\nCPython's multiprocessing.Pool vs the native engine, %d rounds, medians "
        "(min–max); Python / engine as the median of the rounds' ratios with its 95 %% "
        "bootstrap interval\n\n| measurement | Python | engine | Python / engine |\n"
        "|---|---:|---:|---:|\n",
        rounds);
    for (const auto& f : figs) {
        std::printf("| %s |", f.name.c_str());
        line("python", f.python, f.scale, f.unit);
        line("native", f.native, f.scale, f.unit);
        std::vector<double> ratios;
        for (std::size_t i = 0; i < std::min(f.python.size(), f.native.size()); ++i)
            ratios.push_back(f.python[i] / f.native[i]);
        if (ratios.empty()) {
            std::printf(" – |\n");
            continue;
        }
        const PairedSummary p = summarize_pairs(ratios);
        std::printf(" %.3g× (%.3g–%.3g) |\n", p.median.value, p.median.low, p.median.high);
    }
    return 0;
}
