#include "app/mpi/rank_options.h"

#include <unistd.h>

#include <cstdlib>

#include "app/mpi/rank_messages.h"

namespace poolscope::mpi {

std::string host_name() {
    char buf[256] = {};
    if (gethostname(buf, sizeof buf - 1) != 0) return "?";
    return buf;
}

std::string parse_rank_options(int argc, char** argv, RankOptions& o) {
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string k = argv[i], v = argv[i + 1];
        if (k == "--connect")
            o.connect = v;
        else if (k == "--workload")
            o.workload = v;
        else if (k == "--param") {
            const auto eq = v.find('=');
            if (eq == std::string::npos) return "--param needs KEY=VALUE";
            o.params[v.substr(0, eq)] = v.substr(eq + 1);
        } else if (k == "--size")
            o.size = std::strtoull(v.c_str(), nullptr, 10);
        else if (k == "--max-frame")
            o.max_frame = std::strtoull(v.c_str(), nullptr, 10);
        else if (k == "--lib-threads")
            o.lib_threads = std::atoi(v.c_str());
        else if (k == "--sample-ms")
            o.sample_ms = std::atoi(v.c_str());
        else if (k == "--inject")
            o.inject.push_back(v);
        else
            return "unknown argument " + k;
    }
    if (argc % 2 != 1) return "arguments come in pairs";
    if (o.connect.empty() || o.workload.empty() || o.max_frame == 0)
        return "--connect, --workload and --max-frame are required";
    return {};
}

}  // namespace poolscope::mpi
