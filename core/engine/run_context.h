// Everything one run needs from its caller: the configuration, the prepared workload, where
// events go and what may ask it to stop.
#pragma once

#include <string>
#include <vector>

#include "core/config/fault_plan.h"
#include "core/config/run_config.h"
#include "core/engine/run_observer.h"
#include "core/engine/run_result.h"
#include "core/engine/stop_source.h"
#include "core/platform/machine_info.h"
#include "core/workloads/workload.h"

namespace poolscope {

struct RunContext {
    RunConfig config;
    Workload* workload = nullptr;  // configured and prepared
    RunObserver* observer = nullptr;
    std::vector<StopSource*> stops;
    std::string run_id;
    FaultPlan faults;
    MachineInfo machine;
    std::string worker_exe;     // the binary a spawn worker executes (poolscope-cli)
    std::string python_exe;     // the interpreter of the python backends
    std::string python_driver;  // resources/python/poolscope_driver.py, as installed
};

// A result before anything ran: the configuration, machine, id and sizes every runner reports.
inline RunResult blank_result(const RunContext& ctx) {
    RunResult r;
    r.config = ctx.config;
    r.machine = ctx.machine;
    r.run_id = ctx.run_id;
    r.label = describe(ctx.config);
    r.workers = ctx.config.backend == Backend::Serial ? 1 : ctx.config.workers;
    r.items = ctx.config.size;
    return r;
}

// Kill escalation: a worker asked to stop gets SIGTERM, then SIGKILL after this grace.
inline constexpr int64_t kKillGraceNs = 500'000'000;

}  // namespace poolscope
