#include "core/engine/engine.h"

#include <signal.h>
#include <unistd.h>

#include "core/config/validation.h"
#include "core/engine/derived_figures.h"
#include "core/engine/pool_runner.h"
#include "core/engine/serial_runner.h"
#include "core/engine/shared_segment.h"
#include "core/engine/threads_runner.h"
#include "core/workloads/workload_registry.h"

namespace poolscope {

Engine::Engine(RunConfig config, RunObserver& observer, std::vector<StopSource*> stops)
    : config_(std::move(config)), observer_(observer), stops_(std::move(stops)) {
    char buf[4096];
    const ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
    if (n > 0) worker_exe_.assign(buf, static_cast<std::size_t>(n));
}

Engine::~Engine() = default;

std::optional<std::string> Engine::prepare() {
    // Writing to the pipe of a worker that just died must be an EPIPE the loop handles, not a
    // signal that kills the engine (and whoever embeds it). Children reset it (fork_child).
    signal(SIGPIPE, SIG_IGN);
    machine_ = read_machine_info();
    if (auto e = validate_config(config_, machine_)) return e;
    if (auto e = parse_fault_plan(config_.inject, faults_)) return e;
    workload_ = make_workload(config_.workload);
    const ParamMap params = with_defaults(workload_->info(), config_.params);
    if (auto e = workload_->configure(params, config_.size)) return "--param: " + *e;
    if (auto e = validate_with_workload(config_, *workload_, machine_)) return e;
    // As a program that allocates its array in shared memory: the shm run then copies nothing.
    workload_->build_input_in_shared_memory(config_.transport == Transport::Shm &&
                                            config_.backend == Backend::Processes);
    workload_->prepare();
    return std::nullopt;
}

std::optional<std::string> Engine::check(const RunConfig& cfg) const {
    if (auto e = validate_config(cfg, machine_)) return e;
    if (!workload_) return "the engine is not prepared";
    return validate_with_workload(cfg, *workload_, machine_);
}

bool Engine::interrupted() const {
    for (auto* s : stops_)
        if (s->check()) return true;
    return false;
}

RunResult Engine::run_once(const RunConfig& cfg) {
    RunContext ctx;
    ctx.config = cfg;
    // What a calibration resolved travels in the config: the result says what work was done,
    // and a run rebuilt from it does the same work.
    for (const auto& [key, value] : workload_->calibrated_params()) ctx.config.params[key] = value;
    ctx.workload = workload_.get();
    ctx.observer = &observer_;
    ctx.stops = stops_;
    ctx.run_id = std::to_string(next_run_++);
    ctx.faults = faults_;
    ctx.machine = read_machine_info();  // load average and memory at this run's start
    ctx.worker_exe = worker_exe_;
    switch (cfg.backend) {
        case Backend::Serial:
            return run_serial(ctx);
        case Backend::Threads:
            return run_threads(ctx);
        case Backend::Processes:
            break;
    }
    // The workload's shared input, if it built one, is the run's segment (nothing copied).
    const SharedSegment::Offer offer(workload_->shared_input());
    RunResult r = run_pool(ctx);
    add_derived_figures(r);
    return r;
}

RunSeries Engine::run_series(const RunConfig& cfg) {
    std::vector<RunResult> runs;
    for (int i = 0; i < cfg.warmup && !interrupted(); ++i) run_once(cfg);
    for (int i = 0; i < cfg.repeat; ++i) {
        runs.push_back(run_once(cfg));
        if (interrupted()) break;
    }
    return make_series(std::move(runs));
}

Comparison Engine::run_compare() {
    RunSeries serial = run_series(serial_counterpart(config_));
    if (interrupted()) {
        Comparison c;
        c.serial = std::move(serial);
        c.verdict = "interrupted before the parallel run";
        return c;
    }
    return make_comparison(std::move(serial), run_series(config_));
}

}  // namespace poolscope
