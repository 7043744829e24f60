// The engine as a benchmark drives it: through poolscope::Engine like the CLI, with telemetry
// sampling off (sample_ms = 0), an observer that ignores events and no stop source, so what is
// timed is the pool itself. A configuration the engine refuses is reported in its own words.
#pragma once

#include <benchmark/benchmark.h>

#include <optional>
#include <string>

#include "core/session/engine.h"

namespace poolscope::bench {

class QuietEngine {
  public:
    explicit QuietEngine(RunConfig cfg, const std::string& worker_exe = {})
        : config_(with_sampling_off(std::move(cfg))), engine_(config_, observer_, {}) {
        if (!worker_exe.empty()) engine_.set_worker_exe(worker_exe);
    }

    // The engine's reason to refuse this configuration, or nullopt once it is prepared.
    std::optional<std::string> prepare() { return engine_.prepare(); }

    // One run; nullopt (and why) when it failed or finished only in part.
    std::optional<RunResult> run(std::string& why) {
        RunResult r = engine_.run_once(config_);
        if (r.partial || !r.errors.empty() || r.checksum_items != r.items) {
            why = r.errors.empty() ? std::string("partial run") : r.errors.front().message;
            return std::nullopt;
        }
        // An empty run finishes without work, so a worker that never got going fails nothing:
        // check that every worker reported ready, or start-up figures would mean nothing.
        for (const WorkerRecord& w : r.worker_records) {
            if (w.ready_ns == 0 || w.exit_code != 0) {
                why = "worker " + std::to_string(w.index) + " (pid " + std::to_string(w.pid) +
                      ") did not start cleanly: state " + w.state + ", exit code " +
                      std::to_string(w.exit_code) + ", signal " + std::to_string(w.signal);
                return std::nullopt;
            }
        }
        return r;
    }

  private:
    static RunConfig with_sampling_off(RunConfig cfg) {
        cfg.sample_ms = 0;
        return cfg;
    }

    RunConfig config_;
    RunObserver observer_;  // every hook does nothing by default
    Engine engine_;
};

// Prepares the engine, then runs it once per benchmark iteration and hands each result to
// timed, which records its figures and returns the iteration's time in seconds. A refusal or a
// failed run ends the benchmark with the engine's reason.
template <typename Timed>
void run_iterations(benchmark::State& state, QuietEngine& engine, Timed timed) {
    if (auto refused = engine.prepare()) {
        state.SkipWithError(refused->c_str());
        return;
    }
    for (auto _ : state) {
        std::string why;
        const auto r = engine.run(why);
        if (!r) {
            state.SkipWithError(why.c_str());
            break;
        }
        state.SetIterationTime(timed(*r));
    }
}

}  // namespace poolscope::bench
