#include "core/platform/build_info.h"

#ifdef POOLSCOPE_HAVE_OPENCV
#include <opencv2/core/version.hpp>
#endif

namespace poolscope {

std::string poolscope_version() {
    return POOLSCOPE_VERSION;
}

bool has_opencv() {
#ifdef POOLSCOPE_HAVE_OPENCV
    return true;
#else
    return false;
#endif
}

std::string opencv_version() {
#ifdef POOLSCOPE_HAVE_OPENCV
    return CV_VERSION;
#else
    return "not built in";
#endif
}

}  // namespace poolscope
