// Live telemetry of real engine runs, as the charts show it: a busy worker fills a core, fork
// workers share the engine's prepared input so summed RSS overstates memory while summed PSS
// does not (and spawn workers, which inherit nothing, show no such gap), and spawned workers
// that only sleep use no CPU once they are ready.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "core/platform/machine_info.h"
#include "core/session/engine.h"
#include "support/process_hygiene.h"

using namespace poolscope;

namespace {

constexpr uint64_t kMiB = uint64_t{1} << 20;

// Keeps every Sample and when each worker pid reported ready.
class RecordingObserver : public RunObserver {
  public:
    void on_sample(const std::string&, const Sample& s) override { samples.push_back(s); }
    void on_worker(const WorkerEvent& e) override {
        if (e.state == "ready") ready_ns[e.pid] = e.t_ns;
    }
    std::vector<Sample> samples;
    std::map<pid_t, int64_t> ready_ns;
};

RunConfig live_config(const std::string& workload, uint64_t size, int workers) {
    RunConfig c;
    c.workload = workload;
    c.size = size;
    c.workers = workers;
    c.sample_ms = 50;
    return c;
}

struct LiveRun {
    RunResult result;
    std::vector<Sample> samples;
    std::map<pid_t, int64_t> ready_ns;
};

LiveRun run_live(const RunConfig& cfg) {
    RecordingObserver rec;
    Engine engine(cfg, rec, {});
    if (cfg.start == StartMethod::Spawn) engine.set_worker_exe(test::cli_path());
    LiveRun out;
    if (auto refused = engine.prepare()) {
        ADD_FAILURE() << "refused: " << *refused;
        return out;
    }
    out.result = engine.run_once(cfg);
    EXPECT_FALSE(out.result.partial);
    EXPECT_TRUE(out.result.errors.empty());
    out.samples = std::move(rec.samples);
    out.ready_ns = std::move(rec.ready_ns);
    return out;
}

bool alive(const ProcessSample& p) {
    return !p.gone && p.state != 'Z' && p.rss_bytes > 0;
}

// True when every worker of the sample is alive (and there are `workers` of them).
bool workers_alive(const Sample& s, int workers) {
    int n = 0;
    for (const ProcessSample& p : s.processes)
        if (p.role == "worker") {
            if (!alive(p)) return false;
            ++n;
        }
    return n == workers;
}

}  // namespace

class TelemetryLive : public test::ProcessHygiene {};

TEST_F(TelemetryLive, BusyWorkerFillsACore) {
    // 1500 items of 2·10^6 iterations: about a second of one 2.6 GHz x86-64 core.
    RunConfig cfg = live_config("cpu", 1500, 1);
    cfg.params["iterations"] = "2000000";
    const MachineInfo before = read_machine_info();
    // Fair only if the worker can have a core to itself: on average at least one core idle.
    const bool quiet = before.loadavg[0] <= before.usable_cores - 1;
    const LiveRun run = run_live(cfg);
    SCOPED_TRACE("load average " + std::to_string(before.loadavg[0]) + " on " +
                 std::to_string(before.usable_cores) +
                 " cores: " + (quiet ? "strict" : "load-relative") + " form");

    double busiest_core = 0;
    double worker_util = 0;
    int worker_samples = 0;
    const ProcessSample* first = nullptr;
    const ProcessSample* last = nullptr;
    int64_t first_t = 0, last_t = 0;
    for (const Sample& s : run.samples) {
        for (const double u : s.core_util) busiest_core = std::max(busiest_core, u);
        for (const ProcessSample& p : s.processes) {
            if (p.role != "worker" || !alive(p)) continue;
            ++worker_samples;
            worker_util = std::max(worker_util, p.cpu_util);
            // One thread cannot use more than one core; the margin covers the engine being
            // preempted between reading schedstat and its clock (a few ms of a 50 ms interval).
            EXPECT_LE(p.cpu_util, 1.10) << "one thread cannot use more than one core";
            if (!first) first = &p, first_t = s.t_ns;
            last = &p, last_t = s.t_ns;
        }
    }
    ASSERT_GE(worker_samples, 5) << "the run was too short to sample the busy worker";
    EXPECT_GE(busiest_core, 0.8);
    // What the worker got on average (schedstat between its first and last sample).
    const double mean = static_cast<double>(last->cpu_ns - first->cpu_ns) /
                        static_cast<double>(std::max<int64_t>(last_t - first_t, 1));
    SCOPED_TRACE("the worker's mean share " + std::to_string(mean));
    // The load average lags by a minute: a run that started just after a quiet minute can
    // still share its core (other tests); quiet only if the worker also had most of a core.
    if (quiet && mean >= 0.9) {
        EXPECT_GE(worker_util, 0.8);
    } else {
        // Sharing a core with others, the worker gets less than one; its busiest sample must
        // still show at least 0.8 of what it got on average.
        EXPECT_GT(mean, 0.1) << "a spinning worker that hardly ran";
        EXPECT_GE(worker_util, 0.8 * std::min(1.0, mean));
    }
}

// Workload transfer, 64 items of 1000×1000 float64 (8 MB each): the engine prepares 512 MB of
// input before forking. With --transport pipe the workers never read that array (the engine
// serializes each item into the task frame), yet fork() maps every resident page of it into
// each child, shared copy-on-write, and RSS counts mapped resident pages, touched or not. So
// each fork worker's RSS carries the 512 MB, the sum counts it three times, and PSS, which
// divides each shared page among its three sharers, counts it once: the sum of PSS is far
// below the sum of RSS. A spawn worker is a fresh program (fork, then exec at once) that maps
// none of it. Only samples in which every process's PSS was read afresh are compared: the
// sampler rereads a process above 256 MiB (the engine) at most every 500 ms, and an old PSS
// next to a new RSS compares two different moments. 64 items keep the run going for well
// over 500 ms after the workers are ready, so such samples exist.
constexpr uint64_t kItems = 64;
constexpr uint64_t kPrepared = kItems * 8'000'000;

RunConfig transfer_config(StartMethod start) {
    RunConfig cfg = live_config("transfer", kItems, 2);
    cfg.params = {{"rows", "1000"}, {"cols", "1000"}};
    cfg.chunksize = 1;
    cfg.transport = Transport::Pipe;
    cfg.start = start;
    return cfg;
}

// Samples where both workers are alive, were ready (so a spawned one has exec'd) and every
// process's PSS is from this very sample.
std::vector<const Sample*> comparable_samples(const LiveRun& run) {
    int64_t all_ready = 0;
    for (const auto& [pid, t] : run.ready_ns) all_ready = std::max(all_ready, t);
    std::vector<const Sample*> out;
    if (run.ready_ns.size() != 2) return out;
    for (const Sample& s : run.samples) {
        if (!workers_alive(s, 2) || s.t_ns < all_ready) continue;
        if (std::all_of(s.processes.begin(), s.processes.end(),
                        [](const ProcessSample& p) { return p.pss_age_ns == 0; }))
            out.push_back(&s);
    }
    return out;
}

double pss_over_rss(const Sample& s) {
    return static_cast<double>(s.pss_sum_bytes) / static_cast<double>(s.rss_sum_bytes);
}

std::string memory_text(const Sample& s) {
    return "rss " + std::to_string(s.rss_sum_bytes / kMiB) + " MiB, pss " +
           std::to_string(s.pss_sum_bytes / kMiB) + " MiB";
}

TEST_F(TelemetryLive, ForkWorkersShareThePreparedInputCopyOnWrite) {
    const LiveRun run = run_live(transfer_config(StartMethod::Fork));
    const std::vector<const Sample*> fresh = comparable_samples(run);
    ASSERT_GE(fresh.size(), 1u) << "no sample with fresh PSS while both workers lived";
    double best_ratio = 1;
    for (const Sample* s : fresh) {
        best_ratio = std::min(best_ratio, pss_over_rss(*s));
        for (const ProcessSample& p : s->processes) {
            if (p.role != "worker") continue;
            // Resident: the inherited array; unique to the worker: only its own buffers.
            EXPECT_GE(p.rss_bytes, kPrepared) << "worker " << p.worker;
            EXPECT_LT(p.uss_bytes, kPrepared / 2) << "worker " << p.worker;
        }
    }
    EXPECT_LE(best_ratio, 0.7) << "summed PSS should be at least 30 % below summed RSS; "
                               << memory_text(*fresh.front());
}

TEST_F(TelemetryLive, SpawnWorkersShareNothingSoPssFollowsRss) {
    const LiveRun run = run_live(transfer_config(StartMethod::Spawn));
    const std::vector<const Sample*> fresh = comparable_samples(run);
    ASSERT_GE(fresh.size(), 1u) << "no sample with fresh PSS while both workers lived";
    for (const Sample* s : fresh) {
        EXPECT_GT(pss_over_rss(*s), 0.7) << memory_text(*s);
        for (const ProcessSample& p : s->processes) {
            if (p.role != "worker") continue;
            EXPECT_LT(p.rss_bytes, kPrepared / 2) << "worker " << p.worker;
        }
    }
}

TEST_F(TelemetryLive, SpawnedSleepingWorkersUseNoCpuOnceWarm) {
    RunConfig cfg = live_config("sleep", 30, 2);
    cfg.params["ms"] = "50";
    cfg.start = StartMethod::Spawn;
    const LiveRun run = run_live(cfg);
    ASSERT_EQ(run.ready_ns.size(), 2u);

    // A sample's cpu_util covers the time since that process's previous sample; count only
    // those whose whole interval lies between the worker's first result and the run's last
    // one. Exec and start-up use CPU, and so does a freshly executed binary's first pass
    // through its task code (page faults, lazy symbol binding: a few milliseconds), which on a
    // loaded machine can run well after the worker said it was ready; so does its exit once
    // the pool closes (unmapping a large address space: about 3 ms).
    std::map<int, pid_t> pid_of;  // worker index -> pid
    for (const WorkerRecord& w : run.result.worker_records) pid_of[w.index] = w.pid;
    std::map<pid_t, int64_t> warm_ns;  // pid -> the engine had its first result
    for (const ChunkRecord& c : run.result.chunk_records) {
        if (!c.ok || !pid_of.count(c.worker)) continue;
        const auto [it, fresh] = warm_ns.try_emplace(pid_of[c.worker], c.received_ns);
        if (!fresh) it->second = std::min(it->second, c.received_ns);
    }
    ASSERT_EQ(warm_ns.size(), 2u) << "a worker finished no chunk";
    int64_t closing_ns = 0;  // the last result arrived; then the pool closes
    for (const ChunkRecord& c : run.result.chunk_records)
        closing_ns = std::max(closing_ns, c.received_ns);
    struct Seen {
        int64_t t_ns;
        uint64_t cpu_ns;
    };
    std::map<pid_t, Seen> previous;
    uint64_t worker_cpu_ns = 0;  // CPU the workers used over the counted intervals
    int64_t window_from = 0, window_to = 0;
    int counted = 0;
    for (const Sample& s : run.samples) {
        for (const ProcessSample& p : s.processes) {
            if (p.role != "worker" || p.gone) continue;
            const auto prev = previous.find(p.pid);
            const auto warm = warm_ns.find(p.pid);
            if (prev != previous.end() && warm != warm_ns.end() &&
                prev->second.t_ns >= warm->second && s.t_ns <= closing_ns) {
                ++counted;
                EXPECT_LT(p.cpu_util, 0.05) << "worker " << p.worker << " at t=" << s.t_ns << ": "
                                            << p.cpu_ns - prev->second.cpu_ns << " ns CPU in "
                                            << s.t_ns - prev->second.t_ns << " ns";
                worker_cpu_ns += p.cpu_ns - prev->second.cpu_ns;
                if (!window_from || prev->second.t_ns < window_from)
                    window_from = prev->second.t_ns;
                window_to = std::max(window_to, s.t_ns);
            }
            previous[p.pid] = {s.t_ns, p.cpu_ns};
        }
    }
    ASSERT_GE(counted, 4) << "too few samples between the first results and the last";
    // The workers' share of the whole machine over that stretch.
    const double cores = static_cast<double>(run.result.machine.usable_cores);
    const double share =
        static_cast<double>(worker_cpu_ns) / (static_cast<double>(window_to - window_from) * cores);
    EXPECT_LT(share, 0.01);
}
