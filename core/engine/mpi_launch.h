// Starting and ending an MPI job for --backend mpi. The engine holds no MPI itself: it runs
// `mpirun` as a child, the leader of a session of its own, with W+1 ranks of the program
// `poolscope-mpi-rank` (rank 0, the dispatcher, on this machine; ranks 1..W are the workers).
// The dispatcher connects back to a Unix socket in a private directory rather than using
// inherited pipes: mpirun and every local rank would inherit a pipe's ends, so a dead
// dispatcher would not show as end of file.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/config/mpi_hosts.h"
#include "core/config/run_config.h"
#include "core/engine/run_context.h"

namespace poolscope {

inline constexpr char kMpiRankProgram[] = "poolscope-mpi-rank";
inline constexpr char kMpiPackages[] = "openmpi-bin libopenmpi-dev";

struct MpiJob {
    pid_t pid = -1;  // mpirun, leader of its own session (its ranks make groups of their own)
    int pidfd = -1;
    int listen_fd = -1;   // the dispatcher's connections arrive here
    int output_fd = -1;   // mpirun's stdout and stderr (read end, non-blocking)
    std::string dir;      // private directory holding the socket
    std::string output;   // the last kMpiOutputKeep bytes mpirun wrote
    uint32_t job_id = 0;  // OpenMPI's, once read from a local rank's environment
};
inline constexpr std::size_t kMpiOutputKeep = 16 * 1024;

// Before any process starts: OpenMPI's mpirun on PATH, the rank program beside engine_exe, the
// hosts valid, and the first host this machine (the dispatcher runs there).
std::optional<std::string> check_mpi_setup(const RunConfig& cfg, const std::string& engine_exe);

// True for "localhost", a loopback or local interface address, or this machine's host name.
bool is_local_host(const std::string& name);

// The hosts with a slot count each, so W+1 ranks spread evenly where the user gave none.
std::vector<MpiHost> mpi_hosts_with_slots(const RunConfig& cfg);

// mpirun's argument list for this run (the rank program connects to socket_path).
std::vector<std::string> mpirun_args(const RunContext& ctx, const std::string& mpirun,
                                     const std::string& socket_path);

// Creates the socket and starts mpirun. On failure nothing is left running or open.
std::optional<std::string> start_mpi_job(const RunContext& ctx, MpiJob& job);

// Sends sig to mpirun and every process of its session (the local ranks and their helpers);
// learns the job id from them on the way if it is not known yet.
void signal_mpi_job(MpiJob& job, int sig);

// Asks for 4 MiB socket buffers each way (the kernel caps them at net.core.[rw]mem_max): an
// 8 MB item then crosses in a few wake-ups instead of forty (the pipes of the process pool are
// enlarged to 1 MiB for the same reason).
void widen_socket_buffers(int fd);

// Reads what mpirun wrote so far into job.output (bounded); false at end of file.
bool drain_mpi_output(MpiJob& job);

// OpenMPI's job id, from the environment of one of its local ranks (0 when unreadable).
uint32_t mpi_job_id_of(pid_t rank_pid);

// Removes the shared-memory segments OpenMPI's vader transport left in /dev/shm for this job:
// a rank killed outright (SIGKILL) cannot unlink its own, and mpirun does not either.
void remove_mpi_segments(uint32_t job_id);

// Closes the job's descriptors and removes its socket and directory (mpirun must be reaped).
void close_mpi_job(MpiJob& job);

}  // namespace poolscope
