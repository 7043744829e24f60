#include "core/config/validation.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <utility>

#include "core/config/chunk_plan.h"
#include "core/config/fault_plan.h"
#include "core/config/mpi_hosts.h"
#include "core/workloads/workload_registry.h"

namespace poolscope {

namespace {

std::string mib(uint64_t bytes) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.1f MiB", static_cast<double>(bytes) / (1024.0 * 1024.0));
    return buf;
}

// Whether cfg.backend refuses the option (with the value given): the schema's backend sets.
bool refuses(std::string_view option, const RunConfig& cfg) {
    return !accepts(option_info(option), cfg.backend);
}
bool refuses(std::string_view option, std::string_view value, const RunConfig& cfg) {
    return !accepts(option_info(option), value, cfg.backend);
}

// --backend mpi: what a job of ranks started by mpirun cannot honour.
std::optional<std::string> mpi_contradictions(const RunConfig& cfg) {
    if (cfg.backend != Backend::Mpi)
        return cfg.hosts.empty() || !refuses("--hosts", cfg)
                   ? std::nullopt
                   : std::optional<std::string>("--hosts needs --backend mpi");
    std::vector<MpiHost> hosts;
    if (auto e = parse_mpi_hosts(cfg.hosts, hosts)) return e;
    const bool transport_refused = refuses("--transport", to_string(cfg.transport), cfg);
    if (transport_refused && hosts.size() > 1)
        return "--transport " + std::string(to_string(cfg.transport)) +
               " needs every worker on one machine, but --hosts names " +
               std::to_string(hosts.size()) +
               " hosts (each has its own memory); use --transport pipe (MPI messages)";
    if (transport_refused)
        return "--transport " + std::string(to_string(cfg.transport)) +
               " is not available with --backend mpi: items travel as MPI "
               "messages (on one machine OpenMPI carries them through its own shared memory); "
               "use --transport pipe";
    if (refuses("--start", to_string(cfg.start), cfg))
        return "--start " + std::string(to_string(cfg.start)) +
               " does not apply to --backend mpi (mpirun starts every rank as a "
               "fresh program)";
    if (cfg.pin && refuses("--pin", cfg))
        return "--pin needs --backend processes (OpenMPI places the ranks)";
    if (refuses("--on-failure", to_string(cfg.on_failure), cfg))
        return "--on-failure " + std::string(to_string(cfg.on_failure)) +
               " needs --backend processes (a lost rank ends the whole MPI job)";
    return std::nullopt;
}

// What CPython's Pool cannot do, or the driver does not model.
std::optional<std::string> python_contradictions(const RunConfig& cfg) {
    if (!is_python(cfg.backend)) return std::nullopt;
    const std::string b = "--backend " + std::string(to_string(cfg.backend));
    if (refuses("--start", to_string(cfg.start), cfg))
        return "--start " + std::string(to_string(cfg.start)) + " contradicts " + b +
               " (a ThreadPool's threads share one process)";
    if (refuses("--transport", to_string(cfg.transport), cfg))
        return "--transport " + std::string(to_string(cfg.transport)) + " contradicts " + b +
               " (threads already share memory)";
    if (cfg.pin && refuses("--pin", cfg))
        return "--pin needs --backend processes (Python's Pool does not pin workers)";
    if (refuses("--on-failure", to_string(cfg.on_failure), cfg))
        return "--on-failure " + std::string(to_string(cfg.on_failure)) + " needs --backend " +
               "processes (Python's Pool neither retries nor skips a lost task)";
    FaultPlan plan;
    parse_fault_plan(cfg.inject, plan);
    if (plan.error_item || plan.corrupt_chunk || plan.shm_full)
        return b + " takes only the faults crash@chunk=N, hang@chunk=N and kill@t=S";
    return std::nullopt;
}

// --backend threads: one process, so nothing that needs worker processes of its own.
std::optional<std::string> threads_contradictions(const RunConfig& cfg) {
    if (cfg.backend != Backend::Threads) return std::nullopt;
    if (refuses("--on-failure", to_string(cfg.on_failure), cfg))
        return "--on-failure " + std::string(to_string(cfg.on_failure)) +
               " needs --backend processes (one thread cannot be replaced alone)";
    if (cfg.pin && refuses("--pin", cfg))
        return "--pin needs --backend processes (it pins worker processes)";
    if (refuses("--pool", to_string(cfg.pool), cfg))
        return "--pool " + std::string(to_string(cfg.pool)) + " needs --backend processes";
    return std::nullopt;
}

std::optional<std::string> contradictions(const RunConfig& cfg) {
    if (cfg.start == StartMethod::Forkserver && refuses("--start", "forkserver", cfg))
        return "--start forkserver needs --backend python (multiprocessing's forkserver); got "
               "--backend " +
               std::string(to_string(cfg.backend)) +
               " (the native pool starts workers by fork or spawn)";
    if (auto e = mpi_contradictions(cfg)) return e;
    if (cfg.global_lock && refuses("--global-lock", cfg))
        return "--global-lock needs --backend threads; got --backend " +
               std::string(to_string(cfg.backend));
    if (cfg.backend == Backend::Threads && refuses("--start", to_string(cfg.start), cfg))
        return "--start " + std::string(to_string(cfg.start)) +
               " contradicts --backend threads (threads share one process)";
    if (cfg.dispatch == Dispatch::ApplyAsync && cfg.chunksize && *cfg.chunksize != 1)
        return "--dispatch apply_async sends one message per task: --chunksize must be 1 or "
               "auto; got " +
               std::to_string(*cfg.chunksize);
    if (cfg.dispatch == Dispatch::Static && cfg.chunksize)
        return "--dispatch static makes one block per worker: --chunksize must be auto; got " +
               std::to_string(*cfg.chunksize);
    if (auto e = threads_contradictions(cfg)) return e;
    if (cfg.reap_delay_ms > 0 && refuses("--reap-delay-ms", cfg))
        return "--reap-delay-ms needs --backend processes (it delays reaping the pool's own "
               "worker processes); got --backend " +
               std::string(to_string(cfg.backend));
    if (cfg.backend == Backend::Threads && refuses("--transport", to_string(cfg.transport), cfg))
        return "--transport " + std::string(to_string(cfg.transport)) +
               " contradicts --backend threads (threads already share memory)";
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
    if (const auto& o = option_info("--size"); !in_range(o, cfg.size))
        return range_refusal(o, std::to_string(cfg.size));
    const int maxw = max_workers(m);
    if (const auto& o = option_info("--workers");
        cfg.workers < static_cast<int>(o.min) || cfg.workers > maxw)
        return "--workers must be in " + std::to_string(o.min) + " … " + std::to_string(maxw) +
               " (max(64, 8 × " + std::to_string(m.usable_cores) + " usable cores)); got " +
               std::to_string(cfg.workers);
    if (const auto& o = option_info("--chunksize"); cfg.chunksize && *cfg.chunksize < o.min)
        return "--chunksize must be ≥ " + std::to_string(o.min) + " or auto; got " +
               std::to_string(*cfg.chunksize);
    if (const auto& o = option_info("--chunksize"); cfg.chunksize && !in_range(o, *cfg.chunksize))
        return range_refusal(o, std::to_string(*cfg.chunksize));
    // The whole-number options of RunConfig, checked against their ranges in the schema.
    const std::pair<const char*, int> counts[] = {{"--repeat", cfg.repeat},
                                                  {"--warmup", cfg.warmup},
                                                  {"--lib-threads", cfg.lib_threads},
                                                  {"--sample-ms", cfg.sample_ms}};
    for (const auto& [name, v] : counts)
        if (const auto& o = option_info(name); v < 0 || !in_range(o, static_cast<uint64_t>(v)))
            return range_refusal(o, std::to_string(v));
    if (const auto& o = option_info("--task-timeout"); !in_range(o, cfg.task_timeout_s))
        return range_refusal(o, std::to_string(cfg.task_timeout_s));
    if (const auto& o = option_info("--max-frame"); !in_range(o, cfg.max_frame))
        return range_refusal(o, std::to_string(cfg.max_frame));
    if (const auto& o = option_info("--reap-delay-ms");
        cfg.reap_delay_ms < 0 || !in_range(o, static_cast<uint64_t>(cfg.reap_delay_ms)))
        return range_refusal(o, std::to_string(cfg.reap_delay_ms));
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
