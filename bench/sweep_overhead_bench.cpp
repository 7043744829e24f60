// What a sweep costs beyond its runs: `poolscope-cli sweep` over 2 worker counts × 5 chunksizes
// (square, n = 20000, one run per point, the serial baseline once) against the same 11 runs done
// one by one, each its own `poolscope-cli run --json` (the baseline with --backend serial). For
// both, the overhead is the wall around the commands less the sum of the runs' own wall_s (from
// their JSON): process start, preparing the workload, validation, analysis and output. Printed
// per point, with the sweep's share of its whole wall; the two take turns, the order flipping
// every round, so the machine's load lands on both alike.
// Run: sweep_overhead_bench [--cli=PATH] [--rounds=N]   (default 5; about 30 s)
#include <sys/wait.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "bench/cli_path.h"
#include "bench/medians.h"
#include "bench/paired_ratios.h"
#include "bench/round_figures.h"
#include "core/platform/clock.h"

namespace {

using namespace poolscope;
using namespace poolscope::bench;
using nlohmann::json;

const std::vector<int> kWorkers{1, 2};
const std::vector<int> kChunksizes{1, 4, 16, 64, 256};
const std::string kShape = " --workload square --size 20000 --progress never --json";

// stdout of a shell command line, and whether it exited 0.
std::optional<std::string> capture(const std::string& command) {
    FILE* p = ::popen(command.c_str(), "r");
    if (!p) return std::nullopt;
    std::string out;
    char buf[1 << 16];
    for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, p)) > 0;) out.append(buf, n);
    const int status = ::pclose(p);
    if (status == -1 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) return std::nullopt;
    return out;
}

// The sum of wall_s over a series' runs (or of the single run a one-run `run --json` prints).
double runs_wall(const json& doc) {
    if (!doc.contains("runs")) return doc.at("wall_s").get<double>();
    double sum = 0;
    for (const auto& r : doc.at("runs")) sum += r.at("wall_s").get<double>();
    return sum;
}

std::string list(const std::vector<int>& v) {
    std::string out;
    for (const int x : v) out += (out.empty() ? "" : ",") + std::to_string(x);
    return out;
}

struct Outcome {
    double wall = 0;  // around the commands
    double runs = 0;  // sum of the runs' own wall_s
};

std::optional<Outcome> sweep(const std::string& cli) {
    const int64_t t0 = monotonic_ns();
    const auto out = capture("'" + cli + "' sweep" + kShape + " --workers " + list(kWorkers) +
                             " --chunksize " + list(kChunksizes));
    const double wall = static_cast<double>(monotonic_ns() - t0) * 1e-9;
    if (!out) return std::nullopt;
    const json doc = json::parse(*out);
    Outcome o{wall, runs_wall(doc.at("serial"))};
    for (const auto& p : doc.at("points")) o.runs += runs_wall(p.at("series"));
    return o;
}

std::optional<Outcome> one_by_one(const std::string& cli) {
    Outcome o;
    const auto one = [&](const std::string& args) {
        const int64_t t0 = monotonic_ns();
        const auto out = capture("'" + cli + "' run" + kShape + args);
        o.wall += static_cast<double>(monotonic_ns() - t0) * 1e-9;
        if (!out) return false;
        o.runs += runs_wall(json::parse(*out));
        return true;
    };
    if (!one(" --backend serial")) return std::nullopt;
    for (const int w : kWorkers)
        for (const int c : kChunksizes)
            if (!one(" --workers " + std::to_string(w) + " --chunksize " + std::to_string(c)))
                return std::nullopt;
    return o;
}

}  // namespace

int main(int argc, char** argv) {
    const std::string cli = take_cli_path(argc, argv);
    int rounds = 5;
    for (int i = 1; i < argc; ++i) {
        if (std::strncmp(argv[i], "--rounds=", 9) == 0) {
            rounds = std::max(1, std::atoi(argv[i] + 9));
        } else {
            std::fprintf(stderr, "usage: sweep_overhead_bench [--cli=PATH] [--rounds=N]\n");
            return 2;
        }
    }
    if (cli.empty()) {
        std::fprintf(stderr, "poolscope-cli not found: give --cli=PATH or set POOLSCOPE_CLI\n");
        return 2;
    }
    const double points = static_cast<double>(kWorkers.size() * kChunksizes.size() + 1);
    Medians medians;
    RoundFigures per_round;
    for (int round = 1; round <= rounds; ++round) {
        for (int turn = 0; turn < 2; ++turn) {
            const bool as_sweep = (turn == 0) == (round % 2 == 1);
            const auto o = as_sweep ? sweep(cli) : one_by_one(cli);
            if (!o) {
                std::fprintf(stderr, "a command failed (%s)\n", as_sweep ? "sweep" : "run");
                return 1;
            }
            const char* key = as_sweep ? "sweep" : "one_by_one";
            const double per_point = (o->wall - o->runs) / points;
            medians.add(std::string(key) + "/per_point", per_point);
            medians.add(std::string(key) + "/share", (o->wall - o->runs) / o->wall);
            per_round.add("overhead", key, per_point);
            std::printf("round %d: %-10s wall %.3f s, runs %.3f s, overhead %.1f ms a point\n",
                        round, key, o->wall, o->runs, per_point * 1e3);
        }
    }
    const double sweep_pp = medians.median("sweep/per_point").value_or(0);
    const double single_pp = medians.median("one_by_one/per_point").value_or(0);
    std::printf(
        "\n%d points (workers %s × chunksize %s) and the serial baseline, square, n = 20000, one "
        "run each, medians of %d rounds:\n",
        static_cast<int>(points) - 1, list(kWorkers).c_str(), list(kChunksizes).c_str(), rounds);
    std::printf("  sweep:      %.1f ms a point beyond its runs (%.1f %% of its wall)\n",
                sweep_pp * 1e3, 100 * medians.median("sweep/share").value_or(0));
    std::printf("  one by one: %.1f ms a point beyond its runs (%.1f %% of their wall)\n",
                single_pp * 1e3, 100 * medians.median("one_by_one/share").value_or(0));
    std::printf("Per-round ratio of the overhead a point, sweep / one by one:\n");
    print_pairs_line("sweep", per_round.ratios("overhead", "sweep", "one_by_one"), "one by one");
    return 0;
}
