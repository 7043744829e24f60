// The engine itself SIGKILLed mid-run (nothing of it runs to clean up): every one of its
// children — fork workers, spawn workers, the serial child — is gone within 1 s, so no orphan
// keeps computing. The fixture adopts orphans, so a survivor also fails the test at TearDown.
#include <gtest/gtest.h>
#include <signal.h>

#include "core/platform/clock.h"
#include "support/reliability_cli.h"
#include "support/reliability_processes.h"

using namespace poolscope;
using namespace poolscope::test;

namespace {

struct Case {
    const char* name;
    std::vector<std::string> extra;
    std::size_t children;
};

// Names the case in test listings (gtest would print the struct's bytes).
void PrintTo(const Case& c, std::ostream* os) {
    *os << c.name;
}

const Case kCases[] = {
    {"ForkWorkers", {"--start", "fork", "--workers", "4"}, 4},
    {"SpawnWorkers", {"--start", "spawn", "--workers", "4"}, 4},
    {"SerialChild", {"--backend", "serial"}, 1},
};

}  // namespace

class ReliabilityEngineKilled : public ReliabilityTest,
                                public ::testing::WithParamInterface<Case> {};

TEST_P(ReliabilityEngineKilled, EveryChildIsGoneWithinOneSecond) {
    std::vector<std::string> args{"run", "--workload",  "sleep", "--param",     "ms=1000", "--size",
                                  "100", "--chunksize", "1",     "--sample-ms", "0"};
    args.insert(args.end(), GetParam().extra.begin(), GetParam().extra.end());
    LiveCli cli(args);
    ASSERT_TRUE(cli.started());
    const std::size_t n = GetParam().children;
    ASSERT_EQ(wait_for_children(cli.pid(), n, 20).size(), n) << "the run did not start";
    cli.pump(0.5);  // spawn workers exec and get ready; everyone is inside a task
    ASSERT_EQ(cli.exited_ns(), 0) << cli.finish(1).err;
    const auto children = children_of(cli.pid());
    ASSERT_EQ(children.size(), n);
    for (pid_t c : children) ASSERT_FALSE(process_gone(c)) << "child " << c << " died too early";

    const int64_t killed_at = monotonic_ns();
    ASSERT_EQ(kill(cli.pid(), SIGKILL), 0);
    const auto alive = wait_until_gone(children, 1.0);
    const double took = (monotonic_ns() - killed_at) * 1e-9;
    EXPECT_TRUE(alive.empty()) << alive.size() << " of " << n
                               << " children still running 1 s after the engine was SIGKILLed "
                                  "(first pid "
                               << (alive.empty() ? 0 : alive[0]) << ")";
    EXPECT_LT(took, 1.05);
    const CliResult r = cli.finish(10);
    EXPECT_EQ(r.exit_code, 128 + SIGKILL);
}

INSTANTIATE_TEST_SUITE_P(, ReliabilityEngineKilled, ::testing::ValuesIn(kCases),
                         [](const auto& p) { return std::string(p.param.name); });
