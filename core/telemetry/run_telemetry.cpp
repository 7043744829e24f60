#include "core/telemetry/run_telemetry.h"

#include "core/platform/clock.h"

#include <unistd.h>

#include <algorithm>
#include <optional>
#include <set>
#include <unordered_map>
#include <utility>

#include "core/telemetry/core_usage_sampler.h"
#include "core/telemetry/process_sampler.h"

namespace poolscope {

namespace {

constexpr int64_t kNsPerMs = 1'000'000;

// CPU time of one process between its first and its latest sample.
struct CpuSpan {
    uint64_t first_ns = 0;
    uint64_t last_ns = 0;
    bool child = false;  // a worker, the serial or the threads child (not the engine)
};

double seconds_per_tick() {
    const long hz = ::sysconf(_SC_CLK_TCK);
    return 1.0 / static_cast<double>(hz > 0 ? hz : 100);
}

}  // namespace

// The CPU figures cover the window from the first sample to the last: ticks before the first
// sample are not accumulated, just as a process's CPU counts from the first sample that saw it.
// Both sides of outside_cpu_share therefore measure the same stretch of time.
struct RunTelemetry::State {
    State(int ms, const std::string& proc_root)
        : sample_ms(ms), cores(proc_root), processes(proc_root) {}

    void record_cores(Sample& sample);
    void record_processes(Sample& sample, const std::vector<ProcessRef>& procs);
    void record_memory(const Sample& sample);
    double process_cpu_s() const;
    double children_cpu_s() const;

    int sample_ms;
    CoreUsageSampler cores;
    ProcessSampler processes;
    // PSS/USS are read for every process in the same sample (a round), so their sum is
    // consistent; a round is due again after kPssCostFactor times what the last one cost, or
    // at once when a process joined the run or became ready (a first reading would otherwise
    // stand next to old ones).
    int64_t pss_round_ns = -1;
    int64_t pss_round_cost_ns = 0;
    std::set<std::pair<pid_t, bool>> pss_members;  // (pid, ready) of the last sample
    int64_t next_due_ns = 0;
    uint64_t samples = 0;
    MemoryFigures memory;
    TickDelta machine_ticks;
    std::vector<TickDelta> core_ticks;
    std::optional<CoreUsage> last_usage;  // the last interval long enough to show on its own
    std::unordered_map<pid_t, CpuSpan> spans;
    std::unordered_map<pid_t, uint64_t> child_faults;  // latest minflt of each child seen
    uint64_t closed_cpu_ns = 0;  // CPU of earlier processes whose pid was reused
};

void RunTelemetry::State::record_cores(Sample& sample) {
    const std::optional<CoreUsage> usage = cores.sample();
    if (!usage) return;
    // /proc/stat counts 10 ms ticks: over an interval of a tick or two per core (the last sample
    // of a run, just after a periodic one) a core reads 0 or 100 %. Such an interval is shown
    // together with the one before it; the totals below still add each interval once.
    CoreUsage shown = *usage;
    const uint64_t min_ticks = 2 * std::max<uint64_t>(usage->cores.size(), 1);
    if (last_usage && usage->machine.total() < min_ticks) {
        shown.machine += last_usage->machine;
        for (size_t i = 0; i < std::min(shown.cores.size(), last_usage->cores.size()); ++i)
            shown.cores[i] += last_usage->cores[i];
    }
    if (!last_usage || usage->machine.total() >= min_ticks) last_usage = *usage;
    sample.core_util = shown.core_util();
    sample.core_steal = shown.core_steal();
    sample.machine_util = shown.machine.util();
    if (samples == 0) return;  // before the window: shown, not accumulated
    machine_ticks += usage->machine;
    if (core_ticks.size() < usage->cores.size()) core_ticks.resize(usage->cores.size());
    for (size_t i = 0; i < usage->cores.size(); ++i) core_ticks[i] += usage->cores[i];
}

void RunTelemetry::State::record_processes(Sample& sample, const std::vector<ProcessRef>& procs) {
    sample.processes.reserve(procs.size());
    bool round = pss_round_ns < 0 ||
                 sample.t_ns - pss_round_ns >= ProcessSampler::kPssCostFactor * pss_round_cost_ns;
    std::set<std::pair<pid_t, bool>> members;
    for (const ProcessRef& ref : procs) members.insert({ref.pid, ref.ready});
    round = round || members != pss_members;
    pss_members = std::move(members);
    // The cheap files of every process first, so the CPU readings are close to t_ns; then,
    // in a round, the slow smaps_rollup walks.
    const auto mode = round ? ProcessSampler::PssRead::Later : ProcessSampler::PssRead::Keep;
    for (const ProcessRef& ref : procs)
        sample.processes.push_back(processes.sample(ref, sample.t_ns, mode));
    if (round) {
        const int64_t started = monotonic_ns();
        for (std::size_t i = 0; i < procs.size(); ++i)
            processes.read_pss(procs[i], sample.t_ns, sample.processes[i]);
        pss_round_ns = sample.t_ns;
        pss_round_cost_ns = monotonic_ns() - started;
    }
    for (const ProcessSample& ps : sample.processes) {
        if (ps.gone) continue;
        sample.rss_sum_bytes += ps.rss_bytes;
        sample.pss_sum_bytes += ps.pss_bytes;
        sample.uss_sum_bytes += ps.uss_bytes;
        auto [it, fresh] =
            spans.try_emplace(ps.pid, CpuSpan{ps.cpu_ns, ps.cpu_ns, ps.role != "engine"});
        CpuSpan& span = it->second;
        if (!fresh && ps.cpu_ns < span.last_ns) {
            // CPU time never decreases within one process: the pid now names another one.
            closed_cpu_ns += span.last_ns - span.first_ns;
            span.first_ns = ps.cpu_ns;
        }
        span.last_ns = ps.cpu_ns;
    }
    processes.forget_others(procs);
}

void RunTelemetry::State::record_memory(const Sample& sample) {
    memory.peak_rss_sum_bytes = std::max(memory.peak_rss_sum_bytes, sample.rss_sum_bytes);
    memory.peak_pss_sum_bytes = std::max(memory.peak_pss_sum_bytes, sample.pss_sum_bytes);
    memory.peak_uss_sum_bytes = std::max(memory.peak_uss_sum_bytes, sample.uss_sum_bytes);
    uint64_t zombies = 0;
    for (const ProcessSample& ps : sample.processes) {
        if (ps.role == "worker" && !ps.gone && ps.state == 'Z') ++zombies;
        if (ps.role == "engine" && !ps.gone) {
            memory.engine_peak_rss_bytes = std::max(memory.engine_peak_rss_bytes, ps.rss_bytes);
        }
        if (ps.role != "engine" && !ps.gone) {
            uint64_t& last = child_faults[ps.pid];
            last = std::max(last, ps.minor_faults);
        }
    }
    memory.peak_zombie_workers = std::max(memory.peak_zombie_workers, zombies);
}

double RunTelemetry::State::process_cpu_s() const {
    uint64_t ns = closed_cpu_ns;
    for (const auto& [pid, span] : spans) ns += span.last_ns - span.first_ns;
    return static_cast<double>(ns) * 1e-9;
}

double RunTelemetry::State::children_cpu_s() const {
    uint64_t ns = 0;
    for (const auto& [pid, span] : spans)
        if (span.child) ns += span.last_ns - span.first_ns;
    return static_cast<double>(ns) * 1e-9;
}

RunTelemetry::RunTelemetry(int sample_ms, std::string proc_root)
    : state_(std::make_unique<State>(std::max(sample_ms, 0), proc_root)) {
    // The first reading of /proc/stat only gives a baseline; taking it now lets the first
    // sample already show how busy each core was since the run was set up.
    if (enabled()) state_->cores.sample();
}

RunTelemetry::~RunTelemetry() = default;

bool RunTelemetry::enabled() const {
    return state_->sample_ms > 0;
}

int RunTelemetry::ms_until_due(int64_t now_ns) const {
    if (!enabled()) return -1;
    if (state_->samples == 0 || now_ns >= state_->next_due_ns) return 0;
    // Rounded up, so a poll() with this timeout never wakes just before the sample is due.
    return static_cast<int>((state_->next_due_ns - now_ns + kNsPerMs - 1) / kNsPerMs);
}

std::optional<Sample> RunTelemetry::sample_if_due(int64_t now_ns,
                                                  const std::vector<ProcessRef>& procs) {
    if (ms_until_due(now_ns) != 0) return std::nullopt;
    return sample_now(now_ns, procs);
}

// With sampling off nothing is read at all, so --sample-ms 0 leaves the run unperturbed; the
// sample then carries only its time.
Sample RunTelemetry::sample_now(int64_t now_ns, const std::vector<ProcessRef>& procs) {
    Sample sample;
    sample.t_ns = now_ns;
    if (!enabled()) return sample;
    state_->record_cores(sample);
    state_->record_processes(sample, procs);
    state_->record_memory(sample);
    ++state_->samples;
    // Counted from this sample, not from the last due time: /proc/stat ticks every 10 ms, and
    // catching up with back-to-back samples after a late wake-up would only measure noise.
    state_->next_due_ns = now_ns + int64_t{state_->sample_ms} * kNsPerMs;
    return sample;
}

MemoryFigures RunTelemetry::memory() const {
    MemoryFigures figures = state_->memory;
    figures.samples = state_->samples;
    for (const auto& [pid, faults] : state_->child_faults) figures.child_minor_faults += faults;
    return figures;
}

CpuFigures RunTelemetry::cpu() const {
    const State& s = *state_;
    CpuFigures figures;
    figures.samples = s.samples;
    if (s.samples == 0) return figures;
    figures.mean_machine_util = s.machine_ticks.util();
    for (const TickDelta& core : s.core_ticks) figures.mean_core_util.push_back(core.util());
    figures.process_cpu_s = s.process_cpu_s();
    figures.children_cpu_s = s.children_cpu_s();
    const double tick_s = seconds_per_tick();
    const double total_s = static_cast<double>(s.machine_ticks.total()) * tick_s;
    const double busy_s = static_cast<double>(s.machine_ticks.busy) * tick_s;
    // Each core's busy count may be a tick off at either end of the window, so up to a tick per
    // core of "busy" is not taken as someone else's: a run of a few milliseconds would otherwise
    // read tens of percent of outside load from rounding alone. The share is a lower bound.
    const double rounding_s =
        static_cast<double>(std::max<size_t>(s.core_ticks.size(), 1)) * tick_s;
    if (total_s > 0)
        figures.outside_cpu_share =
            std::max(0.0, busy_s - figures.process_cpu_s - rounding_s) / total_s;
    return figures;
}

}  // namespace poolscope
