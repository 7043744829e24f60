// Replays a fuzz target's committed inputs in an ordinary build: every file of its seed corpus
// and of its regressions folder (inputs that once crashed it) is one test case that runs the
// file through the target's LLVMFuzzerTestOneInput. Built once per target; the build supplies
// the target's name (POOLSCOPE_FUZZ_TARGET_NAME) and its list of files.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "fuzz/fuzz_target.h"

namespace poolscope::fuzz {
namespace {

namespace fs = std::filesystem;

struct Input {
    fs::path path;
    std::string name;  // folder and file name, as a gtest name: corpus_valid_ready

    friend void PrintTo(const Input& i, std::ostream* os) { *os << i.path; }
};

// The input files as the build listed them (fuzz_inputs.inc, one string literal a line), so
// the test cases CTest knows are always the files this program replays.
constexpr const char* kInputFiles[] = {
#include "fuzz_inputs.inc"
    nullptr};

std::vector<Input> committed_inputs() {
    std::vector<Input> out;
    for (const char* file : kInputFiles) {
        if (!file) break;
        const fs::path path = file;
        std::string name =
            path.parent_path().parent_path().filename().string() + "_" + path.filename().string();
        std::replace_if(
            name.begin(), name.end(), [](unsigned char c) { return !std::isalnum(c); }, '_');
        out.push_back({path, name});
    }
    return out;
}

std::vector<uint8_t> read_bytes(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

class Replay : public ::testing::TestWithParam<Input> {};

TEST_P(Replay, SurvivesTheTarget) {
    ASSERT_TRUE(fs::is_regular_file(GetParam().path)) << GetParam().path << ": rebuild to relist";
    const auto bytes = read_bytes(GetParam().path);
    ASSERT_EQ(bytes.size(), fs::file_size(GetParam().path)) << GetParam().path;
    EXPECT_EQ(LLVMFuzzerTestOneInput(bytes.data(), bytes.size()), 0);
    // A seed named valid-* must still be a well-formed input, or it no longer guides the fuzzer.
    if (GetParam().path.filename().string().starts_with("valid-")) {
        EXPECT_TRUE(accepts(bytes)) << GetParam().path << " is no longer accepted";
    }
}

INSTANTIATE_TEST_SUITE_P(Corpus, Replay, ::testing::ValuesIn(committed_inputs()),
                         [](const auto& p) { return p.param.name; });

TEST(FuzzCorpus, HasValidSeeds) {
    const auto inputs = committed_inputs();
    const auto valid = std::count_if(inputs.begin(), inputs.end(), [](const Input& i) {
        return i.path.filename().string().starts_with("valid-");
    });
    EXPECT_GE(valid, 2) << "the seed corpus of " << POOLSCOPE_FUZZ_TARGET_NAME
                        << " needs well-formed inputs to start from";
}

}  // namespace
}  // namespace poolscope::fuzz
