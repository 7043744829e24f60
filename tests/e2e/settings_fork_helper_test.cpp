// sleep's fork parameter (the threads-and-fork lesson): a helper forked while another thread of
// the worker holds a lock blocks forever, the task timeout ends the worker, and the worker's
// helper goes with it. The test process is a child subreaper, so a helper left behind would be
// handed to it and show up as its child: nothing may outlive the run.
#include <sys/prctl.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include "support/process_hygiene.h"
#include "support/settings_runs.h"

using namespace poolscope;

namespace {

RunConfig fork_config(const std::string& mode, double timeout_s) {
    RunConfig cfg = test::settings_config("sleep", 6, 2, {{"ms", "1"}, {"fork", mode}});
    cfg.chunksize = 1;
    cfg.task_timeout_s = timeout_s;
    return cfg;
}

}  // namespace

class SettingsForkHelper : public test::ProcessHygiene {
  protected:
    void SetUp() override {
        ASSERT_EQ(prctl(PR_SET_CHILD_SUBREAPER, 1), 0);
        ProcessHygiene::SetUp();
    }
};

TEST_F(SettingsForkHelper, ACleanForkFinishesEveryItem) {
    const RunResult r = test::run_config(fork_config("clean", 5));
    EXPECT_TRUE(r.errors.empty()) << r.errors[0].message;
    EXPECT_EQ(r.checksum_items, 6u);
    EXPECT_TRUE(test::child_pids().empty());
}

TEST_F(SettingsForkHelper, ALockHeldAcrossForkHangsTheTaskAndTheTimeoutEndsItAndItsHelper) {
    const RunResult r = test::run_config(fork_config("locked", 0.5));
    ASSERT_FALSE(r.errors.empty());
    EXPECT_EQ(r.errors[0].code, "timeout") << r.errors[0].message;
    EXPECT_TRUE(r.partial);
    EXPECT_LT(r.wall_s, 5.0);
    // An orphaned helper would be re-parented to this process (the subreaper) at once.
    usleep(200'000);
    EXPECT_TRUE(test::child_pids().empty()) << "a helper outlived its worker";
}
