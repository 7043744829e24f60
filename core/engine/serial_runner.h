// The serial baseline: one forked child loops over the items in-process (a plain program, no
// dispatch, no pipes per item) and reports progress in slices about every 50 ms. wall_s is the
// loop's own time; the child's start-up and teardown are reported apart.
#pragma once

#include "core/engine/run_context.h"
#include "core/engine/run_result.h"

namespace poolscope {

RunResult run_serial(const RunContext& ctx);

}  // namespace poolscope
