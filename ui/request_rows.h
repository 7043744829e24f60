// The telemetry rows of one request (all its runs, in stream time), as the CPU and memory
// views draw them, plus the runs' intervals for shading.
#pragma once

#include <vector>

#include "ui/run_trace.h"

namespace poolscope::ui {

struct Request;

struct RunInterval {
    double from = 0;
    double to = 0;
    bool serial = false;
};

std::vector<const CoreRow*> cpuRows(const Request& request);
std::vector<RunInterval> runIntervals(const Request& request, double now);
// The end of the request's data so far, seconds since its origin.
double requestEnd(const Request& request);

}  // namespace poolscope::ui
