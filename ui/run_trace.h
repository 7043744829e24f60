// RunTrace: what the GUI keeps of one run for its live charts, filled incrementally from the
// parsed event stream (core's StreamRun): progress, per-core CPU and memory per process as
// bounded series, workers' states, errors and, at the end, the RESULT. A plain value: the views
// only read it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/engine/run_result.h"
#include "core/events/event_reader.h"
#include "ui/bounded_series.h"

namespace poolscope::ui {

// A process the memory chart stacks: the engine, one worker, or the serial/threads child.
struct ProcessKey {
    std::string role;  // "engine", "worker", "serial", "threads"
    int worker = -1;
    std::string host = {};  // --backend mpi: a host other than the engine's; empty: the engine's
    bool operator==(const ProcessKey&) const = default;
};

// One telemetry sample as the charts need it. t: seconds since the request's origin (hello).
struct CoreRow {
    double t = 0;
    std::vector<float> util;  // 0..1 per core
    float total = 0;          // 0..1 over all cores
    float steal = 0;          // the largest core's steal share
    int host = 0;             // index in RunTrace::hosts
};
struct MemoryRow {
    double t = 0;
    std::vector<uint64_t> pss;  // bytes, indexed like RunTrace::processes (absent = 0)
    uint64_t rss_sum = 0;
    int host = 0;  // index in RunTrace::hosts: the sample covers that host's processes only
};

struct RunTrace {
    std::string run_id;
    std::string label;
    RunConfig config;
    bool serial = false;
    double start_s = 0;  // run start, seconds since the request's origin (hello)
    double end_s = -1;   // run end (from the RESULT), -1 while running
    uint64_t items_total = 0;
    uint64_t items_done = 0;
    BoundedSeries progress;  // x: seconds since this run's start, y: items done

    // The hosts the samples came from: the engine's first (its name once a sample named it,
    // --backend mpi; empty otherwise), then every other host as first seen. Each host's samples
    // cover its own cores and processes.
    std::vector<std::string> hosts{std::string()};
    std::vector<uint64_t> host_pss_now{0};  // indexed like hosts: the latest PSS sum of each
    std::vector<std::string> worker_hosts;  // by worker index (--backend mpi), from worker events

    BoundedBuffer<CoreRow> cpu{1024};
    double max_steal = 0;
    std::vector<ProcessKey> processes;  // in the order first seen
    // Indexed like processes: the state in the latest sample ('\0' when it did not list the
    // process), and whether any sample showed it as a zombie (state Z: exited, not reaped).
    std::vector<char> state_now;
    std::vector<bool> was_zombie;
    BoundedBuffer<MemoryRow> memory{1024};
    uint64_t peak_pss_sum = 0;
    double peak_pss_t = 0;

    // The chunk timeline's data, in CLOCK_MONOTONIC ns as the stream gives it: every chunk
    // in full up to the engine's detail cap, then per-worker time buckets (merged).
    int64_t origin_ns = 0;  // the stream's t = 0
    std::vector<ChunkRecord> chunks;
    std::vector<ChunkBucket> buckets;
    bool aggregated = false;
    std::vector<WorkerEvent> worker_events;

    int workers_started = 0;
    int workers_ready = 0;
    int workers_exited = 0;
    std::vector<StreamError> errors;
    std::optional<RunResult> result;

    // How much of the StreamRun has been taken in.
    std::size_t seen_progress = 0;
    std::size_t seen_samples = 0;
    std::size_t seen_workers = 0;
    std::size_t seen_errors = 0;
    std::size_t seen_chunks = 0;

    bool finished() const { return result.has_value(); }
    double elapsed_s(double now_s) const { return (end_s >= 0 ? end_s : now_s) - start_s; }
};

// The host a worker runs on ("" when the stream does not say: not --backend mpi).
const std::string& workerHost(const RunTrace& trace, int worker);

// Drops the per-chunk detail (kept only for the newest requests: up to 20000 chunks a run).
void dropChunkDetail(RunTrace& trace);

// Takes in what is new in `run` since the last call. origin_ns: the stream's hello origin.
// Returns true when anything changed.
bool absorb(RunTrace& trace, const StreamRun& run, int64_t origin_ns);

}  // namespace poolscope::ui
