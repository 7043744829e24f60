// Chunking: every item in exactly one chunk, ceil(n/chunksize) chunks, min(W, n) static blocks,
// and Python's auto chunksize.
#include <gtest/gtest.h>

#include "core/config/chunk_plan.h"

using namespace poolscope;

TEST(ChunkPlan, AutoChunksizeIsPythonsFormula) {
    EXPECT_EQ(auto_chunksize(1000, 4), 63u);  // ceil(1000 / 16)
    EXPECT_EQ(auto_chunksize(0, 4), 1u);
    EXPECT_EQ(auto_chunksize(1, 64), 1u);
    EXPECT_EQ(auto_chunksize(1000000000, 1), 250000000u);
}

TEST(ChunkPlan, EveryItemExactlyOnceAcrossShapes) {
    for (uint64_t n : {0ull, 1ull, 4ull, 97ull, 1000ull})
        for (uint64_t cs : {1ull, 7ull, 1000ull, 5000ull})
            for (int w : {1, 2, 5})
                for (auto d : {Dispatch::Map, Dispatch::Static}) {
                    const auto plan = plan_chunks(n, cs, d, w);
                    std::vector<int> seen(n, 0);
                    for (const auto& c : plan)
                        for (uint64_t i = c.first; i < c.first + c.count; ++i) ++seen[i];
                    for (uint64_t i = 0; i < n; ++i) ASSERT_EQ(seen[i], 1) << n << " " << cs;
                    const uint64_t expect =
                        d == Dispatch::Static ? std::min<uint64_t>(n, w) : (n + cs - 1) / cs;
                    EXPECT_EQ(plan.size(), expect);
                    EXPECT_EQ(planned_chunk_count(n, cs, d, w), expect);
                }
}

TEST(ChunkPlan, StaticBlocksAreOwnedAndBalanced) {
    const auto plan = plan_chunks(10, 1, Dispatch::Static, 3);
    ASSERT_EQ(plan.size(), 3u);
    for (int i = 0; i < 3; ++i) EXPECT_EQ(plan[i].worker, i);
    EXPECT_EQ(plan[0].count + plan[1].count + plan[2].count, 10u);
    for (const auto& c : plan) EXPECT_TRUE(c.count == 3 || c.count == 4);
}
