#include "app/mpi/raw_pingpong.h"

#include <mpi.h>

#include <cstdio>
#include <cstdlib>
#include <vector>

#include "core/platform/clock.h"

namespace poolscope::mpi {

int raw_pingpong_main(int argc, char** argv, int rank) {
    if (argc < 4) return 2;
    const long bytes = std::atol(argv[2]);
    const int rounds = std::atoi(argv[3]);
    if (bytes < 1 || bytes > (1L << 30) || rounds < 1) return 2;
    std::vector<char> buf(static_cast<std::size_t>(bytes), 'x');  // touched: no page faults timed
    const int n = static_cast<int>(bytes);
    for (int i = 0; i < rounds + 2 && rank < 2; ++i) {
        if (rank == 0) {
            const int64_t t0 = monotonic_ns();
            MPI_Send(buf.data(), n, MPI_BYTE, 1, 0, MPI_COMM_WORLD);
            MPI_Recv(buf.data(), n, MPI_BYTE, 1, 0, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
            if (i >= 2) std::printf("%.9f\n", static_cast<double>(monotonic_ns() - t0) * 1e-9);
        } else {
            MPI_Recv(buf.data(), n, MPI_BYTE, 0, 0, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
            MPI_Send(buf.data(), n, MPI_BYTE, 0, 0, MPI_COMM_WORLD);
        }
    }
    std::fflush(stdout);
    MPI_Barrier(MPI_COMM_WORLD);
    return 0;
}

}  // namespace poolscope::mpi
