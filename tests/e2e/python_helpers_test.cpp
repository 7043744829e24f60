// A Python pool started with --start forkserver pays for multiprocessing's forkserver (and its
// resource tracker): the samples carry them under their own roles, apart from the driver and
// the workers, so the memory chart and the CPU figures count them.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "support/process_hygiene.h"
#include "support/reliability_events.h"
#include "support/scratch_dir.h"

namespace poolscope {
namespace {

using nlohmann::json;

class PythonHelpers : public test::ProcessHygiene {
  protected:
    test_support::ScratchDir dir;
    std::string stream = dir.file("run.jsonl");
};

TEST_F(PythonHelpers, TheForkserverIsSampledUnderItsOwnRole) {
    const auto r = test::run_cli({"run", "--backend", "python", "--start", "forkserver",
                                  "--workload", "sleep", "--param", "ms=2", "--size", "400",
                                  "--workers", "2", "--sample-ms", "50", "--events", stream});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const test::SavedEvents saved(stream);
    std::set<int> worker_pids, forkserver_pids;
    uint64_t forkserver_pss = 0;
    for (const json& s : saved.of_type("sample"))
        for (const json& p : s.at("processes")) {
            const std::string role = p.at("role");
            if (role == "worker") worker_pids.insert(p.at("pid").get<int>());
            if (role != "forkserver") continue;
            forkserver_pids.insert(p.at("pid").get<int>());
            forkserver_pss = std::max(forkserver_pss, p.at("pss_bytes").get<uint64_t>());
        }
    ASSERT_EQ(forkserver_pids.size(), 1u) << "no forkserver (or several) in the samples";
    EXPECT_FALSE(worker_pids.count(*forkserver_pids.begin())) << "the forkserver is not a worker";
    EXPECT_GT(forkserver_pss, 1u << 20) << "a Python interpreter holds more than 1 MiB";
}

TEST_F(PythonHelpers, AForkedPoolThroughPipesHasNoHelperProcess) {
    const auto r = test::run_cli({"run", "--backend", "python", "--start", "fork", "--workload",
                                  "sleep", "--param", "ms=2", "--size", "400", "--workers", "2",
                                  "--sample-ms", "50", "--events", stream});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const test::SavedEvents saved(stream);
    for (const json& s : saved.of_type("sample"))
        for (const json& p : s.at("processes"))
            EXPECT_TRUE(p.at("role") == "engine" || p.at("role") == "driver" ||
                        p.at("role") == "worker")
                << p.dump();
}

}  // namespace
}  // namespace poolscope
