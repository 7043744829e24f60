#include "core/report/telemetry_json.h"

#include <string>

#include "core/text/json_units.h"

namespace poolscope {

void to_json(nlohmann::json& j, const MemoryFigures& m) {
    j = nlohmann::json{
        {"peak_rss_sum_bytes", m.peak_rss_sum_bytes},
        {"peak_pss_sum_bytes", m.peak_pss_sum_bytes},
        {"peak_uss_sum_bytes", m.peak_uss_sum_bytes},
        {"engine_peak_rss_bytes", m.engine_peak_rss_bytes},
        {"child_minor_faults", m.child_minor_faults},
        {"peak_zombie_workers", m.peak_zombie_workers},
        {"samples", m.samples},
    };
}

void from_json(const nlohmann::json& j, MemoryFigures& m) {
    m.peak_rss_sum_bytes = get_field<uint64_t>(j, "peak_rss_sum_bytes");
    m.peak_pss_sum_bytes = get_field<uint64_t>(j, "peak_pss_sum_bytes");
    m.peak_uss_sum_bytes = get_field<uint64_t>(j, "peak_uss_sum_bytes");
    m.engine_peak_rss_bytes = get_field<uint64_t>(j, "engine_peak_rss_bytes");
    m.child_minor_faults = get_field_or<uint64_t>(j, "child_minor_faults", 0);    // newer field
    m.peak_zombie_workers = get_field_or<uint64_t>(j, "peak_zombie_workers", 0);  // newer field
    m.samples = get_field<uint64_t>(j, "samples");
}

void to_json(nlohmann::json& j, const CpuFigures& c) {
    j = nlohmann::json{
        {"mean_machine_util", c.mean_machine_util}, {"mean_core_util", c.mean_core_util},
        {"process_cpu_s", c.process_cpu_s},         {"children_cpu_s", c.children_cpu_s},
        {"outside_cpu_share", c.outside_cpu_share}, {"samples", c.samples},
    };
}

void from_json(const nlohmann::json& j, CpuFigures& c) {
    c.mean_machine_util = get_field<double>(j, "mean_machine_util");
    c.mean_core_util = get_field<std::vector<double>>(j, "mean_core_util");
    c.process_cpu_s = get_field<double>(j, "process_cpu_s");
    c.children_cpu_s = get_field_or<double>(j, "children_cpu_s", 0.0);  // newer field
    c.outside_cpu_share = get_field<double>(j, "outside_cpu_share");
    c.samples = get_field<uint64_t>(j, "samples");
}

void to_json(nlohmann::json& j, const HostFigures& h) {
    j = nlohmann::json{
        {"host", h.host},
        {"engine", h.engine},
        {"peak_rss_sum_bytes", h.peak_rss_sum_bytes},
        {"peak_pss_sum_bytes", h.peak_pss_sum_bytes},
        {"peak_uss_sum_bytes", h.peak_uss_sum_bytes},
        {"process_cpu_s", h.process_cpu_s},
        {"mean_machine_util", h.mean_machine_util},
        {"samples", h.samples},
    };
}

void from_json(const nlohmann::json& j, HostFigures& h) {
    h.host = get_field<std::string>(j, "host");
    h.engine = get_field<bool>(j, "engine");
    h.peak_rss_sum_bytes = get_field<uint64_t>(j, "peak_rss_sum_bytes");
    h.peak_pss_sum_bytes = get_field<uint64_t>(j, "peak_pss_sum_bytes");
    h.peak_uss_sum_bytes = get_field<uint64_t>(j, "peak_uss_sum_bytes");
    h.process_cpu_s = get_field<double>(j, "process_cpu_s");
    h.mean_machine_util = get_field<double>(j, "mean_machine_util");
    h.samples = get_field<uint64_t>(j, "samples");
}

void to_json(nlohmann::json& j, const ProcessSample& p) {
    j = nlohmann::json{
        {"pid", p.pid},
        {"role", p.role},
        {"worker", p.worker},
        {"rss_bytes", p.rss_bytes},
        {"pss_bytes", p.pss_bytes},
        {"uss_bytes", p.uss_bytes},
        {"pss_age_s", ns_to_seconds(p.pss_age_ns)},
        {"cpu_s", ns_to_seconds(static_cast<int64_t>(p.cpu_ns))},
        {"cpu_util", p.cpu_util},
        {"last_cpu", p.last_cpu},
        {"state", std::string(1, p.state)},
        {"gone", p.gone},
    };
}

void from_json(const nlohmann::json& j, ProcessSample& p) {
    p.pid = get_field<pid_t>(j, "pid");
    p.role = get_field<std::string>(j, "role");
    p.worker = get_field<int>(j, "worker");
    p.rss_bytes = get_field<uint64_t>(j, "rss_bytes");
    p.pss_bytes = get_field<uint64_t>(j, "pss_bytes");
    p.uss_bytes = get_field<uint64_t>(j, "uss_bytes");
    p.pss_age_ns = seconds_to_ns(get_field<double>(j, "pss_age_s"));  // may be -1 ns of rounding
    p.cpu_ns = static_cast<uint64_t>(duration_to_ns(get_field<double>(j, "cpu_s")));
    p.cpu_util = get_field<double>(j, "cpu_util");
    p.last_cpu = get_field<int>(j, "last_cpu");
    const auto state = get_field<std::string>(j, "state");
    if (state.size() != 1) throw JsonFieldError("state", "must be one character");
    p.state = state[0];
    p.gone = get_field<bool>(j, "gone");
}

nlohmann::json sample_to_json(const Sample& s, int64_t origin_ns) {
    nlohmann::json j{
        {"t", ns_to_seconds(s.t_ns - origin_ns)},
        {"machine_util", s.machine_util},
        {"core_util", s.core_util},
        {"core_steal", s.core_steal},
        {"rss_sum_bytes", s.rss_sum_bytes},
        {"pss_sum_bytes", s.pss_sum_bytes},
        {"uss_sum_bytes", s.uss_sum_bytes},
        {"processes", s.processes},
    };
    if (!s.host.empty()) j["host"] = s.host;
    return j;
}

Sample sample_from_json(const nlohmann::json& j, int64_t origin_ns) {
    Sample s;
    s.t_ns = origin_ns + seconds_to_ns(get_field<double>(j, "t"));
    s.machine_util = get_field<double>(j, "machine_util");
    s.core_util = get_field<std::vector<double>>(j, "core_util");
    s.core_steal = get_field<std::vector<double>>(j, "core_steal");
    s.rss_sum_bytes = get_field<uint64_t>(j, "rss_sum_bytes");
    s.pss_sum_bytes = get_field<uint64_t>(j, "pss_sum_bytes");
    s.uss_sum_bytes = get_field<uint64_t>(j, "uss_sum_bytes");
    s.processes = get_field<std::vector<ProcessSample>>(j, "processes");
    if (j.contains("host")) s.host = get_field<std::string>(j, "host");
    return s;
}

}  // namespace poolscope
