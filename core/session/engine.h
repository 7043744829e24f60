// Engine: the entry point of core. It validates a configuration, builds and prepares the
// workload (once, before any fork), then runs series of runs (warm-ups, repeats) and
// serial-vs-parallel comparisons. Single-threaded; it never runs workload items itself.
// It sits above every backend (core/engine's runners, core/python's, which reads the events
// layer's parser) and above analysis, which turns two series into a comparison.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/engine/run_context.h"
#include "core/engine/run_series.h"

namespace poolscope {

class Engine {
  public:
    Engine(RunConfig config, RunObserver& observer, std::vector<StopSource*> stops);
    ~Engine();

    // Everything that can be refused before a process starts. Returns the reason, or nullopt.
    // Sets SIGPIPE to ignored for the process (the engine handles EPIPE itself).
    std::optional<std::string> prepare();
    // After prepare(): whether another config of the same workload, size and parameters (a
    // sweep's point) would be refused, checked as prepare() checks the engine's own config.
    std::optional<std::string> check(const RunConfig& cfg) const;

    // One run of the given config (backend serial or processes) with the prepared workload.
    RunResult run_once(const RunConfig& cfg);
    // cfg.warmup uncounted runs, then cfg.repeat counted ones; stops early when interrupted.
    RunSeries run_series(const RunConfig& cfg);
    // Serial series, then parallel series, with T, C, speedup and the verdict.
    Comparison run_compare();
    // --compare native,python: one serial series, then a series of each backend (the config
    // with only its backend changed), each compared with the serial one. prepare() checks every
    // one of them. Stops early when interrupted.
    void set_compare_backends(std::vector<Backend> backends) {
        compare_backends_ = std::move(backends);
    }
    std::vector<Comparison> run_compare_backends();

    const RunConfig& config() const { return config_; }
    const MachineInfo& machine() const { return machine_; }
    bool interrupted() const;
    // Where a spawn worker binary lives (defaults to this process's own executable).
    void set_worker_exe(std::string path) { worker_exe_ = std::move(path); }
    // The interpreter of the python backends (default /usr/bin/python3); checked by prepare(),
    // unless the caller already checked it for this workload (check_python_backend) and hands
    // over what it found: a lesson probes once, not once per run.
    void set_python(std::string path, std::string checked_versions = {}) {
        python_exe_ = std::move(path);
        python_versions_ = std::move(checked_versions);
    }
    // What the python backends' probe found ("python 3.11.2 numpy 1.24.2 opencv 4.6.0").
    const std::string& python_versions() const { return python_versions_; }

  private:
    RunConfig config_;
    RunObserver& observer_;
    std::vector<StopSource*> stops_;
    MachineInfo machine_;
    std::unique_ptr<Workload> workload_;
    FaultPlan faults_;
    std::string worker_exe_;
    std::string python_exe_;
    std::string python_driver_;
    std::string python_versions_;
    std::vector<Backend> compare_backends_;
    int next_run_ = 1;
};

}  // namespace poolscope
