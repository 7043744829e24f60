// --global-lock changes what really runs: with the lock, no two items of a threads pool are
// computed at the same instant (one chunk = one item at chunksize 1, so the chunks' compute
// intervals never overlap); without it, on two or more cores, some do.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "core/platform/machine_info.h"
#include "support/process_hygiene.h"
#include "support/settings_runs.h"

using namespace poolscope;

namespace {

RunConfig threads_config(bool global_lock) {
    RunConfig cfg = test::settings_config("cpu", 40, 2, {{"iterations", "1000000"}});
    cfg.backend = Backend::Threads;
    cfg.global_lock = global_lock;
    cfg.chunksize = 1;
    return cfg;
}

// Pairs of chunks whose [compute_start, compute_end] intervals share more than an endpoint.
int overlapping_pairs(const RunResult& r) {
    int pairs = 0;
    const auto& c = r.chunk_records;
    for (std::size_t i = 0; i < c.size(); ++i)
        for (std::size_t j = i + 1; j < c.size(); ++j)
            if (std::max(c[i].compute_start_ns, c[j].compute_start_ns) <
                std::min(c[i].compute_end_ns, c[j].compute_end_ns))
                ++pairs;
    return pairs;
}

std::size_t threads_used(const RunResult& r) {
    std::set<int> threads;
    for (const auto& c : r.chunk_records) threads.insert(c.worker);
    return threads.size();
}

void expect_complete(const RunResult& r) {
    EXPECT_TRUE(r.errors.empty());
    EXPECT_EQ(r.checksum_items, r.items);
    EXPECT_EQ(test::coverage_problem(r), "");
    for (const auto& c : r.chunk_records) EXPECT_GT(c.compute_end_ns, c.compute_start_ns);
}

}  // namespace

class SettingsGlobalLock : public test::ProcessHygiene {};

TEST_F(SettingsGlobalLock, NoTwoItemsRunAtOnceUnderTheLock) {
    const RunResult r = test::run_config(threads_config(true));
    expect_complete(r);
    EXPECT_EQ(threads_used(r), 2u) << "both threads took items, so overlap was possible";
    EXPECT_EQ(overlapping_pairs(r), 0) << "two items computed at the same instant under the lock";
}

TEST_F(SettingsGlobalLock, ItemsOverlapWithoutTheLock) {
    if (usable_cores() < 2) GTEST_SKIP() << "one usable core: threads cannot run at once";
    const RunResult r = test::run_config(threads_config(false));
    expect_complete(r);
    EXPECT_EQ(threads_used(r), 2u);
    EXPECT_GT(overlapping_pairs(r), 0) << "two threads on two cores never ran at once";
}
