// Test support for the pairwise settings test: the factors a run can vary (workload, backend,
// start method, dispatch, transport, pool lifetime), which combinations are valid, and a
// greedy covering array in which every valid pair of factor values appears in some row.
#pragma once

#include <array>
#include <ostream>
#include <string>
#include <vector>

#include "core/config/run_config.h"

namespace poolscope::test {

struct PairwiseRow {
    std::string workload;
    Backend backend = Backend::Processes;
    StartMethod start = StartMethod::Fork;
    Dispatch dispatch = Dispatch::Map;
    Transport transport = Transport::Pipe;
    PoolLifetime pool = PoolLifetime::Cold;
};

inline constexpr std::size_t kPairwiseFactors = 6;
// A row as one level index per factor, in the order of PairwiseRow's fields.
using LevelIndices = std::array<int, kPairwiseFactors>;

// Levels of each factor (the workloads include blur when OpenCV is built in).
std::array<int, kPairwiseFactors> pairwise_level_counts();
PairwiseRow row_at(const LevelIndices& levels);

// threads cannot be combined with spawn, shm or a warm pool; everything else is valid.
bool combination_valid(const PairwiseRow& row);

// Every combination of the full product, valid or not.
std::vector<PairwiseRow> full_product();
// Greedy covering array: valid rows only, every pair that some valid row holds is covered.
std::vector<PairwiseRow> pairwise_rows();
// Pairs of factor values that some valid row holds but none of `rows` does.
std::vector<std::string> uncovered_pairs(const std::vector<PairwiseRow>& rows);

// Small, fast parameters for the row's workload and the config it runs.
RunConfig pairwise_config(const PairwiseRow& row, uint64_t n, int workers);
// e.g. "transfer_processes_spawn_imap_shm_warm" (a valid test name).
std::string row_name(const PairwiseRow& row);
// How GoogleTest prints a row.
inline void PrintTo(const PairwiseRow& row, std::ostream* os) {
    *os << row_name(row);
}

}  // namespace poolscope::test
