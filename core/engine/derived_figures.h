// Figures of a finished pool run that follow from its chunk records: what the workers' stamps
// say once the run is over, computed by the engine before the result leaves it.
#pragma once

#include "core/engine/run_result.h"

namespace poolscope {

// --transport shm: the workers' page-fault time, the sum of every finished chunk's
// recv_end → compute_start (a worker faults its chunk's shared pages in there and decodes
// nothing). Seconds.
double shm_page_fault_s(const RunResult& r);

// When the caller had its first result, seconds from the run's start: map and static hand
// every result over at the end (the last arrival), imap in index order (chunk 0's arrival),
// imap_unordered and apply_async as they arrive (the first arrival). 0 when nothing finished.
double first_result_s(const RunResult& r);

// Fills the two figures above into r (a pool run).
void add_derived_figures(RunResult& r);

}  // namespace poolscope
