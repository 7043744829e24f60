// The telemetry rows of one request (all its runs, in stream time), as the CPU and memory
// views draw them, plus the runs' intervals for shading.
#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <string>
#include <vector>

#include "ui/run_trace.h"

namespace poolscope::ui {

struct Request;

struct RunInterval {
    double from = 0;
    double to = 0;
    bool serial = false;
};

// The hosts of the request's samples: the engine's first (named once a run named it, else
// empty), then the others in the order the runs first saw them. One entry unless --backend mpi.
std::vector<std::string> requestHosts(const Request& request);
// "node-b", or "node-a (engine)" for the engine's host: how the views title a host.
QString hostTitle(const std::string& host, bool engine);

// Names for hosts where room is short (a chart's legend): each host's first label, less the
// part all of them share up to the last separator but one: poolscope-host-a, poolscope-host-b
// → host-a, host-b; node01, node02 stay whole. Indexed like hosts.
QStringList shortHostNames(const std::vector<std::string>& hosts);

// The rows of one of those hosts (0 = the engine's), every run's in turn.
std::vector<const CoreRow*> cpuRows(const Request& request, std::size_t host = 0);
std::vector<RunInterval> runIntervals(const Request& request, double now);
// The end of the request's data so far, seconds since its origin.
double requestEnd(const Request& request);

}  // namespace poolscope::ui
