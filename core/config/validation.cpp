#include "core/config/validation.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/config/mpi_hosts.h"
#include "core/engine/chunk_plan.h"
#include "core/engine/fault_plan.h"
#include "core/workloads/workload_registry.h"

namespace poolscope {

namespace {

std::string mib(uint64_t bytes) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.1f MiB", static_cast<double>(bytes) / (1024.0 * 1024.0));
    return buf;
}

// --backend mpi: what a job of ranks started by mpirun cannot honour.
std::optional<std::string> mpi_contradictions(const RunConfig& cfg) {
    if (cfg.backend != Backend::Mpi)
        return cfg.hosts.empty() ? std::nullopt
                                 : std::optional<std::string>("--hosts needs --backend mpi");
    std::vector<MpiHost> hosts;
    if (auto e = parse_mpi_hosts(cfg.hosts, hosts)) return e;
    if (cfg.transport == Transport::Shm && hosts.size() > 1)
        return "--transport shm needs every worker on one machine, but --hosts names " +
               std::to_string(hosts.size()) +
               " hosts (each has its own memory); use --transport pipe (MPI messages)";
    if (cfg.transport == Transport::Shm)
        return "--transport shm is not available with --backend mpi: items travel as MPI "
               "messages (on one machine OpenMPI carries them through its own shared memory); "
               "use --transport pipe";
    if (cfg.start == StartMethod::Spawn)
        return "--start spawn does not apply to --backend mpi (mpirun starts every rank as a "
               "fresh program)";
    if (cfg.pin) return "--pin needs --backend processes (OpenMPI places the ranks)";
    if (cfg.on_failure != OnFailure::Stop)
        return "--on-failure " + std::string(to_string(cfg.on_failure)) +
               " needs --backend processes (a lost rank ends the whole MPI job)";
    return std::nullopt;
}

// What CPython's Pool cannot do, or the driver does not model.
std::optional<std::string> python_contradictions(const RunConfig& cfg) {
    if (!is_python(cfg.backend)) return std::nullopt;
    const std::string b = "--backend " + std::string(to_string(cfg.backend));
    if (cfg.backend == Backend::PythonThreads && cfg.start == StartMethod::Spawn)
        return "--start spawn contradicts " + b + " (a ThreadPool's threads share one process)";
    if (cfg.backend == Backend::PythonThreads && cfg.transport == Transport::Shm)
        return "--transport shm contradicts " + b + " (threads already share memory)";
    if (cfg.pin) return "--pin needs --backend processes (Python's Pool does not pin workers)";
    if (cfg.on_failure != OnFailure::Stop)
        return "--on-failure " + std::string(to_string(cfg.on_failure)) + " needs --backend " +
               "processes (Python's Pool neither retries nor skips a lost task)";
    FaultPlan plan;
    parse_fault_plan(cfg.inject, plan);
    if (plan.error_item || plan.corrupt_chunk || plan.shm_full)
        return b + " takes only the faults crash@chunk=N, hang@chunk=N and kill@t=S";
    return std::nullopt;
}

std::optional<std::string> contradictions(const RunConfig& cfg) {
    if (cfg.start == StartMethod::Forkserver && cfg.backend != Backend::Python)
        return "--start forkserver needs --backend python (multiprocessing's forkserver); got "
               "--backend " +
               std::string(to_string(cfg.backend)) +
               " (the native pool starts workers by fork or spawn)";
    if (auto e = mpi_contradictions(cfg)) return e;
    if (cfg.global_lock && cfg.backend != Backend::Threads)
        return "--global-lock needs --backend threads; got --backend " +
               std::string(to_string(cfg.backend));
    if (cfg.backend == Backend::Threads && cfg.start == StartMethod::Spawn)
        return "--start spawn contradicts --backend threads (threads share one process)";
    if (cfg.dispatch == Dispatch::ApplyAsync && cfg.chunksize && *cfg.chunksize != 1)
        return "--dispatch apply_async sends one message per task: --chunksize must be 1 or "
               "auto; got " +
               std::to_string(*cfg.chunksize);
    if (cfg.dispatch == Dispatch::Static && cfg.chunksize)
        return "--dispatch static makes one block per worker: --chunksize must be auto; got " +
               std::to_string(*cfg.chunksize);
    if (cfg.backend == Backend::Threads && cfg.on_failure == OnFailure::Retry)
        return "--on-failure retry needs --backend processes (one thread cannot be replaced "
               "alone)";
    if (cfg.backend == Backend::Threads && cfg.pin)
        return "--pin needs --backend processes (it pins worker processes)";
    if (cfg.backend == Backend::Threads && cfg.pool == PoolLifetime::Warm)
        return "--pool warm needs --backend processes";
    if (cfg.reap_delay_ms > 0 && cfg.backend != Backend::Processes)
        return "--reap-delay-ms needs --backend processes (it delays reaping the pool's own "
               "worker processes); got --backend " +
               std::string(to_string(cfg.backend));
    if (cfg.backend == Backend::Threads && cfg.transport == Transport::Shm)
        return "--transport shm contradicts --backend threads (threads already share memory)";
    return python_contradictions(cfg);
}

}  // namespace

int max_workers(const MachineInfo& m) {
    return std::min(kMaxWorkersCap, std::max(64, 8 * m.usable_cores));
}

std::optional<std::string> validate_config(const RunConfig& cfg, const MachineInfo& m) {
    if (!make_workload(cfg.workload)) {
        std::string names;
        for (const auto& w : list_workloads()) names += (names.empty() ? "" : ", ") + w.name;
        return "--workload: unknown workload '" + cfg.workload + "' (known: " + names + ")";
    }
    if (cfg.size > kMaxSize)
        return "--size must be in 0 … 1000000000; got " + std::to_string(cfg.size);
    const int maxw = max_workers(m);
    if (cfg.workers < 1 || cfg.workers > maxw)
        return "--workers must be in 1 … " + std::to_string(maxw) + " (max(64, 8 × " +
               std::to_string(m.usable_cores) + " usable cores)); got " +
               std::to_string(cfg.workers);
    if (cfg.chunksize && *cfg.chunksize < 1) return "--chunksize must be ≥ 1 or auto; got 0";
    if (cfg.chunksize && *cfg.chunksize > kMaxSize)
        return "--chunksize must be in 1 … 1000000000 or auto; got " +
               std::to_string(*cfg.chunksize);
    if (cfg.repeat < 1 || cfg.repeat > 1000)
        return "--repeat must be in 1 … 1000; got " + std::to_string(cfg.repeat);
    if (cfg.warmup < 0 || cfg.warmup > 100)
        return "--warmup must be in 0 … 100; got " + std::to_string(cfg.warmup);
    if (cfg.lib_threads < 1 || cfg.lib_threads > 256)
        return "--lib-threads must be in 1 … 256; got " + std::to_string(cfg.lib_threads);
    if (cfg.sample_ms != 0 && (cfg.sample_ms < 50 || cfg.sample_ms > 1000))
        return "--sample-ms must be 0 (off) or in 50 … 1000; got " + std::to_string(cfg.sample_ms);
    if (!(cfg.task_timeout_s >= 0) || cfg.task_timeout_s > 86400)
        return "--task-timeout must be in 0 … 86400 seconds (0 = none); got " +
               std::to_string(cfg.task_timeout_s);
    if (cfg.max_frame < 4096 || cfg.max_frame > (uint64_t{16} << 30))
        return "--max-frame must be in 4096 … 17179869184 bytes; got " +
               std::to_string(cfg.max_frame);
    if (cfg.reap_delay_ms < 0 || cfg.reap_delay_ms > kMaxReapDelayMs)
        return "--reap-delay-ms must be in 0 … " + std::to_string(kMaxReapDelayMs) + "; got " +
               std::to_string(cfg.reap_delay_ms);
    FaultPlan plan;
    if (auto e = parse_fault_plan(cfg.inject, plan)) return e;
    return contradictions(cfg);
}

uint64_t estimate_run_memory(const RunConfig& cfg, const Workload& wl) {
    const uint64_t cs =
        cfg.dispatch == Dispatch::Static
            ? std::max<uint64_t>(1, (cfg.size + cfg.workers - 1) / cfg.workers)
            : std::min<uint64_t>(effective_chunksize(cfg), std::max<uint64_t>(cfg.size, 1));
    const uint64_t per_chunk = cs * (wl.input_bytes() + wl.output_bytes());
    const uint64_t workers =
        cfg.backend == Backend::Serial ? 1 : static_cast<uint64_t>(cfg.workers);
    // Per worker, a chunk's bytes (input and output) four times over: the engine holds up to
    // two task frames and a result being read and decoded; the worker holds the task payload,
    // the decoded inputs, the outputs and the result frame. Plus the prepared input.
    const uint64_t shm = cfg.transport == Transport::Shm && cfg.backend == Backend::Processes
                             ? cfg.size * (wl.input_bytes() + wl.output_bytes())
                             : 0;
    // The engine's bookkeeping: about 200 bytes per chunk (plan, record, queue, flags).
    const uint64_t chunks =
        planned_chunk_count(cfg.size, std::max<uint64_t>(1, cs), cfg.dispatch, cfg.workers);
    return wl.prepared_bytes() + shm + workers * per_chunk * 4 + chunks * 200;
}

std::optional<std::string> validate_with_workload(const RunConfig& cfg, const Workload& wl,
                                                  const MachineInfo& m) {
    if (cfg.backend != Backend::Serial && cfg.size > 0) {
        const uint64_t cs = cfg.dispatch == Dispatch::Static
                                ? (cfg.size + cfg.workers - 1) / cfg.workers
                                : std::min(effective_chunksize(cfg), cfg.size);
        const uint64_t per_item = std::max(wl.input_bytes(), wl.output_bytes());
        const long double bytes = static_cast<long double>(cs) * per_item + 1024;
        if (bytes > static_cast<long double>(cfg.max_frame))
            return "a chunk of " + std::to_string(cs) + " items × " + std::to_string(per_item) +
                   " bytes exceeds the frame limit of " + std::to_string(cfg.max_frame) +
                   " bytes (--max-frame); use a smaller --chunksize";
    }
    const uint64_t need = estimate_run_memory(cfg, wl);
    const uint64_t budget = m.memory_budget_bytes();
    if (budget > 0 && need > budget)
        return "this run needs about " + mib(need) + " but only " + mib(budget) +
               " of memory is available; reduce --size, --chunksize or the workload's size";
    return std::nullopt;
}

}  // namespace poolscope
