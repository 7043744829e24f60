// The command line of poolscope-mpi-rank, as the engine writes it (core/engine/mpi_launch.cpp).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/workloads/workload.h"

namespace poolscope::mpi {

struct RankOptions {
    std::string connect;  // the engine's socket (the dispatcher connects there)
    std::string workload;
    ParamMap params;
    uint64_t size = 0;
    uint64_t max_frame = 0;
    int lib_threads = 1;
    int sample_ms = 0;
    std::vector<std::string> inject;
};

// The reason when the arguments are not what the engine writes.
std::string parse_rank_options(int argc, char** argv, RankOptions& out);

}  // namespace poolscope::mpi
