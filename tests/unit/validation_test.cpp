// Every refusal of bad input, as a table: the CLI grammar and the engine's validation name the
// field, the value and what is allowed, before any process starts.
#include <gtest/gtest.h>

#include "app/cli/run_options.h"
#include "core/config/refused_field.h"
#include "core/config/validation.h"
#include "core/session/engine.h"
#include "core/workloads/workload_registry.h"
#include "support/process_hygiene.h"

using namespace poolscope;

namespace {

struct Refusal {
    std::vector<std::string> args;
    std::string expect;  // a part of the one-line message
};

// Parses and prepares like `poolscope-cli run` does; returns the refusal or "".
std::string refusal_of(const std::vector<std::string>& args) {
    cli::RunOptions opt;
    std::string err;
    if (!cli::parse_run_options(args, opt, err)) return err;
    RunObserver none;
    Engine engine(opt.config, none, {});
    return engine.prepare().value_or("");
}

}  // namespace

class Validation : public test::ProcessHygiene {};

TEST_F(Validation, RefusalsNameFieldValueAndRange) {
    const int maxw = max_workers(read_machine_info());
    const std::vector<Refusal> table = {
        {{"--workers", "0"}, "--workers must be in 1 … " + std::to_string(maxw)},
        {{"--workers", std::to_string(maxw + 1)}, "got " + std::to_string(maxw + 1)},
        {{"--workers", "-3"}, "--workers must be a whole number"},
        {{"--workers", "abc"}, "got 'abc'"},
        {{"--chunksize", "0"}, "--chunksize must be ≥ 1 or auto; got 0"},
        {{"--chunksize", "x"}, "--chunksize must be a whole number in 1 … 1000000000 or auto"},
        {{"--size", "1000000001"}, "--size must be in 0 … 1000000000; got 1000000001"},
        {{"--size", "99999999999999999999999"}, "--size must be a whole number"},
        {{"--size", "-1"}, "--size must be a whole number"},
        {{"--workload", "nope"}, "unknown workload 'nope'"},
        {{"--backend", "gpu"},
         "--backend must be serial, processes, threads, python, python-threads or mpi; got "
         "'gpu'"},
        {{"--dispatch", "mapp"}, "--dispatch must be map, imap"},
        {{"--start", "vfork"}, "--start must be fork, spawn or forkserver"},
        {{"--start", "forkserver"}, "--start forkserver needs --backend python"},
        {{"--transport", "tcp"}, "--transport must be pipe or shm"},
        {{"--pool", "hot"}, "--pool must be cold or warm"},
        {{"--on-failure", "ignore"}, "--on-failure must be stop, retry or skip"},
        {{"--frobnicate"}, "unknown option '--frobnicate'"},
        {{"--size"}, "--size needs a value"},
        {{"--compare=yes"}, "--compare takes no value"},
        {{"--repeat", "0"}, "--repeat must be in 1 … 1000; got 0"},
        {{"--warmup", "101"}, "--warmup must be in 0 … 100; got 101"},
        {{"--sample-ms", "10"}, "--sample-ms must be 0 (off) or in 50 … 1000; got 10"},
        {{"--lib-threads", "0"}, "--lib-threads must be in 1 … 256; got 0"},
        {{"--task-timeout", "-1"}, "--task-timeout must be seconds"},
        {{"--max-frame", "100"}, "--max-frame must be in 4096"},
        {{"--inject", "explode@chunk=1"}, "unknown fault 'explode@chunk=1'"},
        {{"--inject", "crash@chunk=x"}, "chunk must be a whole number"},
        {{"--global-lock"}, "--global-lock needs --backend threads"},
        {{"--reap-delay-ms", "10001"}, "--reap-delay-ms must be in 0 … 10000; got 10001"},
        {{"--reap-delay-ms", "-1"}, "--reap-delay-ms must be a whole number in 0 … 10000"},
        {{"--reap-delay-ms", "0.5"}, "got '0.5'"},
        {{"--backend", "threads", "--reap-delay-ms", "100"},
         "--reap-delay-ms needs --backend processes"},
        {{"--backend", "serial", "--reap-delay-ms", "100"},
         "--reap-delay-ms needs --backend processes"},
        {{"--param", "iterations"}, "--param must be KEY=VALUE"},
        {{"--workload", "cpu", "--param", "iterations=0"}, "parameter iterations must be in 1"},
        {{"--workload", "cpu", "--param", "iters=5"}, "has no parameter 'iters'"},
        {{"--workload", "square", "--param", "x=1"}, "it takes none"},
        {{"--workload", "cpu", "--size", "1000", "--chunksize", "1000", "--max-frame", "4096"},
         "exceeds the frame limit of 4096 bytes"},
    };
    for (const auto& row : table) {
        const std::string got = refusal_of(row.args);
        EXPECT_NE(got.find(row.expect), std::string::npos)
            << "args: " << ::testing::PrintToString(row.args) << "\n got: " << got;
    }
    EXPECT_TRUE(test::child_pids().empty()) << "validation must not start processes";
}

// A form puts each refusal beside its control: the field id read from the message is the
// option the user has to change.
TEST_F(Validation, EveryRefusalCarriesTheFieldToChange) {
    const std::vector<std::pair<std::vector<std::string>, std::string>> table = {
        {{"--workers", "0"}, "--workers"},
        {{"--workers", "abc"}, "--workers"},
        {{"--chunksize", "0"}, "--chunksize"},
        {{"--size", "-1"}, "--size"},
        {{"--workload", "nope"}, "--workload"},
        {{"--backend", "gpu"}, "--backend"},
        {{"--dispatch", "static", "--chunksize", "3"}, "--chunksize"},
        {{"--dispatch", "apply_async", "--chunksize", "3"}, "--chunksize"},
        {{"--backend", "threads", "--start", "spawn"}, "--start"},
        {{"--backend", "threads", "--transport", "shm"}, "--transport"},
        {{"--global-lock"}, "--global-lock"},
        {{"--frobnicate"}, "--frobnicate"},
        {{"--sample-ms", "10"}, "--sample-ms"},
        {{"--inject", "explode@chunk=1"}, "--inject"},
        {{"--workload", "cpu", "--param", "iterations=0"}, "--param iterations"},
        {{"--workload", "sleep", "--param", "ms=-1"}, "--param ms"},
        {{"--workload", "cpu", "--param", "iters=5"}, "--param"},
        {{"--workload", "square", "--param", "x=1"}, "--param"},
        {{"--workload", "cpu", "--size", "1000", "--chunksize", "1000", "--max-frame", "4096"},
         "--chunksize"},
    };
    for (const auto& [args, field] : table) {
        const std::string got = refusal_of(args);
        ASSERT_FALSE(got.empty()) << ::testing::PrintToString(args);
        EXPECT_EQ(refused_field(got), field) << ::testing::PrintToString(args) << ": " << got;
    }
    EXPECT_EQ(refused_field("could not calibrate item_us (the calibration child failed)"), "");
}

TEST_F(Validation, ValidInputIsAccepted) {
    EXPECT_EQ(refusal_of({"--workload", "square", "--size", "0"}), "");
    EXPECT_EQ(refusal_of({"--workload", "cpu", "--size=10", "--chunksize=auto", "--workers=1"}),
              "");
    EXPECT_EQ(refusal_of({"--workload", "square", "--size", "1000000000", "--chunksize", "1000"}),
              "");
    EXPECT_EQ(refusal_of({"--workload", "square", "--reap-delay-ms", "10000"}), "");
    EXPECT_EQ(refusal_of({"--workload", "square", "--reap-delay-ms=0", "--backend", "threads"}),
              "");
}

TEST_F(Validation, ARunThatCannotFitInMemoryIsRefusedWithTheEstimate) {
    // transfer: 10000×100 float64 per item each way; 10^6 items would need ~8 TB prepared.
    const std::string got =
        refusal_of({"--workload", "transfer", "--size", "1000000", "--chunksize", "1"});
    EXPECT_NE(got.find("this run needs about"), std::string::npos) << got;
    EXPECT_NE(got.find("available"), std::string::npos) << got;
}

TEST_F(Validation, TheEstimateCountsEveryCopyOfAChunkOnBothSides) {
    // square: 8 bytes in, 8 out. 10^9 items over 4 workers, auto chunksize: 62.5 M items a
    // chunk, 1 GB of input and output; the engine and a worker each hold it about twice.
    RunConfig cfg;
    cfg.workload = "square";
    cfg.size = 1'000'000'000;
    cfg.workers = 4;
    auto wl = make_workload("square");
    ASSERT_FALSE(wl->configure(with_defaults(wl->info(), {}), cfg.size));
    const uint64_t chunk_bytes = 62'500'000ull * 16;
    EXPECT_GE(estimate_run_memory(cfg, *wl), 4 * 4 * chunk_bytes);
}
