// The python and python-threads backends: one run through CPython's multiprocessing.Pool (or
// its ThreadPool), driven by resources/python/poolscope_driver.py and supervised like the
// engine's own workers: its stream checked and relayed (PythonRelay), telemetry from /proc for
// the driver and every pool worker, Stop, a pool worker that dies reported at once (Python's
// Pool would replace it and wait for its lost task forever), and the driver's whole process
// group ended and its shared memory removed whatever happens.
#pragma once

#include "core/engine/run_context.h"
#include "core/engine/run_result.h"

namespace poolscope {

RunResult run_python(const RunContext& ctx);

}  // namespace poolscope
