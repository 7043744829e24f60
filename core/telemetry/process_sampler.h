// ProcessSampler: memory and CPU figures of one process of a run, read from /proc/PID. It keeps a
// little state per pid, because two of the figures need history: CPU utilisation is a delta over
// time, and PSS/USS come from smaps_rollup, which walks every mapping (1 ms or more per 256 MiB
// resident) and so is read less often for large processes than the cheap statm.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/telemetry/proc_pid_files.h"
#include "core/telemetry/run_telemetry.h"

namespace poolscope {

class ProcessSampler {
  public:
    // Above this resident size smaps_rollup is read at most once per kLargePssIntervalNs.
    static constexpr uint64_t kLargeRssBytes = uint64_t{256} << 20;
    static constexpr int64_t kLargePssIntervalNs = 500'000'000;
    // And never sooner than this many times its last read took: the walk costs 4 to 10 µs
    // per resident MiB on an idle machine and several times that under load, so a busy
    // engine's own figures must not eat into what is measured (at most 1/kPssCostFactor of
    // the loop's time).
    static constexpr int64_t kPssCostFactor = 200;
    // A process's CPU utilisation is measured over at least this long (see sample()).
    static constexpr int64_t kMinUtilWindowNs = 20'000'000;

    // proc_root can point at a fixture directory holding PID subdirectories.
    explicit ProcessSampler(std::string proc_root = "/proc");

    // When smaps_rollup (PSS, USS) is read: by this sampler's own per-process rule (Auto), now
    // (Now: a caller reading every process in one round, so their sum is consistent), or only
    // if it was never read (Keep).
    // Later: nothing now; the caller reads PSS with read_pss() once every process's cheap
    // figures are in (so the CPU readings of a round are not spread over the slow walks).
    enum class PssRead { Auto, Now, Keep, Later };

    // Never throws for a vanished process: a pid whose files are gone (or read ESRCH) comes
    // back with gone = true and every figure zero.
    ProcessSample sample(const ProcessRef& ref, int64_t now_ns, PssRead pss = PssRead::Auto);

    // Reads smaps_rollup for a process sampled with PssRead::Later and fills in s's PSS, USS
    // and age.
    void read_pss(const ProcessRef& ref, int64_t now_ns, ProcessSample& s);

    // Drops the history of pids not in `keep`, so a long series of runs does not accumulate it.
    void forget_others(const std::vector<ProcessRef>& keep);

  private:
    struct Track {
        uint64_t start_ticks = 0;  // tells a reused pid from the process we saw before
        bool seen = false;         // false until the first sample, which has no interval
        int64_t t_ns = 0;
        uint64_t cpu_ns = 0;
        int64_t before_t_ns = -1;  // the reading before the last (-1: none); see sample()
        uint64_t before_cpu_ns = 0;
        std::unordered_map<pid_t, uint64_t> threads;  // live thread → its schedstat CPU ns
        uint64_t exited_threads_ns = 0;               // CPU of threads that have gone
        int64_t pss_t_ns = -1;                        // when smaps_rollup was last read; -1 = never
        int64_t pss_cost_ns = 0;                      // how long that read took
        uint64_t pss_bytes = 0;
        uint64_t uss_bytes = 0;
    };

    std::string pid_dir(pid_t pid) const;
    Track& track_for(pid_t pid, uint64_t start_ticks);
    uint64_t read_cpu_ns(const std::string& dir, const PidStat& stat, Track& track);
    bool pss_due(const Track& track, uint64_t rss_bytes, int64_t now_ns) const;
    void refresh_pss(const std::string& dir, Track& track, uint64_t rss_bytes,
                     int64_t now_ns) const;

    std::string proc_root_;
    bool live_ = false;  // proc_root_ is the real /proc (not a fixture)
    uint64_t page_bytes_;
    uint64_t ns_per_tick_;
    std::unordered_map<pid_t, Track> tracks_;
    std::unordered_map<pid_t, uint64_t> scratch_threads_;
};

}  // namespace poolscope
