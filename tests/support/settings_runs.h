// Test support for the settings tests: run one configuration in-process (spawn workers execute
// the real CLI binary) and check what a run covered.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/config/run_config.h"
#include "core/engine/run_observer.h"
#include "core/engine/run_result.h"

namespace poolscope::test {

// A processes-backend config with telemetry sampling off.
RunConfig settings_config(const std::string& workload, uint64_t n, int workers,
                          std::map<std::string, std::string> params = {});

struct SerialAndParallel {
    RunResult serial;
    RunResult parallel;
};

// Prepares an engine for cfg and runs it once; fails the current test when it is refused.
RunResult run_config(const RunConfig& cfg, RunObserver& observer);
RunResult run_config(const RunConfig& cfg);
// The serial counterpart and then cfg itself, from one prepared engine.
SerialAndParallel run_serial_and_parallel(const RunConfig& cfg, RunObserver& observer);

// The first error of the run with this code, or null.
const RunError* find_error(const RunResult& r, const std::string& code);

// With --on-failure skip and one item per chunk: exactly the chunk the error names failed (one
// item), and every other item came back once (a failing check of the current test otherwise).
void expect_only_lost(const RunResult& r, const RunError& e, uint64_t n);

// Empty when every item 0 … n-1 lies in exactly one ok chunk; otherwise the first problem.
std::string coverage_problem(const RunResult& r);

// True when ids is 0, 1, …, n-1 in that order.
bool is_identity(const std::vector<uint64_t>& ids, uint64_t n);
// True when ids holds each of 0 … n-1 exactly once.
bool is_permutation_of_range(std::vector<uint64_t> ids, uint64_t n);

double median(std::vector<double> v);

}  // namespace poolscope::test
