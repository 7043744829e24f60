// `poolscope-mpi-rank --raw-pingpong BYTES ROUNDS`: the floor the MPI backend is measured
// against (bench/mpi_bench.cpp). Rank 0 sends BYTES to rank 1 with MPI_Send and gets them back
// with MPI_Recv, ROUNDS times after two unmeasured rounds, and prints each round trip's seconds
// on its own line. Other ranks only wait at the barrier.
#pragma once

namespace poolscope::mpi {

// argv after MPI_Init; returns the exit status.
int raw_pingpong_main(int argc, char** argv, int rank);

}  // namespace poolscope::mpi
