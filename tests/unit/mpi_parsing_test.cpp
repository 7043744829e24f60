// The MPI backend's parsing, without MPI: --hosts lists and hostfiles, the dispatcher's Ranks
// frame, and which rank mpirun says ended a job (OpenMPI 4.1's wording, as it prints it).
#include <gtest/gtest.h>

#include "core/config/mpi_hosts.h"
#include "core/engine/host_sample.h"
#include "core/engine/mpi_failure.h"
#include "core/protocol/mpi_messages.h"
#include "support/scratch_dir.h"

using namespace poolscope;

TEST(MpiHosts, ListsAndHostfilesGiveNamesAndSlots) {
    std::vector<MpiHost> h;
    ASSERT_FALSE(parse_mpi_hosts("", h));
    EXPECT_EQ(h, (std::vector<MpiHost>{{"localhost", 0}}));
    ASSERT_FALSE(parse_mpi_hosts("a:4,b.example:2,10.0.0.3", h));
    EXPECT_EQ(h, (std::vector<MpiHost>{{"a", 4}, {"b.example", 2}, {"10.0.0.3", 0}}));
    test_support::ScratchDir dir;
    const auto file = dir.write("hosts", "# lab\nnode1 slots=3\n\nnode2   # no count\n");
    ASSERT_FALSE(parse_mpi_hosts(file, h));
    EXPECT_EQ(h, (std::vector<MpiHost>{{"node1", 3}, {"node2", 0}}));
}

TEST(MpiHosts, BadSpecsAreRefusedWithTheReason) {
    std::vector<MpiHost> h;
    EXPECT_NE(parse_mpi_hosts("a:0", h).value_or(""), "");
    EXPECT_NE(parse_mpi_hosts("a:x", h).value_or("").find("slots of 'a'"), std::string::npos);
    EXPECT_NE(parse_mpi_hosts("a,a", h).value_or("").find("named twice"), std::string::npos);
    EXPECT_NE(parse_mpi_hosts("a,,b", h).value_or("").find("not a host name"), std::string::npos);
    EXPECT_NE(parse_mpi_hosts("a;rm", h).value_or("").find("not a host name"), std::string::npos);
    EXPECT_NE(parse_mpi_hosts("/no/such/file", h).value_or("").find("no hostfile"),
              std::string::npos);
    test_support::ScratchDir dir;
    const auto file = dir.write("hosts", "node1 cpus=3\n");
    EXPECT_NE(parse_mpi_hosts(file, h).value_or("").find(":1: unknown 'cpus=3'"),
              std::string::npos);
}

TEST(MpiMessages, RanksRoundTripAndTruncationIsRefused) {
    const std::vector<RankInfo> ranks{{0, 100, "a", 0, 0}, {1, 200, "b", -1234, 56}};
    Bytes frame;
    append_ranks(frame, ranks);
    FrameDecoder d(1 << 20);
    d.feed(frame);
    Frame f;
    ASSERT_EQ(d.next(f), FrameDecoder::Status::Ready);
    EXPECT_EQ(f.type, FrameType::Ranks);
    EXPECT_EQ(read_ranks(f.payload), ranks);
    EXPECT_FALSE(read_ranks(f.payload.first(f.payload.size() - 1)));
}

TEST(MpiMessages, HostSamplesRoundTripWithTheirStampShifted) {
    HostSample h;
    h.rank = 3;
    h.sample.t_ns = 5'000'000'000;
    h.sample.core_util = {0.25, 1.0};
    h.sample.core_steal = {0, 0.5};
    h.sample.machine_util = 0.625;
    h.sample.rss_sum_bytes = 1 << 20;
    h.sample.pss_sum_bytes = 1 << 19;
    h.sample.uss_sum_bytes = 1 << 18;
    h.sample.processes.push_back({.pid = 77,
                                  .role = "worker",
                                  .worker = 2,
                                  .rss_bytes = 1 << 20,
                                  .cpu_ns = 9,
                                  .state = 'R'});
    Bytes frame;
    append_host_sample(frame, h);
    shift_host_sample(frame, 1'000'000'000);  // the rank's clock runs 1 s ahead
    FrameDecoder d(1 << 20);
    d.feed(frame);
    Frame f;
    ASSERT_EQ(d.next(f), FrameDecoder::Status::Ready) << "resealed after the shift";
    const auto back = read_host_sample(f.payload);
    ASSERT_TRUE(back);
    EXPECT_EQ(back->rank, 3);
    HostSample want = h;
    want.sample.t_ns = 4'000'000'000;
    EXPECT_EQ(back->sample, want.sample);
    EXPECT_FALSE(read_host_sample(f.payload.first(f.payload.size() - 2)));
}

TEST(MpiFailure, TheRankMpirunNamesIsFound) {
    const std::string killed =
        "--------------------------------------------------------------------------\n"
        "mpirun noticed that process rank 2 with PID 4242 on node host-b exited on signal 9 "
        "(Killed).\n"
        "--------------------------------------------------------------------------\n";
    const auto k = parse_mpirun_failure(killed);
    ASSERT_TRUE(k);
    EXPECT_EQ(k->rank, 2);
    EXPECT_EQ(k->pid, 4242);
    EXPECT_EQ(k->node, "host-b");
    EXPECT_FALSE(k->status.exited);
    EXPECT_EQ(k->status.signal, 9);

    const std::string exited =
        "mpirun detected that one or more processes exited with non-zero status, thus causing\n"
        "the job to be terminated. The first process to do so was:\n\n"
        "  Process name: [[20185,1],3]\n  Exit code:    4\n";
    const auto e = parse_mpirun_failure(exited);
    ASSERT_TRUE(e);
    EXPECT_EQ(e->rank, 3);
    EXPECT_TRUE(e->status.exited);
    EXPECT_EQ(e->status.code, 4);

    EXPECT_FALSE(parse_mpirun_failure("ORTE was unable to reliably start one or more daemons."));
    EXPECT_EQ(mpirun_output_tail("-----\nfirst\n\n-----\nsecond\n"), "first | second");
}
