// The values a run produces: per-chunk and per-worker records, errors, the overhead breakdown
// and the summary figures. Plain copyable structs; JSON lives in core/report/result_json.h.
// Definitions (wall, start-up, breakdown, T, C, …) are those of docs/metrics.md.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <string>
#include <vector>

#include "core/config/run_config.h"
#include "core/platform/machine_info.h"
#include "core/telemetry/telemetry_figures.h"

namespace poolscope {

// One chunk as measured. Stamps are CLOCK_MONOTONIC ns; 0 = did not happen.
struct ChunkRecord {
    uint64_t id = 0;
    uint64_t first = 0;
    uint64_t count = 0;
    int worker = -1;
    int64_t dispatch_ns = 0;       // engine queued the task frame
    int64_t recv_start_ns = 0;     // worker saw the task's header
    int64_t recv_end_ns = 0;       // worker had the whole task
    int64_t compute_start_ns = 0;  // worker decoded the input
    int64_t compute_end_ns = 0;    // worker finished the items
    int64_t ser_end_ns = 0;        // worker encoded the result
    int64_t received_ns = 0;       // engine had the whole result
    uint64_t bytes_in = 0;         // task frame bytes (engine -> worker)
    uint64_t bytes_out = 0;        // result frame bytes (worker -> engine)
    int64_t engine_ser_ns = 0;     // engine time to encode the task
    int64_t engine_deser_ns = 0;   // engine time to decode and hash the result
    uint64_t failed_items = 0;
    bool ok = false;

    bool operator==(const ChunkRecord&) const = default;
};

struct WorkerRecord {
    int index = 0;
    pid_t pid = 0;
    int64_t started_ns = 0;         // fork/spawn returned in the engine
    int64_t ready_ns = 0;           // worker reported ready
    int64_t exited_ns = 0;          // reaped
    std::string state = "started";  // started, ready, exited, killed, failed
    int exit_code = -1;
    int signal = 0;
    uint64_t chunks = 0;
    uint64_t items = 0;
    std::string host = {};  // --backend mpi: the host the rank ran on (empty: the engine's machine)

    bool operator==(const WorkerRecord&) const = default;
};

struct RunError {
    std::string
        code;  // worker_died, worker_killed, timeout, protocol, item_failed, interrupted, ...
    std::string message;
    int worker = -1;
    pid_t pid = 0;
    int signal = 0;
    int64_t chunk = -1;
    int64_t item = -1;
    std::string field = {};  // bad_input: the option refused ("--workers", "--param sigma"), if any

    bool operator==(const RunError&) const = default;
};

// Worker-seconds: W·wall = startup + serialization + transfer + compute + teardown + idle.
struct Breakdown {
    double startup = 0;
    double serialization = 0;
    double transfer = 0;
    double compute = 0;
    double teardown = 0;
    double idle = 0;  // the remainder: waiting for work, imbalance

    double total() const { return startup + serialization + transfer + compute + teardown + idle; }
    bool operator==(const Breakdown&) const = default;
};

struct RunResult {
    RunConfig config;
    MachineInfo machine;
    std::string run_id;
    std::string label;  // describe(config)
    int workers = 0;    // worker slots the breakdown counts (1 for serial)
    double wall_s = 0;
    double startup_s = 0;
    double teardown_s = 0;
    double compute_s = 0;
    double engine_serialize_s = 0;    // engine-side encode of tasks (not worker-seconds)
    double engine_deserialize_s = 0;  // engine-side decode of results
    // --transport shm: worker-seconds spent faulting the chunks' shared pages in before
    // computing (a part of the breakdown's serialization, which shm otherwise does not have).
    double page_fault_s = 0;
    // Pool runs: seconds from the run's start until the caller had its first result (map: all
    // at the end; imap: in order; imap_unordered, apply_async: as they arrive).
    double first_result_s = 0;
    Breakdown breakdown;
    uint64_t checksum = 0;        // sum of item hashes mod 2^64 over finished items
    uint64_t checksum_items = 0;  // items the checksum covers
    uint64_t items = 0;           // items asked for
    uint64_t items_failed = 0;
    uint64_t chunks = 0;  // chunks planned
    uint64_t chunks_done = 0;
    uint64_t bytes_to_workers = 0;
    uint64_t bytes_from_workers = 0;
    bool partial = false;
    std::vector<RunError> errors;
    std::vector<ChunkRecord> chunk_records;
    // Chunk ids in the order the caller received them: map and static hand over the whole
    // result at the end (in order), imap streams in order, imap_unordered and apply_async as
    // results arrive. With --chunk-records only.
    std::vector<uint64_t> delivery_order;
    std::vector<WorkerRecord> worker_records;
    MemoryFigures memory;
    CpuFigures cpu;
    // --backend mpi: one entry per host of the job, the engine's first (memory and cpu above
    // count the engine's host only); empty otherwise.
    std::vector<HostFigures> host_totals;
    int64_t start_ns = 0;  // run start on CLOCK_MONOTONIC (timeline origin)
    int64_t end_ns = 0;
};

}  // namespace poolscope
