// Every workload refuses bad parameters before anything runs, with one line that names the
// parameter, the value and what is allowed; and accepts its defaults and its own resolved
// parameters.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/workloads/workload_registry.h"
#include "support/scratch_dir.h"

namespace poolscope {
namespace {

using test_support::ScratchDir;

// Configures `workload` with `given` (defaults filled in) and returns its refusal, or "" when
// it accepted.
std::string refusal(const std::string& workload, const ParamMap& given, uint64_t size = 100) {
    auto w = make_workload(workload);
    if (!w) return "no workload named " + workload;
    return w->configure(with_defaults(w->info(), given), size).value_or("");
}

struct Refusal {
    std::string label;
    std::string workload;
    ParamMap given;
    uint64_t size;
    std::vector<std::string> mentions;  // the message must contain each of these
};

const char* const kU64Max = "18446744073709551615";
const char* const kU64Over = "18446744073709551616";

const Refusal kRefusals[] = {
    {"square_unknown", "square", {{"x", "1"}}, 10, {"square", "'x'", "takes none"}},
    {"cpu_unknown", "cpu", {{"iters", "5"}}, 10, {"'iters'", "iterations", "item_us"}},
    {"cpu_zero", "cpu", {{"iterations", "0"}}, 10, {"iterations", "1 … 1000000000", "got 0"}},
    {"cpu_too_big", "cpu", {{"iterations", "1000000001"}}, 10, {"iterations", "1000000001"}},
    {"cpu_word", "cpu", {{"iterations", "ten"}}, 10, {"iterations", "'ten'", "whole number"}},
    {"cpu_negative", "cpu", {{"iterations", "-5"}}, 10, {"iterations", "'-5'"}},
    {"cpu_overflow", "cpu", {{"iterations", kU64Over}}, 10, {"iterations", kU64Over}},
    {"cpu_item_us_negative", "cpu", {{"item_us", "-1"}}, 10, {"item_us", "0 … 1e+07", "-1"}},
    {"cpu_item_us_word", "cpu", {{"item_us", "fast"}}, 10, {"item_us", "'fast'"}},
    {"transfer_unknown", "transfer", {{"shape", "1"}}, 10, {"'shape'", "rows", "cols"}},
    {"transfer_rows_zero", "transfer", {{"rows", "0"}}, 10, {"rows", "1 … 100000000", "got 0"}},
    {"transfer_cols_big", "transfer", {{"cols", "100000001"}}, 10, {"cols", "100000001"}},
    {"transfer_rows_float", "transfer", {{"rows", "1e4"}}, 10, {"rows", "'1e4'"}},
    {"transfer_rows_overflow", "transfer", {{"rows", kU64Over}}, 10, {"rows", kU64Over}},
    {"transfer_item_cap",
     "transfer",
     {{"rows", "100000"}, {"cols", "10000"}},
     10,
     {"rows", "cols", "100000x10000", "1073741824", "1 GiB"}},
    {"transfer_total_overflow",
     "transfer",
     {{"rows", "10000"}, {"cols", "10000"}},
     uint64_t{1} << 40,
     {"10000x10000", "2^64"}},
    {"sleep_unknown", "sleep", {{"seconds", "1"}}, 10, {"'seconds'", "ms"}},
    {"sleep_negative", "sleep", {{"ms", "-1"}}, 10, {"ms", "0 … 60000", "-1"}},
    {"sleep_too_long", "sleep", {{"ms", "60000.5"}}, 10, {"ms", "60000.5"}},
    {"sleep_word", "sleep", {{"ms", "soon"}}, 10, {"ms", "'soon'", "number"}},
    {"sleep_overflow", "sleep", {{"ms", "1e999"}}, 10, {"ms", "'1e999'"}},
    {"sleep_nan", "sleep", {{"ms", "nan"}}, 10, {"ms", "'nan'"}},
    {"sleep_empty", "sleep", {{"ms", ""}}, 10, {"ms", "''"}},
    {"skewed_unknown", "skewed", {{"heavy", "1"}}, 10, {"'heavy'", "tail_factor"}},
    {"skewed_seed_overflow", "skewed", {{"seed", kU64Over}}, 10, {"seed", kU64Max, kU64Over}},
    {"skewed_seed_negative", "skewed", {{"seed", "-1"}}, 10, {"seed", "'-1'"}},
    {"skewed_base_zero", "skewed", {{"base_iterations", "0"}}, 10, {"base_iterations", "got 0"}},
    {"skewed_tail_big", "skewed", {{"tail", "1.5"}}, 10, {"tail", "0 … 1", "1.5"}},
    {"skewed_tail_negative", "skewed", {{"tail", "-0.1"}}, 10, {"tail", "-0.1"}},
    {"skewed_tail_word", "skewed", {{"tail", "lots"}}, 10, {"tail", "'lots'"}},
    {"skewed_factor_small", "skewed", {{"tail_factor", "0.5"}}, 10, {"tail_factor", "1 … 1000"}},
    {"skewed_factor_big", "skewed", {{"tail_factor", "1001"}}, 10, {"tail_factor", "1001"}},
#ifdef POOLSCOPE_HAVE_OPENCV
    {"blur_unknown", "blur", {{"ksize", "5"}}, 10, {"'ksize'", "sigma", "out_dir"}},
    {"blur_sigma_zero", "blur", {{"sigma", "0"}}, 10, {"sigma", "0.1 … 100", "got 0"}},
    {"blur_sigma_big", "blur", {{"sigma", "100.5"}}, 10, {"sigma", "100.5"}},
    {"blur_width_zero", "blur", {{"width", "0"}}, 10, {"width", "1 … 16384", "got 0"}},
    {"blur_height_big", "blur", {{"height", "16385"}}, 10, {"height", "16385"}},
    {"blur_width_word", "blur", {{"width", "wide"}}, 10, {"width", "'wide'"}},
    {"blur_width_overflow", "blur", {{"width", kU64Over}}, 10, {"width", kU64Over}},
    {"blur_output_unknown", "blur", {{"output", "png"}}, 10, {"output", "'png'", "keep"}},
    {"blur_out_dir_unused",
     "blur",
     {{"out_dir", "/"}},
     10,
     {"out_dir", "output=write", "output=checksum"}},
    {"blur_write_needs_out_dir", "blur", {{"output", "write"}}, 10, {"out_dir", "required"}},
#endif
};

class WorkloadRefusal : public ::testing::TestWithParam<Refusal> {};

TEST_P(WorkloadRefusal, NamesParameterValueAndRange) {
    const Refusal& r = GetParam();
    const std::string message = refusal(r.workload, r.given, r.size);
    ASSERT_FALSE(message.empty()) << "accepted";
    EXPECT_EQ(message.find('\n'), std::string::npos) << message;
    for (const auto& m : r.mentions) EXPECT_NE(message.find(m), std::string::npos) << message;
}

INSTANTIATE_TEST_SUITE_P(Table, WorkloadRefusal, ::testing::ValuesIn(kRefusals),
                         [](const auto& p) { return p.param.label; });

TEST(WorkloadParams, RegistryOrder) {
    std::vector<std::string> names;
    for (const auto& info : list_workloads()) names.push_back(info.name);
#ifdef POOLSCOPE_HAVE_OPENCV
    const std::vector<std::string> expected{"square", "cpu", "blur", "transfer", "sleep", "skewed"};
#else
    const std::vector<std::string> expected{"square", "cpu", "transfer", "sleep", "skewed"};
#endif
    EXPECT_EQ(names, expected);
}

TEST(WorkloadParams, DefaultsAndResolvedParamsAreAccepted) {
    for (const auto& info : list_workloads()) {
        SCOPED_TRACE(info.name);
        auto w = make_workload(info.name);
        ASSERT_EQ(w->configure(with_defaults(info, {}), 1000), std::nullopt);
        for (const auto& p : info.params) EXPECT_FALSE(p.range.empty()) << p.key;
        // A spawned worker rebuilds the workload from these alone (no defaults filled in);
        // they must give the same workload.
        const ParamMap resolved = w->resolved_params();
        auto again = make_workload(info.name);
        ASSERT_EQ(again->configure(resolved, 1000), std::nullopt);
        EXPECT_EQ(again->resolved_params(), resolved);
        EXPECT_EQ(again->input_bytes(), w->input_bytes());
        EXPECT_EQ(again->output_bytes(), w->output_bytes());
    }
}

TEST(WorkloadParams, DefaultSizesPerItem) {
    const std::pair<std::string, std::pair<uint64_t, uint64_t>> expected[] = {
        {"square", {8, 8}},
        {"cpu", {16, 8}},
        {"transfer", {8'000'000, 8'000'000}},  // 10000 x 100 float64, both ways
        {"sleep", {8, 8}},
        {"skewed", {16, 8}},
#ifdef POOLSCOPE_HAVE_OPENCV
        {"blur", {320 * 240 * 3, 8}},
#endif
    };
    for (const auto& [name, bytes] : expected) {
        SCOPED_TRACE(name);
        auto w = make_workload(name);
        ASSERT_TRUE(w);
        ASSERT_EQ(w->configure(with_defaults(w->info(), {}), 10), std::nullopt);
        EXPECT_EQ(w->input_bytes(), bytes.first);
        EXPECT_EQ(w->output_bytes(), bytes.second);
    }
}

TEST(WorkloadParams, EdgesOfRangesAreAccepted) {
    EXPECT_EQ(refusal("sleep", {{"ms", "0"}}), "");
    EXPECT_EQ(refusal("sleep", {{"ms", "0.25"}}), "");
    EXPECT_EQ(refusal("sleep", {{"ms", "60000"}}), "");
    EXPECT_EQ(refusal("skewed", {{"tail", "0"}, {"tail_factor", "1000"}}), "");
    EXPECT_EQ(refusal("skewed", {{"tail", "1"}, {"seed", kU64Max}}), "");
    // Exactly 1 GiB per item is allowed; one more row is not.
    EXPECT_EQ(refusal("transfer", {{"rows", "16384"}, {"cols", "8192"}}), "");
    EXPECT_NE(refusal("transfer", {{"rows", "16385"}, {"cols", "8192"}}), "");
}

#ifdef POOLSCOPE_HAVE_OPENCV
TEST(WorkloadParams, BlurKeepReturnsTheImage) {
    auto w = make_workload("blur");
    ASSERT_EQ(w->configure(with_defaults(w->info(), {{"output", "keep"}}), 10), std::nullopt);
    EXPECT_EQ(w->output_bytes(), w->input_bytes());
}

TEST(WorkloadParams, BlurFolderMustHoldAReadableImage) {
    ScratchDir dir;
    const std::string missing = dir.file("missing");
    std::string m = refusal("blur", {{"dir", missing}});
    EXPECT_NE(m.find("dir"), std::string::npos) << m;
    EXPECT_NE(m.find(missing), std::string::npos) << m;

    m = refusal("blur", {{"dir", dir.path()}});  // empty
    EXPECT_NE(m.find("'" + dir.path() + "'"), std::string::npos) << m;

    dir.write("notes.txt", "not an image");
    // A PNG signature with nothing behind it: recognised, but it cannot be decoded.
    dir.write("broken.png", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
    m = refusal("blur", {{"dir", dir.path()}});
    EXPECT_NE(m.find("'" + dir.path() + "'"), std::string::npos) << m;
    EXPECT_EQ(m.find('\n'), std::string::npos) << m;
}

TEST(WorkloadParams, BlurWriteNeedsAnExistingFolder) {
    ScratchDir dir;
    EXPECT_EQ(refusal("blur", {{"output", "write"}, {"out_dir", dir.path()}}), "");
    const std::string missing = dir.file("missing");
    std::string m = refusal("blur", {{"output", "write"}, {"out_dir", missing}});
    EXPECT_NE(m.find("out_dir"), std::string::npos) << m;
    EXPECT_NE(m.find(missing), std::string::npos) << m;
    const std::string file = dir.write("file", "x");
    m = refusal("blur", {{"output", "write"}, {"out_dir", file}});
    EXPECT_NE(m.find(file), std::string::npos) << m;
}
#endif

}  // namespace
}  // namespace poolscope
