// A finished RunTrace made up in memory, for views that must cope with many chunks: `n` chunks
// dealt round-robin to `workers`, each 5–25 µs of compute with short pipe and codec phases, some
// idle gaps, 10 ms of start-up and 4 ms of teardown; the last chunk is a 30 ms straggler.
#pragma once

#include "ui/run_trace.h"

namespace poolscope::test {

ui::RunTrace syntheticRun(int workers, int n);

}  // namespace poolscope::test
