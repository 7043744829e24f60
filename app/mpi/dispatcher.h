// Rank 0 of an MPI job: the dispatcher. It gathers the worker ranks' hellos, estimates each
// one's clock offset by ping-pong (the round trip with the smallest time wins), connects to the
// engine (a control connection, then one per worker rank), reports the ranks, and then relays:
// the engine's task frames for worker k go to rank k as MPI messages, rank k's result frames
// come back with their stamps moved onto this host's clock. The engine keeps the queue; end of
// file on a channel tells its rank to stop.
#pragma once

#include "app/mpi/rank_options.h"

namespace poolscope::mpi {

int dispatcher_main(const RankOptions& opt, int workers);

}  // namespace poolscope::mpi
