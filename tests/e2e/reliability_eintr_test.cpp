// Signals that interrupt the engine's waits: with no-op SIGALRM and SIGCHLD handlers installed
// without SA_RESTART and a 1 ms interval timer, poll(), read(), write() and waitid() in the
// engine fail with EINTR over and over; each must be retried, so the run completes with exactly
// the checksum of an undisturbed run and no error.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/time.h>

#include <atomic>

#include "core/session/engine.h"
#include "support/reliability_processes.h"

using namespace poolscope;

namespace {

std::atomic<int> g_alarms{0};

void count_alarm(int) {
    g_alarms.fetch_add(1, std::memory_order_relaxed);
}
void ignore_signal(int) {}

// While alive: SIGALRM every millisecond, SIGCHLD caught; neither restarts system calls.
class InterruptingTimer {
  public:
    InterruptingTimer() {
        struct sigaction sa {};
        sigemptyset(&sa.sa_mask);
        sa.sa_flags = 0;  // no SA_RESTART: interrupted calls fail with EINTR
        sa.sa_handler = count_alarm;
        sigaction(SIGALRM, &sa, &old_alrm_);
        sa.sa_handler = ignore_signal;
        sigaction(SIGCHLD, &sa, &old_chld_);
        const itimerval every_ms{{0, 1000}, {0, 1000}};
        setitimer(ITIMER_REAL, &every_ms, nullptr);
    }
    ~InterruptingTimer() {
        const itimerval off{};
        setitimer(ITIMER_REAL, &off, nullptr);
        sigaction(SIGALRM, &old_alrm_, nullptr);
        sigaction(SIGCHLD, &old_chld_, nullptr);
    }
    InterruptingTimer(const InterruptingTimer&) = delete;
    InterruptingTimer& operator=(const InterruptingTimer&) = delete;

  private:
    struct sigaction old_alrm_ {};
    struct sigaction old_chld_ {};
};

RunResult run(const RunConfig& cfg) {
    RunObserver none;
    Engine engine(cfg, none, {});
    if (auto err = engine.prepare()) {
        ADD_FAILURE() << *err;
        return {};
    }
    return engine.run_once(cfg);
}

struct Case {
    const char* name;
    RunConfig config;
};

RunConfig config(const std::string& workload, ParamMap params, uint64_t size, Backend backend,
                 uint64_t chunksize) {
    RunConfig c;
    c.workload = workload;
    c.params = std::move(params);
    c.size = size;
    c.workers = 2;
    c.chunksize = chunksize;
    c.backend = backend;
    c.sample_ms = 50;  // the sampler's /proc reads are interrupted too
    return c;
}

// Names the case in test listings (gtest would print the struct's bytes).
void PrintTo(const Case& c, std::ostream* os) {
    *os << c.name;
}

const Case kCases[] = {
    // Many small results: the loop's poll() is interrupted between nearly every frame.
    {"SleepPool", config("sleep", {{"ms", "1"}}, 300, Backend::Processes, 3)},
    // 800 KB frames each way, far beyond a pipe's 64 KB: reads and writes come in pieces.
    {"TransferPool",
     config("transfer", {{"rows", "1000"}, {"cols", "100"}}, 30, Backend::Processes, 2)},
    // The serial child's wait.
    {"SleepSerial", config("sleep", {{"ms", "1"}}, 200, Backend::Serial, 1)},
};

}  // namespace

class ReliabilityEintr : public test::ReliabilityTest,
                         public ::testing::WithParamInterface<Case> {};

TEST_P(ReliabilityEintr, InterruptedWaitsAreRetriedAndResultsUnchanged) {
    const RunConfig& cfg = GetParam().config;
    const RunResult quiet = run(cfg);
    ASSERT_FALSE(quiet.partial);
    ASSERT_EQ(quiet.checksum_items, cfg.size);

    g_alarms = 0;
    RunResult noisy;
    {
        InterruptingTimer timer;
        noisy = run(cfg);
    }
    EXPECT_GT(g_alarms.load(), 20) << "the timer must actually have interrupted the run";
    EXPECT_FALSE(noisy.partial);
    for (const auto& e : noisy.errors) ADD_FAILURE() << e.code << ": " << e.message;
    EXPECT_EQ(noisy.checksum_items, cfg.size);
    EXPECT_EQ(noisy.checksum, quiet.checksum);
    EXPECT_EQ(noisy.chunks_done, quiet.chunks_done);
}

INSTANTIATE_TEST_SUITE_P(, ReliabilityEintr, ::testing::ValuesIn(kCases),
                         [](const auto& p) { return std::string(p.param.name); });
