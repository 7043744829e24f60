#include "core/config/run_config.h"

#include <array>
#include <utility>

namespace poolscope {
namespace {

template <typename E, std::size_t N>
using Names = std::array<std::pair<E, std::string_view>, N>;

constexpr Names<Backend, 6> kBackends{{{Backend::Serial, "serial"},
                                       {Backend::Processes, "processes"},
                                       {Backend::Threads, "threads"},
                                       {Backend::Python, "python"},
                                       {Backend::PythonThreads, "python-threads"},
                                       {Backend::Mpi, "mpi"}}};
constexpr Names<StartMethod, 3> kStarts{{{StartMethod::Fork, "fork"},
                                         {StartMethod::Spawn, "spawn"},
                                         {StartMethod::Forkserver, "forkserver"}}};
constexpr Names<Dispatch, 5> kDispatches{{{Dispatch::Map, "map"},
                                          {Dispatch::Imap, "imap"},
                                          {Dispatch::ImapUnordered, "imap_unordered"},
                                          {Dispatch::ApplyAsync, "apply_async"},
                                          {Dispatch::Static, "static"}}};
constexpr Names<Transport, 2> kTransports{{{Transport::Pipe, "pipe"}, {Transport::Shm, "shm"}}};
constexpr Names<PoolLifetime, 2> kLifetimes{
    {{PoolLifetime::Cold, "cold"}, {PoolLifetime::Warm, "warm"}}};
constexpr Names<OnFailure, 3> kFailures{
    {{OnFailure::Stop, "stop"}, {OnFailure::Retry, "retry"}, {OnFailure::Skip, "skip"}}};

template <typename E, std::size_t N>
std::string_view name_of(const Names<E, N>& names, E v) {
    for (const auto& [e, n] : names)
        if (e == v) return n;
    return "?";
}

template <typename E, std::size_t N>
std::optional<E> parse_of(const Names<E, N>& names, std::string_view s) {
    for (const auto& [e, n] : names)
        if (n == s) return e;
    return std::nullopt;
}

}  // namespace

std::string_view to_string(Backend v) {
    return name_of(kBackends, v);
}
std::string_view to_string(StartMethod v) {
    return name_of(kStarts, v);
}
std::string_view to_string(Dispatch v) {
    return name_of(kDispatches, v);
}
std::string_view to_string(Transport v) {
    return name_of(kTransports, v);
}
std::string_view to_string(PoolLifetime v) {
    return name_of(kLifetimes, v);
}
std::string_view to_string(OnFailure v) {
    return name_of(kFailures, v);
}

std::optional<Backend> parse_backend(std::string_view s) {
    return parse_of(kBackends, s);
}
std::optional<StartMethod> parse_start_method(std::string_view s) {
    return parse_of(kStarts, s);
}
std::optional<Dispatch> parse_dispatch(std::string_view s) {
    return parse_of(kDispatches, s);
}
std::optional<Transport> parse_transport(std::string_view s) {
    return parse_of(kTransports, s);
}
std::optional<PoolLifetime> parse_pool_lifetime(std::string_view s) {
    return parse_of(kLifetimes, s);
}
std::optional<OnFailure> parse_on_failure(std::string_view s) {
    return parse_of(kFailures, s);
}

uint64_t auto_chunksize(uint64_t n, int workers) {
    const uint64_t denom = static_cast<uint64_t>(workers > 0 ? workers : 1) * 4;
    const uint64_t c = (n + denom - 1) / denom;
    return c == 0 ? 1 : c;
}

uint64_t effective_chunksize(const RunConfig& cfg) {
    if (cfg.dispatch == Dispatch::ApplyAsync) return 1;  // one message per task
    return cfg.chunksize ? *cfg.chunksize : auto_chunksize(cfg.size, cfg.workers);
}

bool is_python(Backend b) {
    return b == Backend::Python || b == Backend::PythonThreads;
}

RunConfig serial_counterpart(const RunConfig& cfg) {
    RunConfig s = cfg;
    s.backend = Backend::Serial;
    s.global_lock = false;
    s.pin = false;
    s.reap_delay_ms = 0;
    s.hosts.clear();
    return s;
}

std::string describe(const RunConfig& cfg) {
    if (cfg.backend == Backend::Serial) return "serial";
    std::string s = std::to_string(cfg.workers) + "w ";
    if (cfg.backend == Backend::Threads) s += cfg.global_lock ? "threads+lock " : "threads ";
    if (cfg.backend == Backend::Mpi) s += "mpi ";
    if (is_python(cfg.backend)) s += std::string(to_string(cfg.backend)) + " ";
    s += std::string(to_string(cfg.dispatch));
    if (cfg.dispatch != Dispatch::Static && cfg.dispatch != Dispatch::ApplyAsync) {
        s += cfg.chunksize ? " cs=" + std::to_string(*cfg.chunksize)
                           : " auto=" + std::to_string(effective_chunksize(cfg));
    }
    if (cfg.backend == Backend::Processes || cfg.backend == Backend::Python) {
        s += " " + std::string(to_string(cfg.start)) + " " + std::string(to_string(cfg.transport));
    }
    s += " " + std::string(to_string(cfg.pool));
    return s;
}

}  // namespace poolscope
