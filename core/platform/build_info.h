// What this build of PoolScope was compiled with, for the About box and bug reports. The
// OpenCV version is only known where OpenCV is compiled in, which is core (the blur workload);
// the GUI does not see OpenCV's headers, so it asks here.
#pragma once

#include <string>

namespace poolscope {

// PoolScope's own version ("0.1.0").
std::string poolscope_version();

// Whether OpenCV (and so the blur workload) is compiled in.
bool has_opencv();
// OpenCV's version as compiled in ("4.6.0"), or "not built in" without it.
std::string opencv_version();

}  // namespace poolscope
