// Allocation failures are errors, not aborts: the CLI under an address-space limit (ulimit -v)
// and a process/thread limit (ulimit -u) in a child shell. Wherever the allocation fails — the
// workload's input, a task frame in the engine, a worker's buffers, a thread's stack — the run
// ends with exit 1 and a message saying what ran out, never with std::terminate (exit 134).
#include <unistd.h>

#include <gtest/gtest.h>

#include "support/process_hygiene.h"
#include "support/shell_run.h"

using namespace poolscope::test;

namespace {

class ReliabilityResourceLimits : public ProcessHygiene {};

void expect_clean_failure(const CliResult& r, const std::string& what) {
    ASSERT_FALSE(r.timed_out);
    EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
    EXPECT_EQ(r.err.find("terminate called"), std::string::npos) << r.err;
    EXPECT_NE((r.out + r.err).find(what), std::string::npos) << r.out << r.err;
}

}  // namespace

TEST_F(ReliabilityResourceLimits, TransferUnderAnAddressSpaceLimitFailsCleanly) {
    // 20 arrays of 8 MB each way: the limits cut in at the input (150 MB), then at a worker's
    // buffers for a chunk of five (the engine sends large inputs from where they lie, without a
    // frame copy, so from about 360 MB the whole run fits).
    for (const char* limit : {"150000", "250000", "300000"}) {
        SCOPED_TRACE(std::string("ulimit -v ") + limit);
        const CliResult r = run_shell(std::string("ulimit -v ") + limit +
                                          " && \"$CLI\" run --workload transfer --size 20 "
                                          "--workers 2 --chunksize 5 --sample-ms 0",
                                      60);
        expect_clean_failure(r, "out of memory");
    }
}

TEST_F(ReliabilityResourceLimits, ThreadsThatCannotStartFailTheRunCleanly) {
    // 64 thread stacks do not fit in 300 MB of address space.
    const CliResult r = run_shell(
        "ulimit -v 300000 && \"$CLI\" run --workload square --size 2000 --workers 64 "
        "--backend threads --sample-ms 0",
        60);
    expect_clean_failure(r, "cannot start thread");
}

TEST_F(ReliabilityResourceLimits, AThreadLimitFailsTheRunCleanly) {
    // RLIMIT_NPROC binds only an unprivileged user: run as nobody when the tests run as root.
    if (geteuid() != 0 || access("/usr/bin/setpriv", X_OK) != 0 || access("/bin/bash", X_OK) != 0)
        GTEST_SKIP() << "needs root, setpriv and bash (dash has no ulimit -u)";
    const CliResult r = run_shell(
        "exec setpriv --reuid=65534 --regid=65534 --clear-groups /bin/bash -c 'ulimit -u 3 && "
        "\"$CLI\" run --workload square --size 2000 --workers 8 --backend threads "
        "--sample-ms 0'",
        60);
    if (r.err.find("Permission denied") != std::string::npos)
        GTEST_SKIP() << "the CLI is not executable by an unprivileged user here";
    expect_clean_failure(r, "cannot start thread");
}
