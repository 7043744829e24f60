#include "support/mpi_job.h"

#include <dirent.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <iterator>
#include <thread>

#include "core/platform/clock.h"
#include "support/process_hygiene.h"
#include "support/reliability_processes.h"

namespace poolscope::test {

std::string mpi_unavailable() {
    const std::string cli = cli_path();
    const std::string rank = cli.substr(0, cli.rfind('/') + 1) + "poolscope-mpi-rank";
    if (access(rank.c_str(), X_OK) != 0)
        return "built without the MPI backend (POOLSCOPE_WITH_MPI=OFF): no " + rank;
    // The rank program is only built where OpenMPI is: mpirun is then installed with it.
    return {};
}

std::set<std::string> mpi_segments() {
    std::set<std::string> out;
    DIR* d = opendir("/dev/shm");
    if (!d) return out;
    while (const dirent* e = readdir(d))
        if (std::string(e->d_name).rfind("vader_segment.", 0) == 0) out.insert(e->d_name);
    closedir(d);
    return out;
}

std::vector<pid_t> descendants_of(pid_t root) {
    std::vector<pid_t> out, frontier{root};
    while (!frontier.empty()) {
        const pid_t p = frontier.back();
        frontier.pop_back();
        for (pid_t c : children_of(p)) {
            out.push_back(c);
            frontier.push_back(c);
        }
    }
    return out;
}

int mpi_rank_of(pid_t pid) {
    std::ifstream f("/proc/" + std::to_string(pid) + "/environ", std::ios::binary);
    const std::string env((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
    const std::string key = std::string("OMPI_COMM_WORLD_RANK=");
    std::size_t at = 0;
    while (at < env.size()) {
        const std::size_t end = env.find('\0', at);
        const std::string var = env.substr(at, end == std::string::npos ? end : end - at);
        if (var.rfind(key, 0) == 0) return std::atoi(var.c_str() + key.size());
        if (end == std::string::npos) break;
        at = end + 1;
    }
    return -1;
}

std::vector<pid_t> wait_for_ranks(pid_t root, int ranks, double timeout_s) {
    const int64_t deadline = monotonic_ns() + static_cast<int64_t>(timeout_s * 1e9);
    std::vector<pid_t> found(static_cast<std::size_t>(ranks), 0);
    for (;;) {
        int n = 0;
        for (pid_t p : descendants_of(root)) {
            std::ifstream comm("/proc/" + std::to_string(p) + "/comm");
            std::string name;
            std::getline(comm, name);
            if (name.rfind("poolscope-mpi", 0) != 0) continue;
            const int r = mpi_rank_of(p);
            if (r >= 0 && r < ranks) found[static_cast<std::size_t>(r)] = p;
        }
        for (pid_t p : found) n += p > 0;
        if (n == ranks || monotonic_ns() >= deadline) return found;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
}

}  // namespace poolscope::test
