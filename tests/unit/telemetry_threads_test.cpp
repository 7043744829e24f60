// A process's CPU time counts every one of its threads: a library's helper threads (OpenCV's)
// belong to the run, not to "outside load". The test's child burns CPU in a second thread while
// its main thread sleeps; /proc/PID/schedstat alone (the main thread) would show almost none.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

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
