// Every pair of settings works together: a pairwise covering array over workload × backend ×
// start method × dispatch × transport × pool lifetime (combinations validation refuses are
// left out, and validation is shown to refuse exactly those). Each row, one test case, computes
// what the serial run computes, covers every item exactly once, and shows its settings took
// effect (chunk shape, worker processes and executables, bytes sent, start-up in the clock).
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "core/config/validation.h"
#include "core/platform/machine_info.h"
#include "support/process_hygiene.h"
#include "support/settings_pairwise.h"
#include "support/settings_proc.h"
#include "support/settings_runs.h"

using namespace poolscope;

namespace {

constexpr uint64_t kItems = 23;
constexpr int kWorkers = 3;
constexpr uint64_t kTaskFrameBytes = 24 + 36;  // frame header + task header, no inputs

struct ExeRecorder : RunObserver {
    std::map<int, std::string> exe;  // parallel run's workers only (the serial run is run 1)
    void on_worker(const WorkerEvent& e) override {
        if (e.state == "ready" && e.run_id != "1") exe[e.worker] = test::exe_of(e.pid);
    }
};

uint64_t expected_chunks(const RunConfig& cfg) {
    if (cfg.dispatch == Dispatch::Static) return std::min<uint64_t>(kItems, kWorkers);
    const uint64_t cs = effective_chunksize(cfg);
    return (kItems + cs - 1) / cs;
}

}  // namespace

TEST(PairwiseCoverage, RowsCoverEveryValidPairWithFewerRowsThanTheProduct) {
    const auto rows = test::pairwise_rows();
    EXPECT_EQ(test::uncovered_pairs(rows), std::vector<std::string>{});
    std::size_t valid = 0;
    for (const auto& r : test::full_product()) valid += test::combination_valid(r);
    EXPECT_LT(rows.size() * 4, valid) << "pairwise, not the full product";
    for (const auto& r : rows) EXPECT_TRUE(test::combination_valid(r)) << test::row_name(r);
}

TEST(PairwiseCoverage, ValidationRefusesExactlyTheLeftOutCombinations) {
    const MachineInfo m = read_machine_info();
    for (const auto& row : test::full_product()) {
        const auto refused = validate_config(test::pairwise_config(row, kItems, kWorkers), m);
        EXPECT_EQ(refused.has_value(), !test::combination_valid(row))
            << test::row_name(row) << ": " << refused.value_or("accepted");
    }
}

class PairwiseSettings : public test::ProcessHygiene,
                         public ::testing::WithParamInterface<test::PairwiseRow> {};

TEST_P(PairwiseSettings, ParallelEqualsSerialAndSettingsTakeEffect) {
    const RunConfig cfg = test::pairwise_config(GetParam(), kItems, kWorkers);
    ExeRecorder exes;
    const auto [serial, par] = test::run_serial_and_parallel(cfg, exes);

    // The same work, every item once, nothing lost.
    EXPECT_TRUE(serial.errors.empty());
    EXPECT_TRUE(par.errors.empty()) << (par.errors.empty() ? "" : par.errors[0].message);
    EXPECT_FALSE(par.partial);
    EXPECT_EQ(serial.checksum_items, kItems);
    EXPECT_EQ(par.checksum_items, kItems);
    EXPECT_EQ(par.checksum, serial.checksum);
    EXPECT_EQ(test::coverage_problem(par), "");
    EXPECT_EQ(par.chunks_done, par.chunks);

    // Dispatch: the chunk shape it promises.
    EXPECT_EQ(par.chunks, expected_chunks(cfg));
    if (cfg.dispatch == Dispatch::ApplyAsync) {
        EXPECT_EQ(par.chunks, kItems);
    }

    // Backend and start method: who ran the items.
    std::set<pid_t> pids;
    for (const auto& w : par.worker_records) pids.insert(w.pid);
    EXPECT_EQ(pids.size(), cfg.backend == Backend::Threads ? 1u : std::size_t{kWorkers});
    EXPECT_EQ(pids.count(getpid()), 0u) << "items never run in the engine's process";
    if (cfg.backend == Backend::Processes) {
        // A worker process is alive when it reports ready (the threads host may already have
        // finished by the time its threads' ready frames are read).
        const std::string want = cfg.start == StartMethod::Spawn ? test::real_path(test::cli_path())
                                                                 : test::exe_of(getpid());
        EXPECT_EQ(exes.exe.size(), std::size_t{kWorkers});
        for (const auto& [w, exe] : exes.exe) EXPECT_EQ(exe, want) << "worker " << w;
    }

    // Transport: what went down the pipes.
    if (cfg.transport == Transport::Shm) {
        // A pool's shared queue hands over a 64-byte entry per chunk and no frame at all.
        const bool queue = cfg.backend == Backend::Processes && cfg.dispatch != Dispatch::Static;
        EXPECT_EQ(par.bytes_to_workers, par.chunks * (queue ? 64 : kTaskFrameBytes));
    } else if (cfg.backend == Backend::Processes) {
        EXPECT_GT(par.bytes_to_workers, par.chunks * kTaskFrameBytes);
    }

    // Pool lifetime: start-up inside the clock or apart.
    if (cfg.pool == PoolLifetime::Warm) {
        EXPECT_EQ(par.breakdown.startup, 0);
        EXPECT_GT(par.startup_s, 0);
    } else {
        EXPECT_GT(par.breakdown.startup, 0);
    }
}

INSTANTIATE_TEST_SUITE_P(Rows, PairwiseSettings, ::testing::ValuesIn(test::pairwise_rows()),
                         [](const auto& p) { return test::row_name(p.param); });
