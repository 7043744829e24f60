// Build facts: the version is the project's, and OpenCV's is the one compiled in (the GUI
// cannot see OpenCV's headers, so it relies on these).
#include <gtest/gtest.h>

#include "core/platform/build_info.h"

#ifdef POOLSCOPE_HAVE_OPENCV
#include <opencv2/core/version.hpp>
#endif

namespace poolscope {

TEST(BuildInfo, VersionIsTheProjects) {
    EXPECT_EQ(poolscope_version(), POOLSCOPE_VERSION);
    EXPECT_FALSE(poolscope_version().empty());
}

TEST(BuildInfo, OpenCvVersionIsTheCompiledOne) {
#ifdef POOLSCOPE_HAVE_OPENCV
    EXPECT_TRUE(has_opencv());
    EXPECT_EQ(opencv_version(), CV_VERSION);
#else
    EXPECT_FALSE(has_opencv());
    EXPECT_EQ(opencv_version(), "not built in");
#endif
}

}  // namespace poolscope
