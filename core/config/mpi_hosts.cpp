#include "core/config/mpi_hosts.h"

#include <sys/stat.h>

#include <cctype>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace poolscope {

namespace {

// Host names and IPv4 addresses; nothing a shell or mpirun's own parser would read otherwise.
bool valid_name(const std::string& s) {
    if (s.empty() || s.size() > 253 || s[0] == '-') return false;
    for (char c : s)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '_'))
            return false;
    return true;
}

std::optional<std::string> parse_slots(const std::string& text, const std::string& host,
                                       int& slots) {
    char* end = nullptr;
    const long v = std::strtol(text.c_str(), &end, 10);
    if (text.empty() || *end != '\0' || v < 1 || v > kMaxMpiSlots)
        return "--hosts: slots of '" + host + "' must be in 1 … " + std::to_string(kMaxMpiSlots) +
               "; got '" + text + "'";
    slots = static_cast<int>(v);
    return std::nullopt;
}

std::optional<std::string> add_host(std::vector<MpiHost>& out, const std::string& name, int slots) {
    if (!valid_name(name)) return "--hosts: '" + name + "' is not a host name or IPv4 address";
    for (const auto& h : out)
        if (h.name == name) return "--hosts: '" + name + "' is named twice";
    out.push_back({name, slots});
    return std::nullopt;
}

std::optional<std::string> parse_list(const std::string& spec, std::vector<MpiHost>& out) {
    std::stringstream ss(spec);
    std::string item;
    while (std::getline(ss, item, ',')) {
        const auto colon = item.find(':');
        const std::string name = item.substr(0, colon);
        int slots = 0;
        if (colon != std::string::npos)
            if (auto e = parse_slots(item.substr(colon + 1), name, slots)) return e;
        if (auto e = add_host(out, name, slots)) return e;
    }
    if (out.empty() || spec.back() == ',') return "--hosts: an empty name in '" + spec + "'";
    return std::nullopt;
}

std::optional<std::string> parse_file(const std::string& path, std::vector<MpiHost>& out) {
    std::ifstream in(path);
    if (!in) return "--hosts: cannot read hostfile '" + path + "'";
    std::string line;
    for (int lineno = 1; std::getline(in, line); ++lineno) {
        line = line.substr(0, line.find('#'));
        std::stringstream ls(line);
        std::string name, word;
        if (!(ls >> name)) continue;
        int slots = 0;
        while (ls >> word) {
            if (word.rfind("slots=", 0) != 0)
                return "--hosts: " + path + ":" + std::to_string(lineno) + ": unknown '" + word +
                       "' (a line is NAME [slots=N])";
            if (auto e = parse_slots(word.substr(6), name, slots)) return e;
        }
        if (auto e = add_host(out, name, slots)) return e;
    }
    if (out.empty()) return "--hosts: hostfile '" + path + "' names no host";
    return std::nullopt;
}

}  // namespace

std::optional<std::string> parse_mpi_hosts(const std::string& spec, std::vector<MpiHost>& out) {
    out.clear();
    if (spec.empty()) {
        out.push_back({"localhost", 0});
        return std::nullopt;
    }
    struct stat st {};
    if (stat(spec.c_str(), &st) == 0) {
        if (!S_ISREG(st.st_mode)) return "--hosts: '" + spec + "' is not a regular file";
        return parse_file(spec, out);
    }
    if (spec.find('/') != std::string::npos) return "--hosts: no hostfile '" + spec + "'";
    return parse_list(spec, out);
}

}  // namespace poolscope
