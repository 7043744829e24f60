#include "core/telemetry/process_sampler.h"

#include "core/platform/clock.h"

#include <dirent.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>

#include <optional>
#include <utility>

#include "core/platform/read_file.h"
#include "core/telemetry/proc_pid_files.h"

namespace poolscope {

namespace {

uint64_t sysconf_or(int name, uint64_t fallback) {
    const long value = ::sysconf(name);
    return value > 0 ? static_cast<uint64_t>(value) : fallback;
}

// CPU time of every live thread of the process, from /proc/PID/task/*/schedstat (nanoseconds,
// per thread: /proc/PID/schedstat is the main thread alone, so a library's worker threads would
// look like load from outside the run). Fills `threads` with each thread's figure; false when
// task/ cannot be read (a fixture without it).
bool read_thread_cpu_ns(const std::string& dir, std::unordered_map<pid_t, uint64_t>& threads) {
    threads.clear();
    DIR* tasks = ::opendir((dir + "/task").c_str());
    if (!tasks) return false;
    while (const dirent* e = ::readdir(tasks)) {
        if (e->d_name[0] == '.') continue;
        const auto text = read_text_file(dir + "/task/" + e->d_name + "/schedstat");
        if (const auto ns = text ? parse_schedstat_cpu_ns(*text) : std::nullopt)
            threads[static_cast<pid_t>(std::atoi(e->d_name))] = *ns;
    }
    ::closedir(tasks);
    return !threads.empty();
}

}  // namespace

// One source, one resolution: the live threads' schedstat plus what threads seen before and
// since exited had used. stat's utime+stime also covers exited threads but in 10 ms ticks;
// mixing the two from one sample to the next made a busy single-threaded worker read 1.27
// cores over a 50 ms interval. Ticks stand in only where task/ is missing (or for threads that
// lived and died between two samples, when they exceed the schedstat figure by two ticks).
// The result never goes back.
uint64_t ProcessSampler::read_cpu_ns(const std::string& dir, const PidStat& stat, Track& track) {
    const uint64_t ticks_ns = (stat.utime_ticks + stat.stime_ticks) * ns_per_tick_;
    uint64_t ns = 0;
    if (read_thread_cpu_ns(dir, scratch_threads_)) {
        for (const auto& [tid, before] : track.threads)
            if (!scratch_threads_.contains(tid)) track.exited_threads_ns += before;
        track.threads.swap(scratch_threads_);
        ns = track.exited_threads_ns;
        for (const auto& [tid, t_ns] : track.threads) ns += t_ns;
        if (ticks_ns > ns + 2 * ns_per_tick_) {
            track.exited_threads_ns += ticks_ns - ns;
            ns = ticks_ns;
        }
    } else if (const std::optional<std::string> text = read_text_file(dir + "/schedstat")) {
        ns = parse_schedstat_cpu_ns(*text).value_or(0);
    }
    if (ns == 0) ns = ticks_ns;
    return std::max(ns, track.cpu_ns);
}

ProcessSampler::ProcessSampler(std::string proc_root)
    : proc_root_(std::move(proc_root)),
      page_bytes_(sysconf_or(_SC_PAGESIZE, 4096)),
      ns_per_tick_(1'000'000'000 / sysconf_or(_SC_CLK_TCK, 100)) {
    live_ = proc_root_ == "/proc";
}

std::string ProcessSampler::pid_dir(pid_t pid) const {
    return proc_root_ + "/" + std::to_string(pid);
}

ProcessSample ProcessSampler::sample(const ProcessRef& ref, int64_t now_ns, PssRead pss) {
    ProcessSample out;
    out.pid = ref.pid;
    out.role = ref.role;
    out.worker = ref.worker;
    const std::string dir = pid_dir(ref.pid);
    // A reaped process loses its directory; one exiting under us makes read() fail with ESRCH.
    // Both come back from read_text_file as nullopt.
    const std::optional<std::string> stat_text = read_text_file(dir + "/stat");
    const std::optional<std::string> statm_text = read_text_file(dir + "/statm");
    const std::optional<PidStat> stat = stat_text ? parse_pid_stat(*stat_text) : std::nullopt;
    const std::optional<uint64_t> pages =
        statm_text ? parse_statm_resident_pages(*statm_text) : std::nullopt;
    if (!stat || !pages) {
        tracks_.erase(ref.pid);
        out.gone = true;
        return out;
    }
    out.state = stat->state;
    out.minor_faults = stat->minor_faults;
    out.last_cpu = stat->processor;
    out.rss_bytes = *pages * page_bytes_;
    Track& track = track_for(ref.pid, stat->start_ticks);
    out.cpu_ns = read_cpu_ns(dir, *stat, track);
    // On the live /proc the CPU time is paired with the moment it was read, not the sample's
    // start: a loaded engine may read this process milliseconds after that.
    const int64_t read_ns = live_ ? monotonic_ns() : now_ns;

    // schedstat advances at the scheduler's ticks, so over a few milliseconds (the last sample
    // of a run, taken just after a periodic one) a busy thread read 0 or 2–5 cores. Such a short
    // interval is measured from the reading before the last instead.
    int64_t base_t = track.t_ns;
    uint64_t base_cpu = track.cpu_ns;
    if (read_ns - base_t < kMinUtilWindowNs && track.before_t_ns >= 0)
        base_t = track.before_t_ns, base_cpu = track.before_cpu_ns;
    if (track.seen && read_ns > base_t && out.cpu_ns >= base_cpu) {
        out.cpu_util =
            static_cast<double>(out.cpu_ns - base_cpu) / static_cast<double>(read_ns - base_t);
    }
    // A short interval keeps the older base, so back-to-back readings never shrink the window.
    if (track.seen && (read_ns - track.t_ns >= kMinUtilWindowNs || track.before_t_ns < 0))
        track.before_t_ns = track.t_ns, track.before_cpu_ns = track.cpu_ns;
    track.seen = true;
    track.t_ns = read_ns;
    track.cpu_ns = out.cpu_ns;

    // Nothing resident (a zombie): PSS and USS are zero, known without reading anything.
    const bool read_now = pss == PssRead::Now || out.rss_bytes == 0 ||
                          (pss != PssRead::Later && track.pss_t_ns < 0) ||
                          (pss == PssRead::Auto && pss_due(track, out.rss_bytes, now_ns));
    if (read_now) refresh_pss(dir, track, out.rss_bytes, now_ns);
    out.pss_bytes = track.pss_bytes;
    out.uss_bytes = track.uss_bytes;
    out.pss_age_ns = track.pss_t_ns < 0 ? -1 : now_ns - track.pss_t_ns;
    return out;
}

void ProcessSampler::read_pss(const ProcessRef& ref, int64_t now_ns, ProcessSample& s) {
    const auto it = tracks_.find(ref.pid);
    if (s.gone || it == tracks_.end()) return;
    refresh_pss(pid_dir(ref.pid), it->second, s.rss_bytes, now_ns);
    s.pss_bytes = it->second.pss_bytes;
    s.uss_bytes = it->second.uss_bytes;
    s.pss_age_ns = it->second.pss_t_ns < 0 ? -1 : now_ns - it->second.pss_t_ns;
}

ProcessSampler::Track& ProcessSampler::track_for(pid_t pid, uint64_t start_ticks) {
    Track& track = tracks_[pid];
    // A different start time means the pid was reused: the history belongs to another process.
    if (track.start_ticks != start_ticks) track = Track{};
    track.start_ticks = start_ticks;
    return track;
}

// Uses the RSS just read from statm rather than the previous sample's: it is the freshest
// estimate of how long the smaps walk will take.
bool ProcessSampler::pss_due(const Track& track, uint64_t rss_bytes, int64_t now_ns) const {
    if (track.pss_t_ns < 0) return true;
    const int64_t age = now_ns - track.pss_t_ns;
    if (age < kPssCostFactor * track.pss_cost_ns) return false;
    return rss_bytes <= kLargeRssBytes || age >= kLargePssIntervalNs;
}

void ProcessSampler::refresh_pss(const std::string& dir, Track& track, uint64_t rss_bytes,
                                 int64_t now_ns) const {
    SmapsRollup rollup;
    // PSS and USS only count resident pages, so nothing resident means both are zero. That is
    // also the only way to learn a zombie's figures: its smaps_rollup fails with ESRCH.
    if (rss_bytes > 0) {
        const int64_t t0 = monotonic_ns();
        const std::optional<std::string> text = read_text_file(dir + "/smaps_rollup");
        track.pss_cost_ns = monotonic_ns() - t0;
        // Unreadable (vanished meanwhile, or not ours): keep the older figures; their age says so.
        if (!text) return;
        // An empty file has no Pss line: no memory map, so zero is the true figure.
        rollup = parse_smaps_rollup(*text).value_or(SmapsRollup{});
    }
    track.pss_bytes = rollup.pss_bytes;
    track.uss_bytes = rollup.uss_bytes;
    track.pss_t_ns = now_ns;
}

void ProcessSampler::forget_others(const std::vector<ProcessRef>& keep) {
    std::erase_if(tracks_, [&keep](const auto& entry) {
        for (const ProcessRef& ref : keep) {
            if (ref.pid == entry.first) return false;
        }
        return true;
    });
}

}  // namespace poolscope
