// Per-process figures from recorded /proc/PID files (a normal process whose name holds spaces
// and ')', a zombie, a vanished pid), the slower PSS cadence for large processes, and live reads
// of this test process and of a zombie child.
#include <gtest/gtest.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <thread>

#include "core/platform/read_file.h"
#include "core/telemetry/proc_pid_files.h"
#include "core/telemetry/process_sampler.h"

namespace poolscope {
namespace {

namespace fs = std::filesystem;

const std::string kProc = std::string(POOLSCOPE_FIXTURES_DIR) + "/proc";
const uint64_t kPage = static_cast<uint64_t>(::sysconf(_SC_PAGESIZE));
constexpr uint64_t kKiB = 1024;
constexpr int64_t kMs = 1'000'000;
constexpr int64_t kT0 = 10'000 * kMs;

std::string fixture(const std::string& path) {
    const std::optional<std::string> text = read_text_file(kProc + "/" + path);
    if (!text) ADD_FAILURE() << "missing fixture " << path;
    return text.value_or("");
}

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

// Kills and reaps a child whatever way the test ends.
struct ReapOnExit {
    pid_t pid = 0;
    ~ReapOnExit() {
        if (pid <= 0) return;
        ::kill(pid, SIGKILL);
        ::waitpid(pid, nullptr, 0);
    }
};

TEST(TelemetryProcPidFiles, StatIsReadAfterTheLastParenthesis) {
    // The command name is "pool) Z 9 (x": reading from the first ')' would report a zombie.
    const std::optional<PidStat> stat = parse_pid_stat(fixture("run_t0/4242/stat"));
    ASSERT_TRUE(stat.has_value());
    // Field 10 (minflt) is the minor page faults: 48211 in the fixture.
    EXPECT_EQ(*stat, (PidStat{'R', 95, 25, 28073, 5, 48211}));
    EXPECT_EQ(parse_pid_stat(fixture("run_t0/4243/stat"))->state, 'Z');
}

TEST(TelemetryProcPidFiles, MalformedTextIsRejected) {
    EXPECT_FALSE(parse_pid_stat("").has_value());
    EXPECT_FALSE(parse_pid_stat("4242 no parenthesis R 1 2 3").has_value());
    EXPECT_FALSE(parse_pid_stat("4242 (cut) R 1 2 3 4 5").has_value());  // ends before field 39
    EXPECT_FALSE(parse_statm_resident_pages("").has_value());
    EXPECT_FALSE(parse_statm_resident_pages("120000").has_value());
    EXPECT_FALSE(parse_schedstat_cpu_ns("").has_value());
}

TEST(TelemetryProcPidFiles, StatmSchedstatAndSmapsRollup) {
    EXPECT_EQ(parse_statm_resident_pages(fixture("run_t0/4242/statm")), 76800u);
    EXPECT_EQ(parse_schedstat_cpu_ns(fixture("run_t0/4242/schedstat")), 1'200'000'000u);
    const std::optional<SmapsRollup> rollup =
        parse_smaps_rollup(fixture("run_t0/4242/smaps_rollup"));
    ASSERT_TRUE(rollup.has_value());
    // Pss_Dirty, Pss_Anon and SwapPss must not be mistaken for Pss.
    EXPECT_EQ(*rollup, (SmapsRollup{307200 * kKiB, 280000 * kKiB, (1024 + 260000) * kKiB}));
    EXPECT_FALSE(parse_smaps_rollup(fixture("run_t0/4243/smaps_rollup")).has_value());
}

TEST(TelemetryProcessSampler, NormalProcessFromFixture) {
    ProcessSampler sampler(kProc + "/run_t0");
    const ProcessSample s = sampler.sample({4242, "engine", -1}, kT0);
    EXPECT_FALSE(s.gone);
    EXPECT_EQ(s.role, "engine");
    EXPECT_EQ(s.state, 'R');
    EXPECT_EQ(s.last_cpu, 5);
    EXPECT_EQ(s.rss_bytes, 76800 * kPage);
    EXPECT_EQ(s.pss_bytes, 280000 * kKiB);
    EXPECT_EQ(s.uss_bytes, 261024 * kKiB);
    EXPECT_EQ(s.pss_age_ns, 0);
    EXPECT_EQ(s.cpu_ns, 1'200'000'000u);
    EXPECT_DOUBLE_EQ(s.cpu_util, 0.0);  // no interval yet
}

TEST(TelemetryProcessSampler, ZombieHasNoMemoryButKeepsItsCpuTime) {
    ProcessSampler sampler(kProc + "/run_t0");
    const ProcessSample s = sampler.sample({4243, "worker", 0}, kT0);
    EXPECT_FALSE(s.gone);
    EXPECT_EQ(s.state, 'Z');
    EXPECT_EQ(s.worker, 0);
    EXPECT_EQ(s.rss_bytes, 0u);
    EXPECT_EQ(s.pss_bytes, 0u);
    EXPECT_EQ(s.uss_bytes, 0u);
    EXPECT_EQ(s.pss_age_ns, 0);  // the empty smaps_rollup was read: zero is current
    EXPECT_EQ(s.cpu_ns, 310'000'000u);
}

TEST(TelemetryProcessSampler, VanishedPidIsGoneNotAnError) {
    ProcCopy proc;
    proc.load("run_t0");
    ProcessSampler sampler(proc.root());
    EXPECT_FALSE(sampler.sample({4244, "worker", 1}, kT0).gone);
    proc.load("run_t1");  // 4244 has exited and been reaped
    const ProcessSample s = sampler.sample({4244, "worker", 1}, kT0 + 100 * kMs);
    EXPECT_EQ(s, (ProcessSample{.pid = 4244, .role = "worker", .worker = 1, .gone = true}));
    EXPECT_TRUE(sampler.sample({999999, "worker", 2}, kT0).gone);
}

TEST(TelemetryProcessSampler, LargeProcessRereadsSmapsAtMostEvery500Ms) {
    ProcCopy proc;
    proc.load("run_t0");
    ProcessSampler sampler(proc.root());
    const ProcessRef engine{4242, "engine", -1};
    sampler.sample(engine, kT0);
    proc.load("run_t1");  // 300 MiB resident, above the 256 MiB threshold
    const ProcessSample early = sampler.sample(engine, kT0 + 250 * kMs);
    EXPECT_EQ(early.rss_bytes, 77000 * kPage);  // statm: every sample
    EXPECT_EQ(early.pss_bytes, 280000 * kKiB);  // still the first reading...
    EXPECT_EQ(early.pss_age_ns, 250 * kMs);     // ...and it says how old it is
    EXPECT_DOUBLE_EQ(early.cpu_util, 0.8);      // 200 ms of CPU in 250 ms
    EXPECT_EQ(early.state, 'S');
    EXPECT_EQ(early.last_cpu, 11);
    const ProcessSample late = sampler.sample(engine, kT0 + 500 * kMs);
    EXPECT_EQ(late.pss_bytes, 281000 * kKiB);
    EXPECT_EQ(late.uss_bytes, (1024 + 261000) * kKiB);
    EXPECT_EQ(late.pss_age_ns, 0);
    EXPECT_DOUBLE_EQ(late.cpu_util, 0.0);
}

TEST(TelemetryProcessSampler, UnreadableSmapsKeepsOlderFiguresWithTheirAge) {
    ProcCopy proc;
    proc.load("run_t0");
    ProcessSampler sampler(proc.root());
    const ProcessRef worker{4244, "worker", 1};
    sampler.sample(worker, kT0);
    fs::remove(proc.root() + "/4244/smaps_rollup");  // e.g. another user's process
    const ProcessSample s = sampler.sample(worker, kT0 + 100 * kMs);
    EXPECT_FALSE(s.gone);
    EXPECT_EQ(s.pss_bytes, 9000 * kKiB);
    EXPECT_EQ(s.uss_bytes, 6000 * kKiB);
    EXPECT_EQ(s.pss_age_ns, 100 * kMs);
    ProcessSampler never_read(proc.root());
    EXPECT_EQ(never_read.sample(worker, kT0).pss_age_ns, -1);
}

TEST(TelemetryProcessSampler, ReusedPidStartsAFreshHistory) {
    ProcCopy proc;
    proc.load("run_t0");
    ProcessSampler sampler(proc.root());
    sampler.sample({4243, "worker", 0}, kT0);
    // Same pid, another process: different start time, CPU counter far above the old one.
    fs::copy_file(kProc + "/run_t0/4242/stat", proc.root() + "/4243/stat",
                  fs::copy_options::overwrite_existing);
    fs::copy_file(kProc + "/run_t0/4242/schedstat", proc.root() + "/4243/schedstat",
                  fs::copy_options::overwrite_existing);
    const ProcessSample s = sampler.sample({4243, "worker", 0}, kT0 + 100 * kMs);
    EXPECT_EQ(s.cpu_ns, 1'200'000'000u);
    EXPECT_DOUBLE_EQ(s.cpu_util, 0.0);  // not (1.2 s - 0.31 s) / 0.1 s
}

TEST(TelemetryProcessSampler, LiveSelf) {
    ProcessSampler sampler;
    const ProcessRef self{::getpid(), "engine", -1};
    sampler.sample(self, 1);
    // A second later: past the re-read interval (50 × what reading smaps_rollup took).
    const ProcessSample s = sampler.sample(self, 1 + 1'000'000'000);
    EXPECT_FALSE(s.gone);
    EXPECT_EQ(s.state, 'R');
    EXPECT_GT(s.uss_bytes, 0u);
    EXPECT_LE(s.uss_bytes, s.pss_bytes);
    EXPECT_GT(s.rss_bytes, 0u);
    EXPECT_EQ(s.pss_age_ns, 0);  // small process: smaps_rollup read on every sample
    EXPECT_GT(s.cpu_ns, 0u);
    EXPECT_GE(s.last_cpu, 0);
    EXPECT_LT(s.last_cpu, ::sysconf(_SC_NPROCESSORS_CONF));
}

TEST(TelemetryProcessSampler, LiveZombieThenReaped) {
    ReapOnExit child{::fork()};
    ASSERT_GE(child.pid, 0);
    if (child.pid == 0) ::_exit(0);
    ProcessSampler sampler;
    const ProcessRef ref{child.pid, "worker", 0};
    ProcessSample s = sampler.sample(ref, 1);
    for (int i = 0; i < 200 && s.state != 'Z'; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
        s = sampler.sample(ref, 2 + i);
    }
    EXPECT_EQ(s.state, 'Z');
    EXPECT_FALSE(s.gone);
    EXPECT_EQ(s.rss_bytes, 0u);
    EXPECT_EQ(s.pss_bytes, 0u);
    ASSERT_EQ(::waitpid(child.pid, nullptr, 0), child.pid);
    child.pid = 0;
    EXPECT_TRUE(sampler.sample(ref, 1000).gone);
}

}  // namespace
}  // namespace poolscope
