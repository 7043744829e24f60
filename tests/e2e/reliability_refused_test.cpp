// Refused before any process starts: invalid parameters, and a run that would need more memory
// than the machine allows, exit 2 with one line that says why — and the event stream proves no
// run began (no run_start, no worker), while a valid run's stream shows both, so the check can
// tell. The memory refusal quotes the estimate and the limit.
#include <gtest/gtest.h>

#include <cstdio>
#include <regex>

#include "core/config/validation.h"
#include "core/platform/machine_info.h"
#include "core/workloads/workload_registry.h"
#include "support/reliability_cli.h"
#include "support/reliability_events.h"
#include "support/reliability_processes.h"
#include "support/scratch_dir.h"

using namespace poolscope;
using namespace poolscope::test;

namespace {

struct Refusal {
    std::vector<std::string> args;
    std::string says;
};

void PrintTo(const Refusal& r, std::ostream* os) {
    for (const auto& a : r.args) *os << a << ' ';
}

const Refusal kRefusals[] = {
    {{"--workers", "0"}, "--workers must be in 1"},
    {{"--chunksize", "0"}, "--chunksize must be ≥ 1"},
    {{"--workload", "nosuch"}, "unknown workload 'nosuch'"},
    {{"--workload", "sleep", "--param", "ms=-5"}, "--param: "},
    {{"--workload", "sleep", "--param", "bogus=1"}, "no parameter 'bogus'"},
    {{"--sample-ms", "10"}, "--sample-ms must be 0 (off) or in 50"},
    {{"--inject", "explode@chunk=1"}, "unknown fault 'explode@chunk=1'"},
    {{"--global-lock"}, "--global-lock needs --backend threads"},
    {{"--max-frame", "100"}, "--max-frame must be in 4096"},
    {{"--workload", "transfer", "--max-frame", "4096"}, "exceeds the frame limit"},
    {{"--task-timeout", "-1"}, "--task-timeout must be"},
    {{"--reap-delay-ms", "20000"}, "--reap-delay-ms must be in 0 … 10000"},
    {{"--backend", "threads", "--reap-delay-ms", "50"},
     "--reap-delay-ms needs --backend processes"},
    {{"--workers"}, "--workers needs a value"},
};

struct Refused {
    CliResult cli;
    bool events_written = false;
    bool run_started = false;
    bool worker_started = false;
    std::string error_event;  // code of the error event, if any
};

Refused run_refused(std::vector<std::string> args) {
    test_support::ScratchDir dir;
    const std::string events = dir.file("events.jsonl");
    std::vector<std::string> all{"run", "--events", events};
    all.insert(all.end(), args.begin(), args.end());
    LiveCli cli(all);
    Refused r;
    r.cli = cli.finish(30);
    const SavedEvents saved(events);
    r.events_written = !saved.all().empty();
    r.run_started = saved.has_type("run_start");
    r.worker_started = saved.has_type("worker");
    for (const auto& e : saved.of_type("error")) r.error_event = e.value("code", "");
    return r;
}

void expect_refused(const Refused& r, const std::string& says) {
    ASSERT_FALSE(r.cli.timed_out);
    EXPECT_EQ(r.cli.exit_code, 2) << r.cli.err;
    EXPECT_EQ(r.cli.err.rfind("poolscope-cli run: error: ", 0), 0u) << r.cli.err;
    EXPECT_NE(r.cli.err.find(says), std::string::npos) << r.cli.err;
    EXPECT_EQ(std::count(r.cli.err.begin(), r.cli.err.end(), '\n'), 1) << r.cli.err;
    EXPECT_TRUE(r.cli.out.empty()) << r.cli.out;
    EXPECT_FALSE(r.run_started) << "a run started before the refusal";
    EXPECT_FALSE(r.worker_started) << "a worker started before the refusal";
    if (r.events_written) {
        EXPECT_EQ(r.error_event, "bad_input");
    }
}

}  // namespace

class ReliabilityRefused : public ReliabilityTest, public ::testing::WithParamInterface<Refusal> {};

TEST_P(ReliabilityRefused, BeforeAnyProcessStartsWithTheReason) {
    expect_refused(run_refused(GetParam().args), GetParam().says);
}

INSTANTIATE_TEST_SUITE_P(, ReliabilityRefused, ::testing::ValuesIn(kRefusals));

class ReliabilityRefusedCheck : public ReliabilityTest {};

// The control: the same reading of the stream does see a run that starts.
TEST_F(ReliabilityRefusedCheck, AValidRunShowsRunStartAndWorkers) {
    const Refused r = run_refused({"--workload", "square", "--size", "10", "--workers", "2"});
    EXPECT_EQ(r.cli.exit_code, 0) << r.cli.err;
    EXPECT_TRUE(r.run_started);
    EXPECT_TRUE(r.worker_started);
}

TEST_F(ReliabilityRefusedCheck, TooMuchMemoryIsRefusedWithTheEstimateAndTheLimit) {
    // 1,000,000 arrays of 10000x100 float64: 8 TB of prepared input.
    RunConfig cfg;
    cfg.workload = "transfer";
    cfg.size = 1'000'000;
    cfg.workers = 2;
    cfg.chunksize = 1;
    auto wl = make_workload("transfer");
    ASSERT_FALSE(wl->configure(with_defaults(wl->info(), {}), cfg.size));
    const uint64_t need = estimate_run_memory(cfg, *wl);
    const uint64_t budget = read_machine_info().memory_budget_bytes();
    ASSERT_GT(budget, 0u) << "this machine reports no memory limit at all";
    ASSERT_GT(need, budget);

    const Refused r = run_refused(
        {"--workload", "transfer", "--size", "1000000", "--workers", "2", "--chunksize", "1"});
    expect_refused(r, "of memory is available");
    EXPECT_LT(r.cli.seconds, 10.0) << "refused up front, not after trying to allocate";
    std::smatch m;
    ASSERT_TRUE(std::regex_search(r.cli.err, m,
                                  std::regex("needs about ([0-9.]+) MiB but only ([0-9.]+) MiB")))
        << r.cli.err;
    char expected[64];
    std::snprintf(expected, sizeof expected, "%.1f", need / (1024.0 * 1024.0));
    EXPECT_EQ(m[1].str(), expected) << "the estimate";
    const double limit_mib = std::stod(m[2].str());
    const double budget_mib = budget / (1024.0 * 1024.0);
    // MemAvailable moves while tests run; the limit quoted is the machine's, give or take.
    EXPECT_GT(limit_mib, budget_mib * 0.5) << "the limit";
    EXPECT_LT(limit_mib, budget_mib * 2.0) << "the limit";
}
