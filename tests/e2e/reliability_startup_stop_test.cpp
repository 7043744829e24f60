// A stop that lands while the pool is still being forked (here: the next worker cannot get its
// pipes, so the engine stops the ones it just started): the SIGTERMs the engine sends to its
// youngest workers must end them as workers. A child that has not yet dropped the engine's
// inherited SIGINT/SIGTERM handler would instead run it — writing into the engine's own signal
// self-pipe, so the engine believes it was signalled (the CLI then exits 130 for a run nobody
// interrupted) and the worker survives its SIGTERM.
#include <dirent.h>
#include <gtest/gtest.h>
#include <sys/resource.h>

#include <cstdlib>
#include <set>

#include "core/session/engine.h"
#include "support/reliability_processes.h"

using namespace poolscope;

namespace {

// The descriptor limit under which exactly `spare` more descriptors can be opened (a new one
// takes the lowest free number, which must be below the limit; inherited ones leave gaps).
rlim_t limit_leaving(int spare) {
    std::set<int> open;
    DIR* d = opendir("/proc/self/fd");
    if (!d) return 0;
    while (dirent* e = readdir(d))
        if (e->d_name[0] != '.') open.insert(std::atoi(e->d_name));
    open.erase(dirfd(d));  // the listing's own descriptor, closed again below
    closedir(d);
    int fd = 0;
    for (int free_slots = 0; free_slots < spare; ++fd)
        if (!open.count(fd)) ++free_slots;
    return static_cast<rlim_t>(fd);
}

// While alive: RLIMIT_NOFILE just above what is open now, so a pool gets a few workers only.
class FewDescriptors {
  public:
    explicit FewDescriptors(int spare) {
        getrlimit(RLIMIT_NOFILE, &old_);
        rlimit low = old_;
        low.rlim_cur = limit_leaving(spare);
        ok_ = setrlimit(RLIMIT_NOFILE, &low) == 0;
    }
    ~FewDescriptors() { setrlimit(RLIMIT_NOFILE, &old_); }
    FewDescriptors(const FewDescriptors&) = delete;
    FewDescriptors& operator=(const FewDescriptors&) = delete;
    bool ok() const { return ok_; }

  private:
    rlimit old_{};
    bool ok_ = false;
};

}  // namespace

class ReliabilityStartupStop : public test::ReliabilityTest {};

TEST_F(ReliabilityStartupStop, StopRightAfterAForkIsNotMistakenForASignal) {
    RunConfig cfg;
    cfg.workload = "sleep";
    cfg.params["ms"] = "1000";
    cfg.size = 100;
    cfg.workers = 16;
    cfg.chunksize = 1;
    cfg.sample_ms = 0;
    // Each attempt is a race between the engine's SIGTERM and its newest child's set-up.
    for (int attempt = 1; attempt <= 200 && !HasFailure(); ++attempt) {
        SignalStopSource signals;
        RunObserver none;
        Engine engine(cfg, none, {&signals});
        ASSERT_FALSE(engine.prepare());
        RunResult r;
        {
            FewDescriptors few(16);
            ASSERT_TRUE(few.ok());
            r = engine.run_once(cfg);
        }
        ASSERT_FALSE(r.errors.empty());
        ASSERT_EQ(r.errors[0].code, "start_failed") << r.errors[0].message;
        EXPECT_FALSE(signals.check())
            << "attempt " << attempt << ": nobody signalled the engine, yet its signal stop "
            << "source fired (" << signals.reason() << ")";
        EXPECT_FALSE(engine.interrupted()) << "attempt " << attempt;
    }
}
