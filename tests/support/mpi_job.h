// Test support for --backend mpi: whether OpenMPI and the rank program are there, and the
// processes of a running job (mpirun and its ranks) found under a CLI's pid.
#pragma once

#include <sys/types.h>

#include <set>
#include <string>
#include <vector>

namespace poolscope::test {

// Empty when `poolscope-cli run --backend mpi` can run here; else why not (for GTEST_SKIP).
std::string mpi_unavailable();

// OpenMPI's shared-memory segments now in /dev/shm (vader_segment.*), by name.
std::set<std::string> mpi_segments();

// Every descendant of `root` (children, their children, …), from /proc.
std::vector<pid_t> descendants_of(pid_t root);

// The OMPI_COMM_WORLD_RANK of a process of an MPI job, or -1.
int mpi_rank_of(pid_t pid);

// Waits until `root` has `ranks` descendants that are MPI ranks (up to timeout_s); returns the
// pid of each rank by rank number (0 where not found).
std::vector<pid_t> wait_for_ranks(pid_t root, int ranks, double timeout_s);

}  // namespace poolscope::test
