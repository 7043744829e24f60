// --chunk-detail N: how many chunks per run the event stream sends in full before it switches to
// per-worker time buckets. The stream holds exactly N chunk records, announces the switch, and
// still accounts for every chunk; the option is refused without --events and out of range.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "support/process_hygiene.h"
#include "support/reliability_events.h"
#include "support/scratch_dir.h"

namespace {

using namespace poolscope::test;
using nlohmann::json;

class ChunkDetail : public ProcessHygiene {
  protected:
    poolscope::test_support::ScratchDir dir;
    std::string stream = dir.file("run.jsonl");

    struct Seen {
        uint64_t records = 0;     // chunks sent in full
        uint64_t in_buckets = 0;  // chunks summed in buckets
        std::vector<json> aggregated;
        json run_end;
    };

    Seen read_stream() {
        Seen s;
        const SavedEvents saved(stream);
        for (const json& e : saved.all()) {
            if (e.at("type") == "chunks") s.records += e.at("n").get<uint64_t>();
            if (e.at("type") == "chunk_buckets")
                for (const auto& c : e.at("chunks")) s.in_buckets += c.get<uint64_t>();
            if (e.at("type") == "aggregated") s.aggregated.push_back(e);
            if (e.at("type") == "run_end") s.run_end = e;
        }
        return s;
    }
};

TEST_F(ChunkDetail, TheStreamSendsExactlyNChunksInFullThenBuckets) {
    const auto r = run_cli({"run", "--workload", "square", "--size", "300", "--chunksize", "1",
                            "--workers", "2", "--chunk-detail", "25", "--events", stream});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const Seen s = read_stream();
    EXPECT_EQ(s.records, 25u);
    EXPECT_EQ(s.in_buckets, 275u);
    ASSERT_EQ(s.aggregated.size(), 1u);
    EXPECT_EQ(s.aggregated[0].at("after_chunks"), 25);
    EXPECT_EQ(s.run_end.at("chunk_detail"), "aggregated");
    EXPECT_EQ(s.run_end.at("chunks_streamed"), 25);
    EXPECT_EQ(s.run_end.at("chunks_aggregated"), 275);
}

TEST_F(ChunkDetail, ZeroSendsBucketsFromTheFirstChunkAndTheDefaultKeepsEveryChunk) {
    auto r = run_cli({"run", "--workload", "square", "--size", "300", "--chunksize", "1",
                      "--workers", "2", "--chunk-detail", "0", "--events", stream});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    Seen s = read_stream();
    EXPECT_EQ(s.records, 0u);
    EXPECT_EQ(s.in_buckets, 300u);
    ASSERT_EQ(s.aggregated.size(), 1u);
    EXPECT_EQ(s.aggregated[0].at("after_chunks"), 0);

    r = run_cli({"run", "--workload", "square", "--size", "300", "--chunksize", "1", "--workers",
                 "2", "--events", stream});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    s = read_stream();
    EXPECT_EQ(s.records, 300u);
    EXPECT_TRUE(s.aggregated.empty());
    EXPECT_EQ(s.run_end.at("chunk_detail"), "full");
}

TEST_F(ChunkDetail, RefusedWithoutEventsAndOutOfRange) {
    auto r = run_cli({"run", "--workload", "square", "--chunk-detail", "5"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("--chunk-detail shapes the event stream"), std::string::npos) << r.err;
    for (const char* bad : {"-1", "x", "10000001", ""}) {
        r = run_cli({"run", "--workload", "square", "--chunk-detail", bad, "--events", stream});
        EXPECT_EQ(r.exit_code, 2) << bad;
        EXPECT_NE(r.err.find("--chunk-detail must be a whole number in 0"), std::string::npos)
            << r.err;
    }
}

}  // namespace
