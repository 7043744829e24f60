// Every native backend tells a live reader the same things in the same words: each worker's
// started → ready → exited, every error as an `error` event when it happens (the result's list
// holds no error the stream did not show), the item that failed, and the reason a stopped run
// stopped. The GUI draws serial, threads and processes from these alone.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "support/process_hygiene.h"
#include "support/reliability_events.h"
#include "support/scratch_dir.h"

namespace poolscope {
namespace {

using nlohmann::json;

class BackendEvents : public test::ProcessHygiene,
                      public ::testing::WithParamInterface<const char*> {
  protected:
    test_support::ScratchDir dir;
    std::string stream = dir.file("run.jsonl");
};

// Pairs of (code, message) of a list of errors, in order.
std::vector<std::pair<std::string, std::string>> errors_of(const std::vector<json>& list) {
    std::vector<std::pair<std::string, std::string>> out;
    for (const json& e : list) out.emplace_back(e.at("code"), e.at("message"));
    return out;
}

TEST_P(BackendEvents, WorkersStartGetReadyAndExitAndEveryErrorIsAnEvent) {
    const auto r = test::run_cli({"run", "--backend", GetParam(), "--workload", "square", "--size",
                                  "300", "--workers", "2", "--inject", "error@item=7",
                                  "--sample-ms", "0", "--events", stream});
    ASSERT_EQ(r.exit_code, 1) << r.err;  // an item failed: a partial run
    const test::SavedEvents saved(stream);
    std::map<int, std::vector<std::string>> states;
    for (const json& e : saved.of_type("worker")) {
        states[e.at("worker").get<int>()].push_back(e.at("state"));
        if (e.at("state") == "exited") {
            EXPECT_EQ(e.at("exit_code"), 0) << e.dump();
        }
    }
    const std::size_t workers = std::string(GetParam()) == "serial" ? 1 : 2;
    ASSERT_EQ(states.size(), workers);
    for (const auto& [index, seen] : states)
        EXPECT_EQ(seen, (std::vector<std::string>{"started", "ready", "exited"})) << index;

    const auto ends = saved.of_type("run_end");
    ASSERT_EQ(ends.size(), 1u);
    const json& result = ends[0].at("result");
    const auto listed = errors_of(result.at("errors").get<std::vector<json>>());
    EXPECT_EQ(errors_of(saved.of_type("error")), listed);
    ASSERT_EQ(listed.size(), 1u);
    EXPECT_EQ(listed[0].first, "item_failed");
    EXPECT_EQ(saved.of_type("error")[0].at("item"), 7);
    EXPECT_EQ(result.at("items_failed"), 1);
}

TEST_P(BackendEvents, AStoppedRunSaysWhatStoppedItInTheStreamAndTheResult) {
    test::CliOptions opt;  // Stop, as the GUI sends it, waiting before the run begins
    opt.stdin_data = "stop\n";
    opt.keep_stdin_open = true;
    const auto r = test::run_cli(
        {"run", "--backend", GetParam(), "--workload", "sleep", "--param", "ms=20", "--size",
         "2000", "--workers", "2", "--sample-ms", "0", "--control-stdin", "--events", stream},
        opt);
    ASSERT_EQ(r.exit_code, 130) << r.err;
    const test::SavedEvents saved(stream);
    const auto ends = saved.of_type("run_end");
    ASSERT_EQ(ends.size(), 1u);
    const auto listed = errors_of(ends[0].at("result").at("errors").get<std::vector<json>>());
    EXPECT_EQ(errors_of(saved.of_type("error")), listed);
    const auto interrupted = std::find_if(listed.begin(), listed.end(),
                                          [](const auto& e) { return e.first == "interrupted"; });
    ASSERT_NE(interrupted, listed.end());
    EXPECT_EQ(interrupted->second, "stopped by request");
    for (const json& e : saved.of_type("worker")) {  // stopped, but every worker's end is told
        if (e.at("state") == "started") {
            EXPECT_TRUE(std::any_of(saved.all().begin(), saved.all().end(),
                                    [&](const json& x) {
                                        return x.at("type") == "worker" &&
                                               x.at("worker") == e.at("worker") &&
                                               x.at("state") != "started" &&
                                               x.at("state") != "ready";
                                    }))
                << "no end for worker " << e.at("worker");
        }
    }
}

INSTANTIATE_TEST_SUITE_P(Native, BackendEvents, ::testing::Values("serial", "threads", "processes"),
                         [](const auto& param_info) { return std::string(param_info.param); });

}  // namespace
}  // namespace poolscope
