// A process's CPU time counts every one of its threads: a library's helper threads (OpenCV's)
// belong to the run, not to "outside load". The test's child burns CPU in a second thread while
// its main thread sleeps; /proc/PID/schedstat alone (the main thread) would show almost none.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <thread>

#include "core/telemetry/process_sampler.h"

using namespace poolscope;

namespace {

double thread_cpu_s() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

}  // namespace

TEST(TelemetryThreads, ProcessCpuCountsASecondThreadThatBurns) {
    int done[2];
    ASSERT_EQ(pipe(done), 0);
    const pid_t pid = fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
        close(done[0]);
        // The second thread burns 0.3 s of its own CPU time, then says so and stays alive.
        std::thread burner([&] {
            volatile uint64_t x = 0;
            while (thread_cpu_s() < 0.3) x = x + 1;
            const char c = 'x';
            (void)!write(done[1], &c, 1);
            pause();
        });
        burner.join();
        _exit(0);
    }
    close(done[1]);
    char c = 0;
    ASSERT_EQ(read(done[0], &c, 1), 1);
    close(done[0]);
    ProcessSampler sampler;
    const ProcessSample s = sampler.sample({pid, "worker", 0}, 0);
    kill(pid, SIGKILL);
    waitpid(pid, nullptr, 0);
    EXPECT_FALSE(s.gone);
    EXPECT_GE(static_cast<double>(s.cpu_ns) * 1e-9, 0.25) << "the burning thread is not counted";
}

namespace {

// A /proc/PID made by hand: stat with `ticks` of user time, one resident page, and a schedstat
// per thread under task/.
struct FakeProc {
    std::filesystem::path root =
        std::filesystem::temp_directory_path() / ("poolscope-proc-" + std::to_string(getpid()));
    std::filesystem::path dir = root / "77";

    FakeProc() { std::filesystem::create_directories(dir / "task"); }
    ~FakeProc() { std::filesystem::remove_all(root); }

    static void write(const std::filesystem::path& p, const std::string& text) {
        std::ofstream(p) << text;
    }
    void stat(int ticks) {
        // The fields up to `processor` (39th), as a real stat line has them.
        write(dir / "stat", "77 (w) R 1 77 77 0 -1 0 10 0 0 0 " + std::to_string(ticks) +
                                " 0 0 0 20 0 1 0 500 4096 1 18446744073709551615 0 0 0 0 0 0 "
                                "0 0 0 0 0 0 17 1 0 0 0 0 0\n");
        write(dir / "statm", "10 1 0 1 0 1 0\n");
    }
    void thread(int tid, uint64_t ns) {
        std::filesystem::create_directories(dir / "task" / std::to_string(tid));
        write(dir / "task" / std::to_string(tid) / "schedstat", std::to_string(ns) + " 0 1\n");
    }
    void thread_exits(int tid) { std::filesystem::remove_all(dir / "task" / std::to_string(tid)); }
};

}  // namespace

TEST(TelemetryThreads, AThreadThatExitsKeepsItsCpuInTheProcessFigure) {
    FakeProc proc;
    ProcessSampler sampler(proc.root.string());
    proc.stat(0);
    proc.thread(77, 100'000'000);
    proc.thread(78, 300'000'000);
    EXPECT_EQ(sampler.sample({77, "worker", 0}, 0).cpu_ns, 400'000'000u);
    proc.thread_exits(78);
    proc.thread(77, 150'000'000);
    const ProcessSample s = sampler.sample({77, "worker", 0}, 50'000'000);
    EXPECT_EQ(s.cpu_ns, 450'000'000u) << "the exited thread's 0.3 s went missing";
    EXPECT_NEAR(s.cpu_util, 1.0, 1e-9);
}

TEST(TelemetryThreads, CoarseTicksAheadOfSchedstatDoNotMakeABusyThreadExceedOneCore) {
    // stat's utime counts whole ticks: between two 50 ms samples it can jump a tick or more
    // ahead of the exact schedstat figure. The figure stays with schedstat.
    FakeProc proc;
    ProcessSampler sampler(proc.root.string());
    const uint64_t tick_ns = 1'000'000'000 / static_cast<uint64_t>(sysconf(_SC_CLK_TCK));
    proc.stat(10);
    proc.thread(77, 10 * tick_ns - tick_ns / 2);
    (void)sampler.sample({77, "worker", 0}, 0);
    proc.stat(16);  // a tick more than the 5.5 ticks the thread really ran
    proc.thread(77, 15 * tick_ns);
    const ProcessSample s = sampler.sample({77, "worker", 0}, static_cast<int64_t>(6 * tick_ns));
    EXPECT_LE(s.cpu_util, 1.0) << "one thread read " << s.cpu_util << " cores";
    EXPECT_NEAR(s.cpu_util, 5.5 / 6.0, 1e-9);
}

TEST(TelemetryThreads, AReadingJustAfterTheLastIsMeasuredOverALongerWindow) {
    // schedstat advances at the scheduler's ticks: read at 50 ms it lagged 4 ms behind, read
    // again 2 ms later it had caught up. Over those 2 ms alone the thread would read 3 cores.
    FakeProc proc;
    ProcessSampler sampler(proc.root.string());
    proc.stat(0);
    proc.thread(77, 0);
    (void)sampler.sample({77, "worker", 0}, 0);
    proc.thread(77, 46'000'000);
    EXPECT_NEAR(sampler.sample({77, "worker", 0}, 50'000'000).cpu_util, 0.92, 1e-9);
    proc.thread(77, 52'000'000);
    EXPECT_NEAR(sampler.sample({77, "worker", 0}, 52'000'000).cpu_util, 1.0, 1e-9);
    // A second short interval keeps the older base: 56 ms of CPU in 54 ms, not 4 in 2.
    proc.thread(77, 56'000'000);
    EXPECT_NEAR(sampler.sample({77, "worker", 0}, 54'000'000).cpu_util, 56.0 / 54.0, 1e-9);
    // A full interval again measures from the reading before it.
    proc.thread(77, 100'000'000);
    EXPECT_NEAR(sampler.sample({77, "worker", 0}, 104'000'000).cpu_util, 44.0 / 50.0, 1e-9);
}
