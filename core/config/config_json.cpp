#include "core/config/config_json.h"

#include "core/text/json_units.h"

namespace poolscope {
namespace {

nlohmann::json chunksize_to_json(const std::optional<uint64_t>& chunksize) {
    if (!chunksize) return "auto";
    return *chunksize;
}

std::optional<uint64_t> chunksize_from_json(const nlohmann::json& j) {
    const auto it = j.find("chunksize");
    if (it != j.end() && it->is_string()) {
        if (*it == "auto") return std::nullopt;
        throw JsonFieldError("chunksize",
                             "must be a number or \"auto\"; got '" + it->get<std::string>() + "'");
    }
    return get_field<uint64_t>(j, "chunksize");
}

}  // namespace

void to_json(nlohmann::json& j, const RunConfig& c) {
    j = nlohmann::json{
        {"workload", c.workload},
        {"params", c.params},
        {"size", c.size},
        {"workers", c.workers},
        {"chunksize", chunksize_to_json(c.chunksize)},
        {"backend", to_string(c.backend)},
        {"global_lock", c.global_lock},
        {"start", to_string(c.start)},
        {"dispatch", to_string(c.dispatch)},
        {"transport", to_string(c.transport)},
        {"pool", to_string(c.pool)},
        {"lib_threads", c.lib_threads},
        {"repeat", c.repeat},
        {"warmup", c.warmup},
        {"pin", c.pin},
        {"sample_ms", c.sample_ms},
        {"task_timeout_s", c.task_timeout_s},
        {"on_failure", to_string(c.on_failure)},
        {"inject", c.inject},
        {"max_frame", c.max_frame},
        {"reap_delay_ms", c.reap_delay_ms},
    };
    if (c.backend == Backend::Mpi) j["hosts"] = c.hosts;
}

void from_json(const nlohmann::json& j, RunConfig& c) {
    c.workload = get_field<std::string>(j, "workload");
    c.params = get_field<std::map<std::string, std::string>>(j, "params");
    c.size = get_field<uint64_t>(j, "size");
    c.workers = get_field<int>(j, "workers");
    c.chunksize = chunksize_from_json(j);
    c.backend = get_enum(j, "backend", parse_backend);
    c.global_lock = get_field<bool>(j, "global_lock");
    c.start = get_enum(j, "start", parse_start_method);
    c.dispatch = get_enum(j, "dispatch", parse_dispatch);
    c.transport = get_enum(j, "transport", parse_transport);
    c.pool = get_enum(j, "pool", parse_pool_lifetime);
    c.lib_threads = get_field<int>(j, "lib_threads");
    c.repeat = get_field<int>(j, "repeat");
    c.warmup = get_field<int>(j, "warmup");
    c.pin = get_field<bool>(j, "pin");
    c.sample_ms = get_field<int>(j, "sample_ms");
    c.task_timeout_s = get_field<double>(j, "task_timeout_s");
    c.on_failure = get_enum(j, "on_failure", parse_on_failure);
    c.inject = get_field<std::vector<std::string>>(j, "inject");
    c.max_frame = get_field<uint64_t>(j, "max_frame");
    c.reap_delay_ms = get_field_or<int>(j, "reap_delay_ms", 0);  // newer field
    c.hosts = j.contains("hosts") ? get_field<std::string>(j, "hosts") : std::string();
}

void to_json(nlohmann::json& j, const MachineInfo& m) {
    j = nlohmann::json{
        {"cpu_model", m.cpu_model},
        {"online_cores", m.online_cores},
        {"affinity_cpus", m.affinity_cpus},
        {"cgroup_cpu_quota", m.cgroup_cpu_quota},
        {"usable_cores", m.usable_cores},
        {"mem_total_bytes", m.mem_total_bytes},
        {"mem_available_bytes", m.mem_available_bytes},
        {"cgroup_memory_limit_bytes", m.cgroup_memory_limit_bytes},
        {"kernel", m.kernel},
        {"loadavg", {m.loadavg[0], m.loadavg[1], m.loadavg[2]}},
    };
    if (m.hosts.empty()) return;
    auto& hosts = j["hosts"] = nlohmann::json::array();
    for (const auto& h : m.hosts)
        hosts.push_back({{"host", h.host},
                         {"ranks", h.ranks},
                         {"clock_offset_s", static_cast<double>(h.offset_ns) * 1e-9},
                         {"clock_uncertainty_s", static_cast<double>(h.uncertainty_ns) * 1e-9}});
}

void from_json(const nlohmann::json& j, MachineInfo& m) {
    m.cpu_model = get_field<std::string>(j, "cpu_model");
    m.online_cores = get_field<int>(j, "online_cores");
    m.affinity_cpus = get_field<std::vector<int>>(j, "affinity_cpus");
    m.cgroup_cpu_quota = get_field<double>(j, "cgroup_cpu_quota");
    m.usable_cores = get_field<int>(j, "usable_cores");
    m.mem_total_bytes = get_field<uint64_t>(j, "mem_total_bytes");
    m.mem_available_bytes = get_field<uint64_t>(j, "mem_available_bytes");
    m.cgroup_memory_limit_bytes = get_field<uint64_t>(j, "cgroup_memory_limit_bytes");
    m.kernel = get_field<std::string>(j, "kernel");
    const auto load = get_field<std::vector<double>>(j, "loadavg");
    if (load.size() != 3) throw JsonFieldError("loadavg", "must hold 3 numbers");
    for (int i = 0; i < 3; ++i) m.loadavg[i] = load[i];
    m.hosts.clear();
    if (!j.contains("hosts")) return;
    for (const auto& h : j.at("hosts")) {
        HostClock c;
        c.host = get_field<std::string>(h, "host");
        c.ranks = get_field<int>(h, "ranks");
        c.offset_ns = static_cast<int64_t>(get_field<double>(h, "clock_offset_s") * 1e9);
        c.uncertainty_ns = static_cast<int64_t>(get_field<double>(h, "clock_uncertainty_s") * 1e9);
        m.hosts.push_back(std::move(c));
    }
}

bool same_machine(const MachineInfo& a, const MachineInfo& b) {
    return a.cpu_model == b.cpu_model && a.online_cores == b.online_cores &&
           a.affinity_cpus == b.affinity_cpus && a.cgroup_cpu_quota == b.cgroup_cpu_quota &&
           a.usable_cores == b.usable_cores && a.mem_total_bytes == b.mem_total_bytes &&
           a.mem_available_bytes == b.mem_available_bytes &&
           a.cgroup_memory_limit_bytes == b.cgroup_memory_limit_bytes && a.kernel == b.kernel &&
           a.loadavg[0] == b.loadavg[0] && a.loadavg[1] == b.loadavg[1] &&
           a.loadavg[2] == b.loadavg[2];
}

}  // namespace poolscope
