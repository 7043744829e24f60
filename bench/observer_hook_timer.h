// A RunObserver that forwards every call to another one and adds up the wall time spent inside
// it: what the inner observer costs the engine's loop, hook by hook, measured directly rather
// than read off the noise between two whole runs. Each timed call pays two clock reads itself;
// clock_floor_s() measures that cost, so callers can subtract calls × floor.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>

#include "core/engine/run_observer.h"
#include "core/platform/clock.h"

namespace poolscope::bench {

class ObserverHookTimer : public RunObserver {
  public:
    explicit ObserverHookTimer(RunObserver& inner) : inner_(inner) {}

    double seconds() const { return static_cast<double>(ns_) * 1e-9; }
    uint64_t calls() const { return calls_; }
    void reset() { ns_ = 0, calls_ = 0; }

    void on_run_start(const std::string& run_id, const RunConfig& config,
                      const MachineInfo& machine, int64_t t_ns) override {
        Timed t(*this);
        inner_.on_run_start(run_id, config, machine, t_ns);
    }
    void on_worker(const WorkerEvent& e) override {
        Timed t(*this);
        inner_.on_worker(e);
    }
    void on_chunk(const std::string& run_id, const ChunkRecord& c) override {
        Timed t(*this);
        inner_.on_chunk(run_id, c);
    }
    void on_progress(const ProgressEvent& p) override {
        Timed t(*this);
        inner_.on_progress(p);
    }
    void on_sample(const std::string& run_id, const Sample& s) override {
        Timed t(*this);
        inner_.on_sample(run_id, s);
    }
    void on_error(const std::string& run_id, const RunError& e, int64_t t_ns) override {
        Timed t(*this);
        inner_.on_error(run_id, e, t_ns);
    }
    void on_run_end(const RunResult& r) override {
        Timed t(*this);
        inner_.on_run_end(r);
    }
    void on_series_end(const RunSeries& s) override {
        Timed t(*this);
        inner_.on_series_end(s);
    }
    void on_comparison(const Comparison& c) override {
        Timed t(*this);
        inner_.on_comparison(c);
    }
    void on_tick(int64_t now_ns) override {
        Timed t(*this);
        inner_.on_tick(now_ns);
    }
    int ms_until_tick(int64_t now_ns) const override {
        Timed t(*this);
        return inner_.ms_until_tick(now_ns);
    }

    // Seconds one timed call of an observer that does nothing costs: the least of several
    // batches, the one least disturbed by the machine.
    static double clock_floor_s() {
        RunObserver none;
        ObserverHookTimer timer(none);
        constexpr int kCalls = 200000;
        double best = 1;
        for (int batch = 0; batch < 5; ++batch) {
            const int64_t t0 = monotonic_ns();
            for (int i = 0; i < kCalls; ++i) timer.on_tick(i);
            best = std::min(best, static_cast<double>(monotonic_ns() - t0) * 1e-9 / kCalls);
        }
        return best;
    }

  private:
    struct Timed {
        explicit Timed(const ObserverHookTimer& o) : owner(o), t0(monotonic_ns()) {}
        ~Timed() {
            owner.ns_ += monotonic_ns() - t0;
            owner.calls_ += 1;
        }
        const ObserverHookTimer& owner;
        int64_t t0;
    };

    RunObserver& inner_;
    mutable int64_t ns_ = 0;  // mutable: ms_until_tick is const and is timed too
    mutable uint64_t calls_ = 0;
};

}  // namespace poolscope::bench
