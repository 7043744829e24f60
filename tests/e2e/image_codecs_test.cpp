// OpenCV's image codecs are loaded on first use (core/workloads/opencv/image_codecs.h), not
// linked: poolscope-cli maps none of their libraries until a blur writes or reads image files,
// and then writes and reads them as it did when they were linked — the PNG files a run writes
// read back with the same checksum by every backend and start method, in the engine (a folder
// read before the fork) and in spawned workers (load=worker).
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "support/scratch_dir.h"
#include "support/shell_run.h"

namespace poolscope::test {
namespace {

#ifdef POOLSCOPE_HAVE_OPENCV

std::string checksum_of(const std::string& args) {
    const CliResult r = run_shell("\"$CLI\" run --workload blur " + args +
                                  " --param width=64 --param height=48 --size 6 --workers 2"
                                  " --sample-ms 0 --json");
    EXPECT_EQ(r.exit_code, 0) << args << "\n" << r.err;
    if (r.exit_code != 0) return {};
    const auto doc = nlohmann::json::parse(r.out);
    EXPECT_TRUE(doc["errors"].empty()) << args << "\n" << doc["errors"].dump();
    EXPECT_EQ(doc["checksum_items"], 6) << args;
    return doc["checksum"].dump();
}

TEST(ImageCodecs, TheCliDoesNotLinkThem) {
    const CliResult r = run_shell("ldd \"$CLI\"");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out.find("imgcodecs"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("libopencv_imgproc"), std::string::npos) << r.out;
}

TEST(ImageCodecs, FilesWrittenByOneRunReadBackAlikeEverywhere) {
    test_support::ScratchDir scratch;
    const std::string dir = scratch.file("images");
    std::filesystem::create_directories(dir);
    EXPECT_FALSE(checksum_of("--param output=write --param out_dir=" + shell_quote(dir)).empty());
    std::size_t files = 0;
    for (const auto& e : std::filesystem::directory_iterator(dir))
        files += e.path().extension() == ".png" ? 1 : 0;
    EXPECT_EQ(files, 6u);
    const std::string folder = "--param dir=" + shell_quote(dir);
    const std::string forked = checksum_of(folder);
    EXPECT_FALSE(forked.empty());
    EXPECT_EQ(checksum_of(folder + " --backend threads"), forked);
    EXPECT_EQ(checksum_of(folder + " --backend serial"), forked);
    EXPECT_EQ(checksum_of(folder + " --param load=worker --start spawn"), forked);
}

TEST(ImageCodecs, AFolderWithoutImagesIsRefusedBeforeAnyProcessStarts) {
    test_support::ScratchDir scratch;
    scratch.write("notes.txt", "not an image\n");
    const CliResult r =
        run_shell("\"$CLI\" run --workload blur --param dir=" + shell_quote(scratch.path()) +
                  " --size 2 --workers 2");
    EXPECT_EQ(r.exit_code, 2) << r.err;
    EXPECT_NE(r.err.find("holds no image file OpenCV can read"), std::string::npos) << r.err;
}

#else
TEST(ImageCodecs, NeedOpenCv) {
    GTEST_SKIP() << "built without OpenCV";
}
#endif

}  // namespace
}  // namespace poolscope::test
