#include "app/cli/run_options.h"

namespace poolscope::cli {

std::string run_help() {
    return R"(usage: poolscope-cli run [options]

Runs a workload serially or through a pool and reports where the time went.

workload
  --workload NAME          square, cpu, blur, transfer, sleep, skewed (default cpu;
                           see poolscope-cli list)
  --param KEY=VALUE        a workload parameter (repeatable; list shows defaults)
  --size N                 items, 0 … 1000000000 (default 2000)
pool
  --workers W              worker processes, 1 … max(64, 8 × usable cores) (default 4)
  --chunksize N|auto       items per task message; auto = ceil(n / (W·4)) (default auto)
  --backend B              processes (default), serial, threads
  --global-lock            threads backend: one mutex around every task (Python's GIL)
  --start fork|spawn       how workers start (default fork)
  --dispatch D             map (default), imap, imap_unordered, apply_async, static
  --transport pipe|shm     how items travel (default pipe)
  --pool cold|warm         pool creation inside (cold) or before (warm) the timed region
  --lib-threads N          threads a native library may use in each worker (default 1)
  --pin                    pin worker i to usable core i mod cores
measurement
  --compare                run serial, then parallel; print both, speedup, T, C, verdict
  --repeat N               counted runs, reported as median [min … max] (default 1)
  --warmup N               uncounted runs first (default 0)
  --sample-ms N            telemetry period, 50 … 1000 ms, 0 = off (default 100)
  --json                   print one JSON document instead of the table
  --chunk-records          with --json: include every chunk's record (stamps, bytes)
  --events FILE|-          write the event stream (JSON Lines); with -, the table goes
                           to stderr
  --chunk-detail N         with --events: chunks per run sent in full before they come
                           as time buckets (default 20000; 0 = buckets from the start)
  --control-stdin          read commands from stdin: "stop" or end of file stops the run
                           (stdin must be a pipe or a terminal; lines up to 4096 bytes)
faults
  --task-timeout S         end a worker whose chunk takes longer than S seconds
  --on-failure P           stop (default), retry (a chunk at most twice), skip
  --inject FAULT           crash@chunk=N, hang@chunk=N, error@item=N, corrupt@chunk=N,
                           kill@t=SECONDS, shm-full
  --max-frame BYTES        largest protocol frame (default 1073741824)

exit status: 0 done, 1 run failed or an output could not be written, 2 bad input,
130 interrupted (partial results printed)
)";
}

}  // namespace poolscope::cli
