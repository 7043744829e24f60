// poolscope-mpi-rank: the program mpirun starts W+1 times for --backend mpi. Rank 0 is the
// dispatcher (it talks to the engine), ranks 1..W are the workers. Each rank dies with its
// parent (mpirun or its daemon), so a job whose mpirun is killed leaves nothing behind.
#include <mpi.h>
#include <signal.h>
#include <sys/prctl.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>

#include "app/mpi/dispatcher.h"
#include "app/mpi/rank_options.h"
#include "app/mpi/raw_pingpong.h"
#include "app/mpi/worker_rank.h"

int main(int argc, char** argv) {
    const pid_t parent = getppid();
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != parent) return 1;
    signal(SIGPIPE, SIG_IGN);  // a vanished engine is a failed write, handled
    poolscope::mpi::RankOptions opt;
    const std::string err = poolscope::mpi::parse_rank_options(argc, argv, opt);
    MPI_Init(&argc, &argv);
    int rank = 0, size = 0;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    if (argc > 1 && std::strcmp(argv[1], "--raw-pingpong") == 0 && size >= 2) {
        const int raw = poolscope::mpi::raw_pingpong_main(argc, argv, rank);
        if (raw != 0) MPI_Abort(MPI_COMM_WORLD, raw);
        MPI_Finalize();
        return 0;
    }
    if (!err.empty() || size < 2) {
        if (rank == 0)
            std::fprintf(stderr, "poolscope-mpi-rank: %s\n",
                         err.empty() ? "needs at least 2 ranks" : err.c_str());
        MPI_Abort(MPI_COMM_WORLD, 2);
    }
    const int rc = rank == 0 ? poolscope::mpi::dispatcher_main(opt, size - 1)
                             : poolscope::mpi::worker_rank_main(opt, rank);
    if (rc != 0) MPI_Abort(MPI_COMM_WORLD, rc);
    MPI_Finalize();
    return 0;
}
