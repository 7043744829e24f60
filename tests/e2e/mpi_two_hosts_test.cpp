// --backend mpi across two hosts on one machine: two network namespaces (each with a host name
// of its own) joined by a veth pair stand for two machines. The engine runs in the first;
// OpenMPI reaches the second through a start agent (plm_rsh_agent) that enters its namespace
// instead of ssh. The run spreads its ranks over both hosts, gives the serial checksum, names
// both hosts in its worker events and samples, reports a clock estimate and memory and CPU
// totals per host. The namespaces are removed when the test ends, also when it fails. Needs
// root and `ip netns`.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "support/mpi_job.h"
#include "support/reliability_events.h"
#include "support/reliability_processes.h"
#include "support/scratch_dir.h"
#include "support/shell_run.h"

using namespace poolscope::test;
using nlohmann::json;

namespace {

int sh(const std::string& command) {
    const int rc = std::system((command + " >/dev/null 2>&1").c_str());
    return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
}

// Two namespaces a and b, 10.213.N.1 and .2 on a veth pair; removed by the destructor.
class TwoHosts {
  public:
    TwoHosts() {
        const std::string tag = std::to_string(getpid() % 100000);
        a_ = "poolscope-a-" + tag;
        b_ = "poolscope-b-" + tag;
        subnet_ = "10.213." + std::to_string(getpid() % 250) + ".";
        const std::string va = "psa" + tag, vb = "psb" + tag;
        ok_ = sh("ip netns add " + a_) == 0 && sh("ip netns add " + b_) == 0 &&
              sh("ip link add " + va + " netns " + a_ + " type veth peer name " + vb + " netns " +
                 b_) == 0 &&
              sh("ip -n " + a_ + " addr add " + host_a() + "/24 dev " + va) == 0 &&
              sh("ip -n " + b_ + " addr add " + host_b() + "/24 dev " + vb) == 0 &&
              sh("ip -n " + a_ + " link set " + va + " up") == 0 &&
              sh("ip -n " + b_ + " link set " + vb + " up") == 0 &&
              sh("ip -n " + a_ + " link set lo up") == 0 &&
              sh("ip -n " + b_ + " link set lo up") == 0;
    }
    ~TwoHosts() {
        sh("ip netns del " + a_);
        sh("ip netns del " + b_);
    }
    bool ok() const { return ok_; }
    std::string host_a() const { return subnet_ + "1"; }
    std::string host_b() const { return subnet_ + "2"; }
    std::string subnet() const { return subnet_ + "0/24"; }
    const std::string& ns_a() const { return a_; }
    const std::string& ns_b() const { return b_; }

  private:
    std::string a_, b_, subnet_;
    bool ok_ = false;
};

// OpenMPI calls its start agent as `agent HOST COMMAND…`, as it would call ssh.
std::string write_agent(const poolscope::test_support::ScratchDir& dir, const TwoHosts& h) {
    const std::string path = dir.write(
        "agent.sh", "#!/bin/sh\nhost=\"$1\"; shift\ncase \"$host\" in\n  " + h.host_a() +
                        ") ns=" + h.ns_a() + "; name=poolscope-host-a ;;\n  " + h.host_b() +
                        ") ns=" + h.ns_b() +
                        "; name=poolscope-host-b ;;\n  *) echo \"unknown host $host\" >&2; "
                        "exit 255 ;;\nesac\nexec ip netns exec \"$ns\" unshare --uts sh -c "
                        "'hostname \"$0\"; eval \"$1\"' \"$name\" \"$*\"\n");
    chmod(path.c_str(), 0755);
    return path;
}

}  // namespace

class MpiTwoHosts : public ReliabilityTest {};

TEST_F(MpiTwoHosts, RanksSpreadOverBothHostsWithTheSerialChecksum) {
    if (auto why = mpi_unavailable(); !why.empty()) GTEST_SKIP() << why;
    if (geteuid() != 0) GTEST_SKIP() << "network namespaces need root";
    if (sh("ip netns list") != 0) GTEST_SKIP() << "`ip netns` is not available (iproute2)";
    TwoHosts hosts;
    ASSERT_TRUE(hosts.ok()) << "could not set up the two namespaces";
    poolscope::test_support::ScratchDir dir;
    const std::string agent = write_agent(dir, hosts);
    const std::string hostfile =
        dir.write("hosts", hosts.host_a() + " slots=2\n" + hosts.host_b() + " slots=2\n");
    const std::string events = dir.file("events.jsonl");
    const std::string net = hosts.subnet();
    const std::string script =
        "export OMPI_MCA_plm_rsh_agent=" + shell_quote(agent) +
        " OMPI_MCA_btl_tcp_if_include=" + net + " OMPI_MCA_oob_tcp_if_include=" + net +
        "\nexec ip netns exec " + hosts.ns_a() +
        " unshare --uts sh -c 'hostname poolscope-host-a; exec \"$@\"' sh \"$CLI\" run --backend "
        "mpi --workers 3 --hosts " +
        shell_quote(hostfile) +
        " --workload transfer --param rows=64 --param cols=8 --size 48 --chunksize 2 "
        "--sample-ms 50 --compare --json --events " +
        shell_quote(events);
    const CliResult r = run_shell(script, 90);
    ASSERT_FALSE(r.timed_out) << r.err;
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const json j = json::parse(r.out, nullptr, false);
    ASSERT_FALSE(j.is_discarded()) << r.out;
    const json& mpi = j["parallel"];
    EXPECT_EQ(mpi["checksum"], j["serial"]["checksum"]);
    EXPECT_FALSE(mpi["partial"].get<bool>());

    std::set<std::string> worker_hosts;
    for (const auto& w : mpi["worker_records"]) {
        worker_hosts.insert(w.value("host", ""));
        EXPECT_GT(w["chunks"].get<int>(), 0) << w.dump();
    }
    EXPECT_EQ(worker_hosts, (std::set<std::string>{"poolscope-host-a", "poolscope-host-b"}));
    std::set<std::string> clock_hosts;
    for (const auto& h : mpi["machine"]["hosts"]) {
        clock_hosts.insert(h["host"].get<std::string>());
        EXPECT_LT(h["clock_uncertainty_s"].get<double>(), 0.05) << h.dump();
    }
    EXPECT_EQ(clock_hosts, worker_hosts);
    // Memory and CPU per host: the engine's host first, its figures the result's own; the
    // other host's from the samples its rank sent.
    const json& totals = mpi["host_totals"];
    ASSERT_EQ(totals.size(), 2u) << mpi.dump();
    EXPECT_EQ(totals[0]["host"], "poolscope-host-a");
    EXPECT_TRUE(totals[0]["engine"].get<bool>());
    EXPECT_EQ(totals[0]["peak_pss_sum_bytes"], mpi["memory"]["peak_pss_sum_bytes"]);
    EXPECT_EQ(totals[0]["process_cpu_s"], mpi["cpu"]["process_cpu_s"]);
    EXPECT_EQ(totals[1]["host"], "poolscope-host-b");
    EXPECT_FALSE(totals[1]["engine"].get<bool>());
    EXPECT_GT(totals[1]["samples"].get<int>(), 0) << totals.dump();
    EXPECT_GT(totals[1]["peak_pss_sum_bytes"].get<uint64_t>(), 0u) << totals.dump();
    EXPECT_GT(totals[1]["peak_rss_sum_bytes"].get<uint64_t>(),
              totals[1]["peak_pss_sum_bytes"].get<uint64_t>() / 2)
        << totals.dump();
    EXPECT_FALSE(j["serial"].contains("host_totals"));

    const SavedEvents saved(events);
    std::set<std::string> event_hosts;
    for (const auto& e : saved.of_type("worker"))  // the MPI run's; the serial one is local
        if (e["state"] == "ready" && e["run"] == mpi["run_id"])
            event_hosts.insert(e.value("host", ""));
    EXPECT_EQ(event_hosts, worker_hosts);
    // Telemetry from both: the engine samples its own host, a rank on the other host samples
    // that one and the dispatcher relays it.
    std::set<std::string> sample_hosts;
    for (const auto& s : saved.of_type("sample"))
        if (!s.value("host", "").empty()) {
            sample_hosts.insert(s["host"].get<std::string>());
            EXPECT_FALSE(s["core_util"].empty()) << s.dump();
        }
    EXPECT_EQ(sample_hosts, worker_hosts);
}
