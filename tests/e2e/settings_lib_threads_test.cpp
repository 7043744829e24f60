// --lib-threads changes how many threads a worker really runs: OpenCV's blur in a worker with
// library threads 2 starts extra threads, with library threads 1 the worker stays one thread.
// Counted from /proc/PID/task while the worker is alive (after each of its chunks).
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <vector>

#include "support/process_hygiene.h"
#include "support/settings_proc.h"
#include "support/settings_runs.h"

using namespace poolscope;

#ifdef POOLSCOPE_HAVE_OPENCV

namespace {

struct TaskCounter : RunObserver {
    std::map<int, pid_t> pid;
    std::vector<int> counts;  // the worker's thread count after each of its chunks
    void on_worker(const WorkerEvent& e) override {
        if (e.state == "ready") pid[e.worker] = e.pid;
    }
    void on_chunk(const std::string&, const ChunkRecord& c) override {
        counts.push_back(test::task_count_of(pid.at(c.worker)));
    }
};

std::vector<int> thread_counts(int lib_threads, StartMethod start) {
    RunConfig cfg = test::settings_config("blur", 8, 1, {{"width", "640"}, {"height", "480"}});
    cfg.chunksize = 1;
    cfg.lib_threads = lib_threads;
    cfg.start = start;
    TaskCounter counter;
    const RunResult r = test::run_config(cfg, counter);
    EXPECT_TRUE(r.errors.empty());
    EXPECT_EQ(r.checksum_items, 8u);
    EXPECT_EQ(counter.counts.size(), 8u) << "one count per chunk";
    return counter.counts;
}

}  // namespace

class SettingsLibThreads : public test::ProcessHygiene,
                           public ::testing::WithParamInterface<std::string> {};

TEST_P(SettingsLibThreads, OneLibraryThreadKeepsTheWorkerSingleThreaded) {
    for (int n : thread_counts(1, *parse_start_method(GetParam()))) EXPECT_EQ(n, 1);
}

TEST_P(SettingsLibThreads, TwoLibraryThreadsShowUpInTheWorker) {
    const std::vector<int> counts = thread_counts(2, *parse_start_method(GetParam()));
    ASSERT_FALSE(counts.empty());
    EXPECT_GT(*std::max_element(counts.begin(), counts.end()), 1)
        << "the worker never ran more than one thread";
}

INSTANTIATE_TEST_SUITE_P(Start, SettingsLibThreads, ::testing::Values("fork", "spawn"),
                         [](const auto& p) { return p.param; });

#endif  // POOLSCOPE_HAVE_OPENCV
