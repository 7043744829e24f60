// RunConfig: every knob of one run, by the names users see in the CLI, the GUI and the JSON.
// A plain value: the CLI fills it, validate_config() checks it, the engine reads it.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace poolscope {

// Python and PythonThreads: CPython's multiprocessing.Pool and multiprocessing.pool.ThreadPool,
// driven by resources/python/poolscope_driver.py (core/python/python_runner.h). Mpi: worker
// ranks of an mpirun job (core/engine/mpi_runner.h).
enum class Backend { Serial, Processes, Threads, Python, PythonThreads, Mpi };
// Forkserver: multiprocessing's forkserver, for --backend python only (the native pool has fork
// and spawn).
enum class StartMethod { Fork, Spawn, Forkserver };
enum class Dispatch { Map, Imap, ImapUnordered, ApplyAsync, Static };
enum class Transport { Pipe, Shm };
enum class PoolLifetime { Cold, Warm };
enum class OnFailure { Stop, Retry, Skip };

std::string_view to_string(Backend v);
std::string_view to_string(StartMethod v);
std::string_view to_string(Dispatch v);
std::string_view to_string(Transport v);
std::string_view to_string(PoolLifetime v);
std::string_view to_string(OnFailure v);

std::optional<Backend> parse_backend(std::string_view s);
std::optional<StartMethod> parse_start_method(std::string_view s);
std::optional<Dispatch> parse_dispatch(std::string_view s);
std::optional<Transport> parse_transport(std::string_view s);
std::optional<PoolLifetime> parse_pool_lifetime(std::string_view s);
std::optional<OnFailure> parse_on_failure(std::string_view s);

inline constexpr uint64_t kDefaultMaxFrame = uint64_t{1} << 30;  // 1 GiB

struct RunConfig {
    std::string workload = "cpu";
    std::map<std::string, std::string> params;  // --param KEY=VALUE, as typed
    uint64_t size = 2000;
    int workers = 4;
    std::optional<uint64_t> chunksize;  // nullopt = auto
    Backend backend = Backend::Processes;
    bool global_lock = false;
    StartMethod start = StartMethod::Fork;
    Dispatch dispatch = Dispatch::Map;
    Transport transport = Transport::Pipe;
    PoolLifetime pool = PoolLifetime::Cold;
    int lib_threads = 1;
    int repeat = 1;
    int warmup = 0;
    bool pin = false;
    int sample_ms = 100;
    double task_timeout_s = 0;  // 0 = no deadline
    OnFailure on_failure = OnFailure::Stop;
    std::vector<std::string> inject;  // --inject FAULT, as typed
    uint64_t max_frame = kDefaultMaxFrame;
    // --reap-delay-ms: how long the pool leaves a worker that has exited unreaped (a zombie,
    // state Z in the process list) before it waits for it; 0 = at once. A Stop reaps at once.
    int reap_delay_ms = 0;
    // --backend mpi: where the ranks run, as typed ("a:4,b:4" or a hostfile); empty = this
    // machine only. Resolved by core/engine/mpi_hosts.h.
    std::string hosts;

    bool operator==(const RunConfig&) const = default;
};

// Python's default chunksize for map/starmap: ceil(n / (workers * 4)), at least 1.
uint64_t auto_chunksize(uint64_t n, int workers);

// The chunksize this config resolves to (auto or the number given).
uint64_t effective_chunksize(const RunConfig& cfg);

// Whether the run goes through the Python driver (python or python-threads).
bool is_python(Backend b);

// The same config with backend serial, as --compare runs it for the baseline.
RunConfig serial_counterpart(const RunConfig& cfg);

// A one-line label, e.g. "4w map auto=125 fork pipe cold".
std::string describe(const RunConfig& cfg);

}  // namespace poolscope
