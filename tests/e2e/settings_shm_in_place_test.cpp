// --transport shm with a workload whose input is prepared data (transfer): the engine builds that
// input directly in shared memory, as a program allocates its array there, so the shm run copies
// nothing at start-up, holds the input once, and reports the workers' page faults on the shared
// pages apart from compute. Pipe and shm runs alternate in one test on 8 MB items, so a loaded
// machine slows both alike; the comparisons are against the copy the pipe run measurably makes.
#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

#include "support/process_hygiene.h"
#include "support/settings_runs.h"

using namespace poolscope;

namespace {

constexpr uint64_t kItems = 16;
constexpr uint64_t kItemBytes = 1000 * 1000 * 8;  // one float64 array each way
constexpr int kRepeats = 3;

RunConfig transfer_config(Transport t) {
    RunConfig cfg =
        test::settings_config("transfer", kItems, 2, {{"rows", "1000"}, {"cols", "1000"}});
    cfg.chunksize = 1;
    cfg.transport = t;
    cfg.sample_ms = 50;  // peak PSS and the children's page faults
    return cfg;
}

double smallest(const std::vector<double>& v) {
    return *std::min_element(v.begin(), v.end());
}

}  // namespace

class SettingsShmInPlace : public test::ProcessHygiene {};

TEST_F(SettingsShmInPlace, ShmCopiesNothingHoldsTheInputOnceAndCountsItsPageFaults) {
    std::vector<double> pipe_startup, shm_startup, pipe_copy, shm_copy, extra_pss, extra_engine_rss;
    for (int i = 0; i < kRepeats; ++i) {
        const RunResult pipe = test::run_config(transfer_config(Transport::Pipe));
        const RunResult shm = test::run_config(transfer_config(Transport::Shm));
        for (const RunResult* r : {&pipe, &shm}) {
            ASSERT_TRUE(r->errors.empty()) << r->label << ": " << r->errors[0].message;
            ASSERT_EQ(r->checksum_items, kItems) << r->label;
        }
        EXPECT_EQ(shm.checksum, pipe.checksum);
        pipe_startup.push_back(pipe.startup_s);
        shm_startup.push_back(shm.startup_s);
        pipe_copy.push_back(pipe.engine_serialize_s);
        shm_copy.push_back(shm.engine_serialize_s);

        // Page faults apart from compute: shm workers fault the chunk's pages in before the
        // compute stamp, at least one fault per 16 pages (the kernel's fault-around) of every
        // item's input.
        EXPECT_GT(shm.page_fault_s, 0.0);
        EXPECT_EQ(pipe.page_fault_s, 0.0);
        EXPECT_GE(shm.memory.child_minor_faults, kItems * kItemBytes / 4096 / 16);

        ASSERT_GT(shm.memory.samples, 0u);
        ASSERT_GT(pipe.memory.samples, 0u);
        extra_pss.push_back(static_cast<double>(shm.memory.peak_pss_sum_bytes) -
                            static_cast<double>(pipe.memory.peak_pss_sum_bytes));
        extra_engine_rss.push_back(static_cast<double>(shm.memory.engine_peak_rss_bytes) -
                                   static_cast<double>(pipe.memory.engine_peak_rss_bytes));
    }
    // The input is held once, as with pipes. The shm run's segment holds every input and room
    // for every output (the outputs are another 128 MB the pipe run never keeps: it hashes each
    // result frame and lets it go), so it may exceed the pipe run by up to the outputs; copied
    // into a segment of its own, the input was held a second time on top of that, another
    // 128 MB.
    const double input = static_cast<double>(kItems * kItemBytes);
    EXPECT_LT(test::median(extra_pss), input)
        << "shm's peak PSS exceeds pipe's by " << test::median(extra_pss) / 1048576 << " MiB";
    EXPECT_LT(test::median(extra_engine_rss), input)
        << "shm's engine RSS exceeds pipe's by " << test::median(extra_engine_rss) / 1048576
        << " MiB";
    // The pipe run's engine copies every input into task frames (tens of ms for 128 MB); the
    // shm run copies none: its engine only encodes index ranges.
    EXPECT_LT(test::median(shm_copy), 0.05 * test::median(pipe_copy))
        << "shm engine " << test::median(shm_copy) << " s, pipe engine " << test::median(pipe_copy)
        << " s";
    // And its start-up does not carry that copy: best of each against half the copy's cost.
    EXPECT_LT(smallest(shm_startup) - smallest(pipe_startup), 0.5 * test::median(pipe_copy))
        << "start-up shm " << smallest(shm_startup) << " s, pipe " << smallest(pipe_startup)
        << " s, copying the input " << test::median(pipe_copy) << " s";
}
