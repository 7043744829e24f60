#include "core/session/engine.h"

#include <signal.h>
#include <unistd.h>

#include "core/analysis/comparison.h"
#include "core/config/validation.h"
#include "core/engine/mpi_launch.h"
#include "core/engine/mpi_runner.h"
#include "core/engine/pool_queue.h"
#include "core/engine/pool_runner.h"
#include "core/engine/pool_task_board.h"
#include "core/engine/serial_runner.h"
#include "core/engine/shared_segment.h"
#include "core/engine/threads_runner.h"
#include "core/python/python_launch.h"
#include "core/python/python_runner.h"
#include "core/workloads/workload_registry.h"

namespace poolscope {

Engine::Engine(RunConfig config, RunObserver& observer, std::vector<StopSource*> stops)
    : config_(std::move(config)), observer_(observer), stops_(std::move(stops)) {
    char buf[4096];
    const ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
    if (n > 0) worker_exe_.assign(buf, static_cast<std::size_t>(n));
    python_exe_ = kDefaultPython;
}

Engine::~Engine() = default;

std::optional<std::string> Engine::prepare() {
    // Writing to the pipe of a worker that just died must be an EPIPE the loop handles, not a
    // signal that kills the engine (and whoever embeds it). Children reset it (fork_child).
    signal(SIGPIPE, SIG_IGN);
    machine_ = read_machine_info();
    if (auto e = validate_config(config_, machine_)) return e;
    if (config_.backend == Backend::Mpi)
        if (auto e = check_mpi_setup(config_, worker_exe_)) return e;
    if (auto e = parse_fault_plan(config_.inject, faults_)) return e;
    workload_ = make_workload(config_.workload);
    const ParamMap params = with_defaults(workload_->info(), config_.params);
    if (auto e = workload_->configure(params, config_.size)) return "--param: " + *e;
    if (auto e = validate_with_workload(config_, *workload_, machine_)) return e;
    bool python = is_python(config_.backend);
    for (Backend b : compare_backends_) {
        RunConfig other = config_;
        other.backend = b;
        if (auto e = validate_config(other, machine_))
            return "--compare " + std::string(to_string(b)) + ": " + *e;
        if (auto e = validate_with_workload(other, *workload_, machine_))
            return "--compare " + std::string(to_string(b)) + ": " + *e;
        python = python || is_python(b);
    }
    if (python) {
        // Before the workload is prepared: a missing interpreter is bad input, found at once.
        python_driver_ = default_python_driver();
        if (python_versions_.empty()) {
            const PythonProbe probe =
                check_python_backend(python_exe_, python_driver_, config_.workload);
            if (probe.refusal) return probe.refusal;
            python_versions_ = *probe.versions;
        }
    }
    // As a program that allocates its array in shared memory: the shm run then copies nothing
    // (room left in front for the shared queue's task board, where the run keeps it).
    workload_->build_input_in_shared_memory(
        config_.transport == Transport::Shm && config_.backend == Backend::Processes,
        uses_queue(config_) ? TaskBoard::bytes() : 0);
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
    ctx.python_exe = python_exe_;
    ctx.python_driver = python_driver_;
    switch (cfg.backend) {
        case Backend::Python:
        case Backend::PythonThreads:
            return run_python(ctx);
        case Backend::Serial:
            return run_serial(ctx);
        case Backend::Threads:
            return run_threads(ctx);
        case Backend::Mpi:
            return run_mpi(ctx);
        case Backend::Processes:
            break;
    }
    // The workload's shared input, if it built one, is the run's segment (nothing copied).
    const SharedSegment::Offer offer(workload_->shared_input());
    return run_pool(ctx);
}

RunSeries Engine::run_series(const RunConfig& cfg) {
    std::vector<RunResult> runs;
    for (int i = 0; i < cfg.warmup && !interrupted(); ++i) run_once(cfg);
    for (int i = 0; i < cfg.repeat; ++i) {
        runs.push_back(run_once(cfg));
        if (interrupted()) break;
    }
    RunSeries series = make_series(std::move(runs));
    if (!series.runs.empty()) observer_.on_series_end(series);
    return series;
}

std::vector<Comparison> Engine::run_compare_backends() {
    std::vector<Comparison> out;
    const RunSeries serial = run_series(serial_counterpart(config_));
    for (Backend b : compare_backends_) {
        if (interrupted()) break;
        RunConfig cfg = config_;
        cfg.backend = b;
        out.push_back(make_comparison(serial, run_series(cfg)));
    }
    if (out.empty()) {
        Comparison c;
        c.serial = serial;
        c.verdict = "interrupted before the parallel run";
        out.push_back(std::move(c));
    }
    return out;
}

Comparison Engine::run_compare() {
    RunSeries serial = run_series(serial_counterpart(config_));
    if (interrupted()) {
        Comparison c;
        c.serial = std::move(serial);
        c.verdict = "interrupted before the parallel run";
        return c;
    }
    Comparison c = make_comparison(std::move(serial), run_series(config_));
    if (!c.parallel.runs.empty()) observer_.on_comparison(c);
    return c;
}

}  // namespace poolscope
