#include "core/engine/mpi_failure.h"

#include <regex>
#include <sstream>
#include <vector>

namespace poolscope {

std::optional<MpiRankFailure> parse_mpirun_failure(const std::string& output) {
    static const std::regex signalled(
        R"(process rank (\d+) with PID (\d+) on node (\S+) exited on signal (\d+))");
    static const std::regex exited(R"(Process name:\s*\[\[\d+,\d+\],(\d+)\]\s*Exit code:\s*(\d+))");
    std::smatch m;
    MpiRankFailure f;
    if (std::regex_search(output, m, signalled)) {
        f.rank = std::stoi(m[1]);
        f.pid = static_cast<pid_t>(std::stol(m[2]));
        f.node = m[3];
        f.status.signal = std::stoi(m[4]);
        return f;
    }
    if (std::regex_search(output, m, exited)) {
        f.rank = std::stoi(m[1]);
        f.status.exited = true;
        f.status.code = std::stoi(m[2]);
        return f;
    }
    return std::nullopt;
}

std::string mpirun_output_tail(const std::string& output, std::size_t max_lines) {
    std::vector<std::string> lines;
    std::istringstream in(output);
    for (std::string line; std::getline(in, line);) {
        if (line.find_first_not_of(" -\t\r") == std::string::npos) continue;
        lines.push_back(line);
    }
    std::string out;
    const std::size_t from = lines.size() > max_lines ? lines.size() - max_lines : 0;
    for (std::size_t i = from; i < lines.size(); ++i) out += (out.empty() ? "" : " | ") + lines[i];
    return out.empty() ? "(no output)" : out;
}

}  // namespace poolscope
