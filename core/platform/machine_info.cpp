#include "core/platform/machine_info.h"

#include <sched.h>
#include <sys/utsname.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>

#include "core/platform/read_file.h"

namespace poolscope {

uint64_t MachineInfo::memory_budget_bytes() const {
    uint64_t budget = mem_available_bytes;
    if (cgroup_memory_limit_bytes != 0 && (budget == 0 || cgroup_memory_limit_bytes < budget))
        budget = cgroup_memory_limit_bytes;
    return budget;
}

double parse_cgroup_cpu_max(const std::string& content) {
    std::istringstream in(content);
    std::string quota;
    double period = 0;
    if (!(in >> quota >> period) || quota == "max" || period <= 0) return 0;
    try {
        return std::stod(quota) / period;
    } catch (...) {
        return 0;
    }
}

uint64_t parse_cgroup_memory_max(const std::string& content) {
    if (content.empty() || content.rfind("max", 0) == 0) return 0;
    try {
        return std::stoull(content);
    } catch (...) {
        return 0;
    }
}

uint64_t parse_meminfo_kb(const std::string& content, const std::string& key) {
    std::istringstream in(content);
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind(key + ":", 0) == 0) {
            unsigned long long kb = 0;
            if (std::sscanf(line.c_str() + key.size() + 1, "%llu", &kb) == 1) return kb * 1024;
        }
    }
    return 0;
}

namespace {

std::string cpu_model_from(const std::string& cpuinfo) {
    std::istringstream in(cpuinfo);
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind("model name", 0) == 0) {
            const auto colon = line.find(':');
            if (colon != std::string::npos) {
                auto v = line.substr(colon + 1);
                v.erase(0, v.find_first_not_of(' '));
                return v;
            }
        }
    }
    return "unknown";
}

// The cgroup v2 directory of this process ("0::/path" in /proc/self/cgroup).
std::string own_cgroup_dir(const std::string& proc_root, const std::string& sys_root) {
    const auto content = read_text_file(proc_root + "/self/cgroup").value_or("");
    const auto pos = content.find("0::");
    std::string rel = "/";
    if (pos != std::string::npos) {
        rel = content.substr(pos + 3);
        rel = rel.substr(0, rel.find('\n'));
    }
    return sys_root + "/fs/cgroup" + (rel == "/" ? "" : rel);
}

}  // namespace

MachineInfo read_machine_info(const std::string& proc_root, const std::string& sys_root) {
    MachineInfo m;
    m.cpu_model = cpu_model_from(read_text_file(proc_root + "/cpuinfo").value_or(""));
    m.online_cores = static_cast<int>(std::max(1L, sysconf(_SC_NPROCESSORS_ONLN)));

    cpu_set_t set;
    CPU_ZERO(&set);
    if (sched_getaffinity(0, sizeof set, &set) == 0) {
        for (int c = 0; c < CPU_SETSIZE; ++c)
            if (CPU_ISSET(c, &set)) m.affinity_cpus.push_back(c);
    }
    if (m.affinity_cpus.empty())
        for (int c = 0; c < m.online_cores; ++c) m.affinity_cpus.push_back(c);

    const std::string cg = own_cgroup_dir(proc_root, sys_root);
    m.cgroup_cpu_quota = parse_cgroup_cpu_max(read_text_file(cg + "/cpu.max").value_or(""));
    m.usable_cores = static_cast<int>(m.affinity_cpus.size());
    if (m.cgroup_cpu_quota > 0)
        m.usable_cores =
            std::max(1, std::min(m.usable_cores, static_cast<int>(std::ceil(m.cgroup_cpu_quota))));

    const auto meminfo = read_text_file(proc_root + "/meminfo").value_or("");
    m.mem_total_bytes = parse_meminfo_kb(meminfo, "MemTotal");
    m.mem_available_bytes = parse_meminfo_kb(meminfo, "MemAvailable");
    m.cgroup_memory_limit_bytes =
        parse_cgroup_memory_max(read_text_file(cg + "/memory.max").value_or(""));

    utsname u{};
    if (uname(&u) == 0) m.kernel = std::string(u.sysname) + " " + u.release;
    const auto load = read_text_file(proc_root + "/loadavg").value_or("");
    std::sscanf(load.c_str(), "%lf %lf %lf", &m.loadavg[0], &m.loadavg[1], &m.loadavg[2]);
    return m;
}

int usable_cores() {
    static const int cores = read_machine_info().usable_cores;
    return cores;
}

}  // namespace poolscope
