// Which rank ended an MPI job, read from what mpirun prints when a rank dies or exits non-zero
// (OpenMPI 4.1's wording). The dispatcher cannot say it: mpirun ends every rank at once.
#pragma once

#include <sys/types.h>

#include <optional>
#include <string>

#include "core/engine/child_process.h"

namespace poolscope {

struct MpiRankFailure {
    int rank = -1;
    pid_t pid = 0;     // 0 when mpirun did not say
    std::string node;  // empty when mpirun did not say
    ExitStatus status;
};

// "mpirun noticed that process rank 2 with PID 123 on node a exited on signal 9 (Killed)." or
// "… The first process to do so was: Process name: [[1,1],2] Exit code: 4"; nullopt otherwise.
std::optional<MpiRankFailure> parse_mpirun_failure(const std::string& output);

// The last few non-empty lines of mpirun's output that are not its banner dashes, for a
// message when the job failed for another reason (a host it could not reach, say).
std::string mpirun_output_tail(const std::string& output, std::size_t max_lines = 6);

}  // namespace poolscope
