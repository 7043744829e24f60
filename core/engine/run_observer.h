// RunObserver: what the engine tells the outside world while a run goes on. The engine calls it
// from its single loop; implementations must not block (the event stream buffers and degrades,
// see docs/events.md). Default implementations do nothing.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/engine/run_result.h"
#include "core/engine/run_series.h"
#include "core/telemetry/run_telemetry.h"

namespace poolscope {

struct WorkerEvent {
    std::string run_id;
    int worker = -1;
    pid_t pid = 0;
    std::string state;  // started, ready, exited
    int exit_code = -1;
    int signal = 0;
    int64_t t_ns = 0;
    std::string host = {};  // --backend mpi: the rank's host (empty: the engine's machine)
};

struct ProgressEvent {
    std::string run_id;
    uint64_t items_done = 0;
    uint64_t items_total = 0;
    uint64_t chunks_done = 0;
    uint64_t chunks_total = 0;
    int64_t t_ns = 0;
};

class RunObserver {
  public:
    virtual ~RunObserver() = default;
    virtual void on_run_start(const std::string& run_id, const RunConfig& config,
                              const MachineInfo& machine, int64_t t_ns) {
        (void)run_id, (void)config, (void)machine, (void)t_ns;
    }
    virtual void on_worker(const WorkerEvent& e) { (void)e; }
    virtual void on_chunk(const std::string& run_id, const ChunkRecord& c) {
        (void)run_id, (void)c;
    }
    virtual void on_progress(const ProgressEvent& p) { (void)p; }
    virtual void on_sample(const std::string& run_id, const Sample& s) { (void)run_id, (void)s; }
    virtual void on_error(const std::string& run_id, const RunError& e, int64_t t_ns) {
        (void)run_id, (void)e, (void)t_ns;
    }
    virtual void on_run_end(const RunResult& r) { (void)r; }
    // After the counted runs of a series (Engine::run_series; warm-up runs are not in it).
    virtual void on_series_end(const RunSeries& s) { (void)s; }
    // After a serial and a parallel series were set side by side (Engine::run_compare).
    virtual void on_comparison(const Comparison& c) { (void)c; }
    // A chance to flush batched events. Every backend's loop (run_loop.h) calls on_progress and
    // then on_tick on each turn where ms_until_tick says 0 (due) or -1 (no wish), and
    // on_progress once more with the final figures before on_run_end.
    virtual void on_tick(int64_t now_ns) { (void)now_ns; }
    // How soon the observer wants on_tick again (ms), or -1 for no wish. No backend's poll()
    // sleeps past it.
    virtual int ms_until_tick(int64_t now_ns) const {
        (void)now_ns;
        return -1;
    }
};

}  // namespace poolscope
