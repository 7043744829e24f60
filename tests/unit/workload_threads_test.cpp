// The engine forks its workers, which is only safe while it has a single thread. It configures
// and prepares every workload in its own process, so doing that must never start a thread, not
// even inside a native library (OpenCV runs its parallel code on a TBB thread pool).
#include <dirent.h>
#include <gtest/gtest.h>

#include <string>

#include "core/workloads/workload_registry.h"
#include "support/scratch_dir.h"
#include "support/small_workloads.h"

#ifdef POOLSCOPE_HAVE_OPENCV
#include <opencv2/imgcodecs.hpp>
#endif

namespace poolscope {
namespace {

using test_support::configured;
using test_support::small_params;

// Entries of /proc/self/task: one per thread of this process (see proc(5)).
int thread_count() {
    DIR* dir = opendir("/proc/self/task");
    if (dir == nullptr) return -1;
    int count = 0;
    while (const dirent* e = readdir(dir))
        if (e->d_name[0] != '.') ++count;
    closedir(dir);
    return count;
}

TEST(WorkloadThreads, TestProcessStartsWithOneThread) {
    EXPECT_EQ(thread_count(), 1);
}

TEST(WorkloadThreads, PreparingEveryWorkloadStartsNoThread) {
    for (const auto& info : list_workloads()) {
        SCOPED_TRACE(info.name);
        auto w = configured(info.name, small_params(info.name), 16);
        ASSERT_TRUE(w);
        w->prepare();
        EXPECT_EQ(thread_count(), 1) << info.name << " started a thread";
    }
}

#ifdef POOLSCOPE_HAVE_OPENCV
// Reading and enlarging images runs cv::imread and cv::resize in the engine; with OpenCV's
// default thread count an enlargement this size starts TBB worker threads.
TEST(WorkloadThreads, PreparingAFolderOfImagesStartsNoThread) {
    test_support::ScratchDir dir;
    ASSERT_TRUE(cv::imwrite(dir.file("a.png"), cv::Mat(100, 120, CV_8UC3, cv::Scalar(1, 2, 3))));
    ASSERT_TRUE(cv::imwrite(dir.file("b.jpg"), cv::Mat(90, 100, CV_8UC3, cv::Scalar(9, 8, 7))));
    ASSERT_EQ(thread_count(), 1);
    auto w = configured("blur", {{"dir", dir.path()}, {"width", "640"}, {"height", "480"}}, 4);
    ASSERT_TRUE(w);
    EXPECT_EQ(thread_count(), 1) << "configure started a thread";
    w->prepare();
    EXPECT_EQ(thread_count(), 1) << "prepare started a thread";
}
#endif

}  // namespace
}  // namespace poolscope
