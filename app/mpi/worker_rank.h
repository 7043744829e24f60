// A worker rank: rebuilds the workload from its arguments (as a spawn worker does), says hello
// to the dispatcher, answers its clock pings, then runs every task it is sent with the core's
// run_task until told to stop.
#pragma once

#include "app/mpi/rank_options.h"

namespace poolscope::mpi {

int worker_rank_main(const RankOptions& opt, int rank);

}  // namespace poolscope::mpi
