// The python backend's forkserver start method (multiprocessing's own), refused with exit 2
// for every other backend; and blur's folder (dir=), output=write and load=worker in the Python
// peer: the same images read and resized, the same checksum and the same PNG files, byte for
// byte, as the native engine's.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "support/process_hygiene.h"
#include "support/scratch_dir.h"

#ifdef POOLSCOPE_HAVE_OPENCV
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#endif

using namespace poolscope::test;
using nlohmann::json;
using poolscope::test_support::ScratchDir;

namespace {

// `run ARGS --json` that must succeed: its result document.
json run_json(std::vector<std::string> args) {
    args.insert(args.begin(), "run");
    args.insert(args.end(), {"--sample-ms", "0", "--json"});
    const CliResult r = run_cli(args);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    const json j = json::parse(r.out, nullptr, false);
    return j.is_discarded() ? json::object() : j;
}

std::string checksum_of(const json& j) {
    return j.value("checksum", "missing");
}

}  // namespace

class PythonStartAndBlur : public ProcessHygiene {};

TEST_F(PythonStartAndBlur, ForkserverRunsMatchTheNativeEngine) {
    const std::vector<std::string> base{"--workload", "cpu", "--param",   "iterations=200",
                                        "--size",     "300", "--workers", "2"};
    const json native = run_json(base);
    for (const std::vector<std::string>& extra :
         {std::vector<std::string>{"--dispatch", "imap", "--chunksize", "7"},
          std::vector<std::string>{"--transport", "shm", "--pool", "warm"}}) {
        std::vector<std::string> args = base;
        args.insert(args.end(), {"--backend", "python", "--start", "forkserver"});
        args.insert(args.end(), extra.begin(), extra.end());
        const json py = run_json(args);
        SCOPED_TRACE(py.value("label", "?"));
        EXPECT_EQ(py["config"]["start"], "forkserver");
        EXPECT_FALSE(py.value("partial", true));
        EXPECT_EQ(py["errors"].size(), 0u) << py["errors"].dump();
        EXPECT_EQ(checksum_of(py), checksum_of(native));
        // Every worker came from the forkserver and was reported ready and exited.
        int exited = 0;
        for (const auto& w : py["worker_records"]) exited += w.value("state", "") == "exited";
        EXPECT_EQ(exited, 2) << py["worker_records"].dump();
    }
}

TEST_F(PythonStartAndBlur, ForkserverIsRefusedWithExit2WhereItMeansNothing) {
    for (const std::string backend : {"processes", "threads", "python-threads", "serial", "mpi"}) {
        const CliResult r = run_cli({"run", "--workload", "square", "--size", "10", "--backend",
                                     backend, "--start", "forkserver"});
        EXPECT_EQ(r.exit_code, 2) << backend << ": " << r.err;
        EXPECT_NE(r.err.find("--start forkserver needs --backend python"), std::string::npos)
            << r.err;
    }
    const CliResult typo = run_cli({"run", "--backend", "python", "--start", "forkserve"});
    EXPECT_EQ(typo.exit_code, 2);
    EXPECT_NE(typo.err.find("forkserver"), std::string::npos) << "the allowed values: " << typo.err;
}

#ifdef POOLSCOPE_HAVE_OPENCV
namespace {

void random_image(const std::string& path, int w, int h, int seed) {
    cv::Mat m(h, w, CV_8UC3);
    cv::RNG rng(static_cast<uint64_t>(seed));
    rng.fill(m, cv::RNG::UNIFORM, 0, 256);
    ASSERT_TRUE(cv::imwrite(path, m)) << path;
}

// A PNG signature (so it is listed as an image) and a body no decoder accepts.
void broken_png(const std::string& path) {
    std::ofstream(path, std::ios::binary) << "\x89PNG\r\n\x1a\n" << std::string(64, 'x');
}

// Images larger (shrunk with INTER_AREA) and smaller (enlarged) than 64×48, a JPEG among PNGs.
void image_folder(const std::string& dir, bool with_late_broken) {
    std::filesystem::create_directories(dir);
    broken_png(dir + "/0_broken.png");  // first by name: the folder's check skips it
    random_image(dir + "/a.png", 200, 150, 1);
    random_image(dir + "/b.jpg", 40, 30, 2);
    if (with_late_broken) broken_png(dir + "/c_broken.png");  // dropped when the images load
    random_image(dir + "/d.png", 64, 48, 3);
}

std::vector<std::string> blur_args(const std::string& dir, const std::string& extra) {
    std::vector<std::string> a{"--workload", "blur",     "--param",     "dir=" + dir,
                               "--param",    "width=64", "--param",     "height=48",
                               "--param",    "sigma=2",  "--size",      "10",
                               "--workers",  "2",        "--chunksize", "3"};
    if (!extra.empty()) a.insert(a.end(), {"--param", extra});
    return a;
}

std::vector<std::string> with(std::vector<std::string> a, const std::vector<std::string>& more) {
    a.insert(a.end(), more.begin(), more.end());
    return a;
}

}  // namespace

TEST_F(PythonStartAndBlur, BlurFromAFolderGivesTheNativeChecksumWhoeverLoadsTheImages) {
    ScratchDir scratch;
    const std::string mixed = scratch.file("mixed"), clean = scratch.file("clean");
    image_folder(mixed, true);
    image_folder(clean, false);
    const auto parent = blur_args(mixed, "");
    const std::string native = checksum_of(run_json(parent));
    EXPECT_EQ(checksum_of(run_json(with(parent, {"--backend", "python"}))), native);
    EXPECT_EQ(checksum_of(run_json(with(parent, {"--backend", "python-threads"}))), native);
    // load=worker: tasks carry item numbers, each worker reads its own files.
    const auto worker = blur_args(clean, "load=worker");
    const std::string native_worker = checksum_of(run_json(worker));
    EXPECT_EQ(checksum_of(run_json(with(worker, {"--backend", "python"}))), native_worker);
    EXPECT_EQ(checksum_of(run_json(with(worker, {"--backend", "python", "--start", "spawn"}))),
              native_worker);
}

TEST_F(PythonStartAndBlur, OutputWriteSavesTheSamePngFilesAsTheNativeEngine) {
    ScratchDir scratch;
    const std::string images = scratch.file("images");
    image_folder(images, false);
    std::map<std::string, std::string> sums;
    for (const std::string backend : {"processes", "python"}) {
        const std::string out = scratch.file("out-" + backend);
        std::filesystem::create_directories(out);
        sums[backend] = checksum_of(run_json(with(
            blur_args(images, "output=write"), {"--param", "out_dir=" + out, "--backend", backend,
                                                "--dispatch", "apply_async", "--chunksize", "1"})));
    }
    EXPECT_EQ(sums["python"], sums["processes"]);
    std::set<std::string> names;
    for (const auto& e : std::filesystem::directory_iterator(scratch.file("out-processes")))
        names.insert(e.path().filename().string());
    ASSERT_EQ(names.size(), 10u) << "item_0.png … item_9.png";
    for (const auto& name : names) {
        const auto read = [&](const std::string& backend) {
            std::ifstream f(scratch.file("out-" + backend) + "/" + name, std::ios::binary);
            return std::string(std::istreambuf_iterator<char>(f), {});
        };
        const std::string native = read("processes");
        EXPECT_FALSE(native.empty()) << name;
        EXPECT_EQ(read("python"), native) << name << " differs";
    }
    // A folder that cannot be written to is refused before any process starts, for both.
    const CliResult bad = run_cli(with(
        {"run"}, with(blur_args(images, "output=write"),
                      {"--param", "out_dir=" + scratch.file("missing"), "--backend", "python"})));
    EXPECT_EQ(bad.exit_code, 2) << bad.err;
    EXPECT_NE(bad.err.find("out_dir"), std::string::npos) << bad.err;
}
#endif
