#include "support/settings_pairwise.h"

#include <set>
#include <utility>

namespace poolscope::test {

namespace {

const std::vector<std::string>& workloads() {
    static const std::vector<std::string> names{
        "square", "cpu", "transfer", "sleep", "skewed",
#ifdef POOLSCOPE_HAVE_OPENCV
        "blur",
#endif
    };
    return names;
}

constexpr std::array kBackends{Backend::Processes, Backend::Threads};
constexpr std::array kStarts{StartMethod::Fork, StartMethod::Spawn};
constexpr std::array kDispatches{Dispatch::Map, Dispatch::Imap, Dispatch::ImapUnordered,
                                 Dispatch::ApplyAsync, Dispatch::Static};
constexpr std::array kTransports{Transport::Pipe, Transport::Shm};
constexpr std::array kLifetimes{PoolLifetime::Cold, PoolLifetime::Warm};

// A pair: (factor a, level of a, factor b, level of b) with a < b.
using Pair = std::array<int, 4>;

std::vector<Pair> pairs_of(const LevelIndices& l) {
    std::vector<Pair> out;
    for (int a = 0; a < static_cast<int>(kPairwiseFactors); ++a)
        for (int b = a + 1; b < static_cast<int>(kPairwiseFactors); ++b)
            out.push_back({a, l[a], b, l[b]});
    return out;
}

std::vector<LevelIndices> all_levels() {
    const auto n = pairwise_level_counts();
    std::vector<LevelIndices> out;
    LevelIndices l{};
    for (;;) {
        out.push_back(l);
        std::size_t f = kPairwiseFactors;
        while (f > 0 && ++l[f - 1] == n[f - 1]) l[--f] = 0;
        if (f == 0) return out;
    }
}

std::vector<LevelIndices> valid_levels() {
    std::vector<LevelIndices> out;
    for (const auto& l : all_levels())
        if (combination_valid(row_at(l))) out.push_back(l);
    return out;
}

std::set<Pair> coverable_pairs() {
    std::set<Pair> out;
    for (const auto& l : valid_levels())
        for (const auto& p : pairs_of(l)) out.insert(p);
    return out;
}

LevelIndices levels_of(const PairwiseRow& r) {
    auto index = [](const auto& levels, auto v) {
        for (std::size_t i = 0; i < levels.size(); ++i)
            if (levels[i] == v) return static_cast<int>(i);
        return -1;
    };
    return {index(workloads(), r.workload),  index(kBackends, r.backend),
            index(kStarts, r.start),         index(kDispatches, r.dispatch),
            index(kTransports, r.transport), index(kLifetimes, r.pool)};
}

}  // namespace

std::array<int, kPairwiseFactors> pairwise_level_counts() {
    return {static_cast<int>(workloads().size()), static_cast<int>(kBackends.size()),
            static_cast<int>(kStarts.size()),     static_cast<int>(kDispatches.size()),
            static_cast<int>(kTransports.size()), static_cast<int>(kLifetimes.size())};
}

PairwiseRow row_at(const LevelIndices& l) {
    return {workloads()[l[0]], kBackends[l[1]],   kStarts[l[2]],
            kDispatches[l[3]], kTransports[l[4]], kLifetimes[l[5]]};
}

bool combination_valid(const PairwiseRow& row) {
    if (row.backend != Backend::Threads) return true;
    return row.start == StartMethod::Fork && row.transport == Transport::Pipe &&
           row.pool == PoolLifetime::Cold;
}

std::vector<PairwiseRow> full_product() {
    std::vector<PairwiseRow> out;
    for (const auto& l : all_levels()) out.push_back(row_at(l));
    return out;
}

std::vector<PairwiseRow> pairwise_rows() {
    std::set<Pair> left = coverable_pairs();
    const std::vector<LevelIndices> candidates = valid_levels();
    std::vector<PairwiseRow> rows;
    while (!left.empty()) {
        // The valid row that covers the most pairs still uncovered (the first one on ties).
        const LevelIndices* best = nullptr;
        std::size_t best_gain = 0;
        for (const auto& l : candidates) {
            std::size_t gain = 0;
            for (const auto& p : pairs_of(l)) gain += left.count(p);
            if (gain > best_gain) best = &l, best_gain = gain;
        }
        for (const auto& p : pairs_of(*best)) left.erase(p);
        rows.push_back(row_at(*best));
    }
    return rows;
}

std::vector<std::string> uncovered_pairs(const std::vector<PairwiseRow>& rows) {
    std::set<Pair> left = coverable_pairs();
    for (const auto& r : rows)
        for (const auto& p : pairs_of(levels_of(r))) left.erase(p);
    std::vector<std::string> out;
    for (const auto& p : left)
        out.push_back("factor " + std::to_string(p[0]) + " level " + std::to_string(p[1]) +
                      " with factor " + std::to_string(p[2]) + " level " + std::to_string(p[3]));
    return out;
}

RunConfig pairwise_config(const PairwiseRow& row, uint64_t n, int workers) {
    RunConfig c;
    c.workload = row.workload;
    if (row.workload == "transfer") c.params = {{"rows", "50"}, {"cols", "50"}};
    if (row.workload == "sleep") c.params = {{"ms", "1"}};
    if (row.workload == "skewed") c.params = {{"base_iterations", "200"}};
    if (row.workload == "blur") c.params = {{"width", "64"}, {"height", "48"}};
    c.size = n;
    c.workers = workers;
    c.backend = row.backend;
    c.start = row.start;
    c.dispatch = row.dispatch;
    c.transport = row.transport;
    c.pool = row.pool;
    c.sample_ms = 0;
    return c;
}

std::string row_name(const PairwiseRow& row) {
    return row.workload + "_" + std::string(to_string(row.backend)) + "_" +
           std::string(to_string(row.start)) + "_" + std::string(to_string(row.dispatch)) + "_" +
           std::string(to_string(row.transport)) + "_" + std::string(to_string(row.pool));
}

}  // namespace poolscope::test
