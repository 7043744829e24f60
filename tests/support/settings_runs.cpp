#include "support/settings_runs.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "core/session/engine.h"
#include "support/process_hygiene.h"

namespace poolscope::test {

RunConfig settings_config(const std::string& workload, uint64_t n, int workers,
                          std::map<std::string, std::string> params) {
    RunConfig c;
    c.workload = workload;
    c.params = std::move(params);
    c.size = n;
    c.workers = workers;
    c.sample_ms = 0;
    return c;
}

namespace {

template <typename Body>
void with_engine(const RunConfig& cfg, RunObserver& observer, Body body) {
    Engine engine(cfg, observer, {});
    engine.set_worker_exe(cli_path());
    if (auto err = engine.prepare()) {
        ADD_FAILURE() << describe(cfg) << " refused: " << *err;
        return;
    }
    body(engine);
}

}  // namespace

RunResult run_config(const RunConfig& cfg, RunObserver& observer) {
    RunResult r;
    with_engine(cfg, observer, [&](Engine& e) { r = e.run_once(cfg); });
    return r;
}

RunResult run_config(const RunConfig& cfg) {
    RunObserver none;
    return run_config(cfg, none);
}

const RunError* find_error(const RunResult& r, const std::string& code) {
    for (const auto& e : r.errors)
        if (e.code == code) return &e;
    return nullptr;
}

void expect_only_lost(const RunResult& r, const RunError& e, uint64_t n) {
    ASSERT_GE(e.chunk, 0) << e.message;
    EXPECT_EQ(r.items_failed, 1u) << e.message;
    EXPECT_EQ(r.checksum_items, n - 1);
    uint64_t ok = 0;
    for (const auto& c : r.chunk_records) {
        if (c.id == static_cast<uint64_t>(e.chunk)) {
            EXPECT_FALSE(c.ok) << "the chunk the error names (" << c.id << ") did not fail";
        }
        ok += c.ok ? c.count : 0;
    }
    EXPECT_EQ(ok, n - 1);
}

SerialAndParallel run_serial_and_parallel(const RunConfig& cfg, RunObserver& observer) {
    SerialAndParallel out;
    with_engine(cfg, observer, [&](Engine& e) {
        out.serial = e.run_once(serial_counterpart(cfg));
        out.parallel = e.run_once(cfg);
    });
    return out;
}

std::string coverage_problem(const RunResult& r) {
    std::vector<int> seen(r.items, 0);
    for (const auto& c : r.chunk_records) {
        if (!c.ok) return "chunk " + std::to_string(c.id) + " did not finish";
        for (uint64_t i = c.first; i < c.first + c.count; ++i) {
            if (i >= r.items) return "chunk " + std::to_string(c.id) + " runs past the last item";
            ++seen[i];
        }
    }
    for (uint64_t i = 0; i < r.items; ++i)
        if (seen[i] != 1)
            return "item " + std::to_string(i) + " ran " + std::to_string(seen[i]) + " times";
    return {};
}

bool is_identity(const std::vector<uint64_t>& ids, uint64_t n) {
    if (ids.size() != n) return false;
    for (uint64_t i = 0; i < n; ++i)
        if (ids[i] != i) return false;
    return true;
}

bool is_permutation_of_range(std::vector<uint64_t> ids, uint64_t n) {
    std::sort(ids.begin(), ids.end());
    return is_identity(ids, n);
}

double median(std::vector<double> v) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    const std::size_t m = v.size() / 2;
    return v.size() % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
}

}  // namespace poolscope::test
