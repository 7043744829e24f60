// RunTelemetry: scheduling on the caller's clock, sums and peaks over recorded snapshots, and
// live children that spin or sleep while the test samples them at 100 ms.
#include <gtest/gtest.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>

#include "core/platform/clock.h"
#include "core/telemetry/run_telemetry.h"

namespace poolscope {
namespace {

namespace fs = std::filesystem;

const std::string kProc = std::string(POOLSCOPE_FIXTURES_DIR) + "/proc";
const uint64_t kPage = static_cast<uint64_t>(::sysconf(_SC_PAGESIZE));
const double kTickS = 1.0 / static_cast<double>(::sysconf(_SC_CLK_TCK));
constexpr uint64_t kKiB = 1024;
constexpr int64_t kMs = 1'000'000;
constexpr int64_t kT0 = 10'000 * kMs;

// A writable copy of one fixture snapshot, replaced in place by the next, as /proc would be.
class ProcCopy {
  public:
    ProcCopy() {
        std::string pattern = (fs::temp_directory_path() / "poolscope-proc-XXXXXX").string();
        if (::mkdtemp(pattern.data()) == nullptr) ADD_FAILURE() << "mkdtemp failed";
        root_ = pattern;
    }
    ~ProcCopy() {
        std::error_code ec;
        fs::remove_all(root_, ec);
    }
    void load(const std::string& snapshot) {
        for (const fs::directory_entry& entry : fs::directory_iterator(root_)) {
            fs::remove_all(entry.path());
        }
        fs::copy(kProc + "/" + snapshot, root_, fs::copy_options::recursive);
    }
    const std::string& root() const { return root_; }

  private:
    std::string root_;
};

// A forked child running `body`; killed and reaped whatever way the test ends.
class Child {
  public:
    template <typename Body>
    explicit Child(Body body) : pid_(::fork()) {
        if (pid_ == 0) {
            body();
            ::_exit(0);
        }
    }
    ~Child() {
        if (pid_ <= 0) return;
        ::kill(pid_, SIGKILL);
        ::waitpid(pid_, nullptr, 0);
    }
    pid_t pid() const { return pid_; }

    // Waits for the child to end by itself; returns the CPU seconds the kernel charged it.
    double reap_cpu_s() {
        rusage usage{};
        if (::wait4(pid_, nullptr, 0, &usage) != pid_) return -1;
        pid_ = 0;
        return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
               static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) * 1e-6;
    }

  private:
    pid_t pid_;
};

void spin_for(int64_t ns) {
    const int64_t until = monotonic_ns() + ns;
    volatile uint64_t n = 0;
    while (monotonic_ns() < until) n = n + 1;
}

// Samples on the telemetry's own schedule, as the engine's poll() loop does, for `ns`.
std::vector<Sample> sample_for(RunTelemetry& telemetry, const std::vector<ProcessRef>& procs,
                               int64_t ns) {
    std::vector<Sample> samples;
    const int64_t until = monotonic_ns() + ns;
    for (int64_t now = monotonic_ns(); now < until; now = monotonic_ns()) {
        ::poll(nullptr, 0, telemetry.ms_until_due(now));
        if (auto s = telemetry.sample_if_due(monotonic_ns(), procs)) samples.push_back(*s);
    }
    return samples;
}

const ProcessSample* find(const Sample& sample, pid_t pid) {
    for (const ProcessSample& ps : sample.processes) {
        if (ps.pid == pid) return &ps;
    }
    return nullptr;
}

TEST(TelemetryRun, OffReadsNothing) {
    RunTelemetry telemetry(0, kProc + "/run_t0");
    EXPECT_FALSE(telemetry.enabled());
    EXPECT_EQ(telemetry.ms_until_due(kT0), -1);
    const std::vector<ProcessRef> procs{{4242, "engine", -1}};
    EXPECT_FALSE(telemetry.sample_if_due(kT0, procs).has_value());
    Sample only_time;
    only_time.t_ns = kT0;
    EXPECT_EQ(telemetry.sample_now(kT0, procs), only_time);
    EXPECT_EQ(telemetry.memory(), MemoryFigures{});
    EXPECT_EQ(telemetry.cpu(), CpuFigures{});
}

TEST(TelemetryRun, DueEverySampleMsOnTheCallersClock) {
    RunTelemetry telemetry(100, kProc + "/run_t0");
    EXPECT_TRUE(telemetry.enabled());
    EXPECT_EQ(telemetry.ms_until_due(kT0), 0);  // the first sample is due at once
    ASSERT_TRUE(telemetry.sample_if_due(kT0, {}).has_value());
    EXPECT_EQ(telemetry.ms_until_due(kT0 + 1), 100);  // rounded up: never wake early
    EXPECT_EQ(telemetry.ms_until_due(kT0 + 40 * kMs), 60);
    EXPECT_FALSE(telemetry.sample_if_due(kT0 + 99 * kMs, {}).has_value());
    EXPECT_TRUE(telemetry.sample_if_due(kT0 + 130 * kMs, {}).has_value());
    // Late by 30 ms: the next one is 100 ms after this sample, not after the missed slot.
    EXPECT_EQ(telemetry.ms_until_due(kT0 + 130 * kMs), 100);
    EXPECT_EQ(telemetry.ms_until_due(kT0 + 500 * kMs), 0);
    EXPECT_EQ(telemetry.memory().samples, 2u);
}

TEST(TelemetryRun, SumsPeaksAndMeansOverSnapshots) {
    ProcCopy proc;
    proc.load("run_t0");
    RunTelemetry telemetry(100, proc.root());
    const std::vector<ProcessRef> procs{
        {4242, "engine", -1}, {4243, "worker", 0}, {4244, "worker", 1}};
    const Sample s0 = telemetry.sample_now(kT0, procs);
    EXPECT_EQ(s0.core_util, std::vector<double>(16, 0.0));  // same /proc/stat as at construction
    EXPECT_EQ(s0.rss_sum_bytes, (76800 + 0 + 5120) * kPage);
    EXPECT_EQ(s0.pss_sum_bytes, (280000 + 0 + 9000) * kKiB);
    EXPECT_EQ(s0.uss_sum_bytes, (261024 + 0 + 6000) * kKiB);

    proc.load("run_t1");
    const Sample s1 = telemetry.sample_now(kT0 + 250 * kMs, procs);
    ASSERT_EQ(s1.processes.size(), 3u);
    EXPECT_TRUE(s1.processes[2].gone);  // 4244 was reaped: not in the sums
    EXPECT_EQ(s1.rss_sum_bytes, 77000 * kPage);
    // Reading the fixtures' smaps_rollup took microseconds: 250 ms later a new round is due.
    EXPECT_EQ(s1.pss_sum_bytes, 281000 * kKiB);
    EXPECT_DOUBLE_EQ(s1.core_util[3], 1.0);
    EXPECT_DOUBLE_EQ(s1.core_steal[11], 0.2);
    EXPECT_DOUBLE_EQ(s1.machine_util, 0.12);
    EXPECT_DOUBLE_EQ(s1.processes[0].cpu_util, 0.8);

    const Sample s2 = telemetry.sample_now(kT0 + 600 * kMs, procs);
    EXPECT_EQ(s2.pss_sum_bytes, 281000 * kKiB);
    // Same snapshot again: no tick elapsed, so the interval is shown with the one before it
    // instead of as an idle machine.
    EXPECT_DOUBLE_EQ(s2.machine_util, s1.machine_util);
    EXPECT_EQ(s2.core_util, s1.core_util);

    const MemoryFigures memory = telemetry.memory();
    EXPECT_EQ(memory.samples, 3u);
    EXPECT_EQ(memory.peak_rss_sum_bytes, s0.rss_sum_bytes);
    EXPECT_EQ(memory.peak_pss_sum_bytes, s0.pss_sum_bytes);
    EXPECT_EQ(memory.peak_uss_sum_bytes, s0.uss_sum_bytes);
    EXPECT_EQ(memory.engine_peak_rss_bytes, 77000 * kPage);

    const CpuFigures cpu = telemetry.cpu();
    EXPECT_EQ(cpu.samples, 3u);
    EXPECT_DOUBLE_EQ(cpu.mean_machine_util, 0.12);  // tick-weighted over the whole window
    ASSERT_EQ(cpu.mean_core_util.size(), 16u);
    EXPECT_DOUBLE_EQ(cpu.mean_core_util[3], 1.0);
    EXPECT_DOUBLE_EQ(cpu.mean_core_util[7], 0.5);
    // Engine 1.4 s - 1.2 s; the zombie did not run; 4244 was seen only once.
    EXPECT_DOUBLE_EQ(cpu.process_cpu_s, 0.2);
    // Busy ticks less the run's CPU and a tick per core of rounding, over all ticks.
    EXPECT_NEAR(cpu.outside_cpu_share, ((192 - 16) * kTickS - 0.2) / (1600 * kTickS), 1e-12);
}

TEST(TelemetryRun, OutsideShareIsClampedAtZero) {
    ProcCopy proc;
    proc.load("stat_backwards_t0");
    fs::copy(kProc + "/run_t0/4242", proc.root() + "/4242", fs::copy_options::recursive);
    RunTelemetry telemetry(100, proc.root());
    const std::vector<ProcessRef> procs{{4242, "engine", -1}};
    telemetry.sample_now(kT0, procs);
    // The machine line says 0.7 busy core-seconds; give the engine far more CPU than that.
    fs::copy_file(kProc + "/stat_backwards_t1/stat", proc.root() + "/stat",
                  fs::copy_options::overwrite_existing);
    std::ofstream(proc.root() + "/4242/schedstat") << "5200000000 36000000 950\n";  // +4 s
    const Sample s = telemetry.sample_now(kT0 + 100 * kMs, procs);
    for (const double u : s.core_util) EXPECT_TRUE(u >= 0.0 && u <= 1.0) << u;
    EXPECT_GE(telemetry.cpu().outside_cpu_share, 0.0);
    EXPECT_DOUBLE_EQ(telemetry.cpu().mean_machine_util, 0.35);
}

TEST(TelemetryRun, LiveSpinningChildFillsACore) {
    constexpr double kSpinS = 0.6;
    Child child([] { spin_for(static_cast<int64_t>(kSpinS * 1e9)); });
    ASSERT_GT(child.pid(), 0);
    RunTelemetry telemetry(100);
    const std::vector<ProcessRef> procs{{::getpid(), "engine", -1}, {child.pid(), "worker", 0}};
    const std::vector<Sample> samples = sample_for(telemetry, procs, 550 * kMs);
    ASSERT_GE(samples.size(), 4u);
    double busiest_core = 0;
    double child_util = 0;
    uint64_t child_cpu_ns = 0;
    for (const Sample& s : samples) {
        for (const double u : s.core_util) busiest_core = std::max(busiest_core, u);
        const ProcessSample* ps = find(s, child.pid());
        ASSERT_NE(ps, nullptr);
        child_util = std::max(child_util, ps->cpu_util);
        child_cpu_ns = ps->cpu_ns;
    }
    const double charged_s = child.reap_cpu_s();  // the kernel's own account, through wait4
    ASSERT_GT(charged_s, 0);
    const double mean_util = std::min(1.0, charged_s / kSpinS);
    EXPECT_GE(busiest_core, 0.8);
    // With a core to itself the child's mean is 1 and this reads "cpu_util >= 0.8". On a loaded
    // machine it shares a core, and the sampled figure must still follow what it really got.
    EXPECT_GE(child_util, 0.8 * mean_util);
    EXPECT_LE(child_util, 1.05);  // one thread cannot use more than one core
    EXPECT_LE(static_cast<double>(child_cpu_ns) * 1e-9, charged_s + 0.005);
    EXPECT_GE(static_cast<double>(child_cpu_ns) * 1e-9, 0.5 * charged_s);
    EXPECT_GT(telemetry.cpu().process_cpu_s, 0.0);
    EXPECT_GT(telemetry.memory().engine_peak_rss_bytes, 0u);
    EXPECT_GE(telemetry.memory().peak_rss_sum_bytes, telemetry.memory().engine_peak_rss_bytes);
}

TEST(TelemetryRun, LiveSleepingChildUsesNoCpu) {
    Child child([] { ::pause(); });
    ASSERT_GT(child.pid(), 0);
    RunTelemetry telemetry(100);
    const std::vector<ProcessRef> procs{{child.pid(), "worker", 0}};
    const std::vector<Sample> samples = sample_for(telemetry, procs, 350 * kMs);
    ASSERT_GE(samples.size(), 3u);
    for (size_t i = 1; i < samples.size(); ++i) {
        const ProcessSample* ps = find(samples[i], child.pid());
        ASSERT_NE(ps, nullptr);
        EXPECT_FALSE(ps->gone);
        EXPECT_EQ(ps->state, 'S');
        EXPECT_LT(ps->cpu_util, 0.05);
    }
}

TEST(TelemetryRun, LiveReapedChildDropsOutOfTheSums) {
    RunTelemetry telemetry(100);
    pid_t pid = ::fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) ::_exit(0);
    ASSERT_EQ(::waitpid(pid, nullptr, 0), pid);
    const std::vector<ProcessRef> procs{{::getpid(), "engine", -1}, {pid, "worker", 0}};
    const Sample s = telemetry.sample_now(monotonic_ns(), procs);
    ASSERT_EQ(s.processes.size(), 2u);
    EXPECT_TRUE(s.processes[1].gone);
    EXPECT_EQ(s.rss_sum_bytes, s.processes[0].rss_bytes);
}

}  // namespace
}  // namespace poolscope
