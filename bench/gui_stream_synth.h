// A large run's event stream for the GUI benchmark, written by the engine's own writer from
// synthetic observations: W workers finishing N one-item chunks evenly over S seconds, samples
// every 100 ms with C cores and W + 1 processes, progress at the writer's pace. What the
// writer does with a real run (full detail up to its cap, then per-worker buckets) it does here.
#pragma once

#include <cstdint>
#include <string>

namespace poolscope::bench {

struct SynthRun {
    uint64_t tasks = 1'000'000;
    int workers = 16;
    int cores = 16;
    double seconds = 30;
    bool chunks = true;  // false: samples and progress only (the one-hour memory check)
};

// Writes the stream to `path`; returns the number of lines, or -1 when it cannot be written.
long write_synth_stream(const SynthRun& run, const std::string& path);

}  // namespace poolscope::bench
