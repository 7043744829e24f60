// What each item computes: every workload is deterministic and writes every byte of its
// output; transfer returns 2x + 1; skewed costs rise along the index with heavy items; sleep
// sleeps; blur matches OpenCV called directly, writes PNG files, and reads folders.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#ifdef POOLSCOPE_HAVE_OPENCV
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#endif

#include "core/platform/shared_memory.h"
#include "core/workloads/cpu_workload.h"
#include "core/workloads/skewed_workload.h"
#include "core/workloads/transfer_workload.h"
#include "core/workloads/workload_registry.h"
#include "support/scratch_dir.h"
#include "support/small_workloads.h"

namespace poolscope {
namespace {

using test_support::configured;
using test_support::ScratchDir;
using test_support::small_params;
using Bytes = std::vector<std::byte>;

Bytes input_of(const Workload& w, uint64_t index) {
    Bytes in(w.input_bytes());
    w.read_input(index, in);
    return in;
}

// Runs item `index` over an output buffer pre-filled with `fill`.
Bytes output_of(Workload& w, uint64_t index, std::byte fill = std::byte{0}) {
    const Bytes in = input_of(w, index);
    Bytes out(w.output_bytes(), fill);
    const auto error = w.run_item(index, in, out);
    EXPECT_EQ(error, std::nullopt) << w.info().name << " item " << index << ": " << *error;
    return out;
}

uint64_t u64_at(const Bytes& b, std::size_t offset = 0) {
    uint64_t v;
    std::memcpy(&v, b.data() + offset, 8);
    return v;
}

TEST(WorkloadItems, DeterministicAndEveryOutputByteWritten) {
    constexpr uint64_t kSize = 20;
    for (const auto& info : list_workloads()) {
        SCOPED_TRACE(info.name);
        auto a = configured(info.name, small_params(info.name), kSize);
        auto b = configured(info.name, small_params(info.name), kSize);
        ASSERT_TRUE(a && b);
        a->prepare();
        a->enter_worker(1);
        b->enter_worker(1);  // b is not prepared, as a spawned worker may not be
        for (const uint64_t i : {uint64_t{0}, uint64_t{1}, kSize - 1}) {
            SCOPED_TRACE(i);
            EXPECT_EQ(input_of(*a, i), input_of(*a, i));
            const Bytes zeros = output_of(*a, i, std::byte{0x00});
            // A byte the item leaves alone keeps its fill, so the two runs would differ there.
            EXPECT_EQ(zeros, output_of(*a, i, std::byte{0xff}));
            const Bytes in = input_of(*a, i);
            Bytes out(b->output_bytes());
            ASSERT_EQ(b->run_item(i, in, out), std::nullopt);
            EXPECT_EQ(out, zeros);
            EXPECT_EQ(item_hash(i, out), item_hash(i, zeros));
        }
        EXPECT_NE(input_of(*a, 0), input_of(*a, 1));
    }
}

TEST(WorkloadItems, TransferReturnsTwoXPlusOne) {
    auto w = configured("transfer", {{"rows", "30"}, {"cols", "7"}}, 5);
    ASSERT_TRUE(w);
    EXPECT_EQ(w->prepared_bytes(), 5u * 30 * 7 * 8);
    w->prepare();
    for (uint64_t i = 0; i < 5; ++i) {
        const Bytes in = input_of(*w, i);
        const Bytes out = output_of(*w, i);
        for (uint64_t k = 0; k < 30 * 7; ++k) {
            double x;
            double y;
            std::memcpy(&x, in.data() + k * 8, 8);
            std::memcpy(&y, out.data() + k * 8, 8);
            ASSERT_EQ(x, TransferWorkload::input_value(i, k)) << i << "," << k;
            ASSERT_EQ(y, 2 * x + 1) << i << "," << k;
        }
    }
}

TEST(WorkloadItems, TransferInSharedMemoryIsTheSegmentAndReadsInPlace) {
    auto heap = configured("transfer", {{"rows", "10"}, {"cols", "10"}}, 3);
    auto shared = configured("transfer", {{"rows", "10"}, {"cols", "10"}}, 3);
    ASSERT_TRUE(heap && shared);
    shared->build_input_in_shared_memory(true);
    heap->prepare();
    shared->prepare();
    EXPECT_EQ(heap->shared_input(), nullptr);
    const SharedMemory* m = shared->shared_input();
    ASSERT_NE(m, nullptr);
    // Laid out as the run's segment: every input, then room for every output.
    EXPECT_EQ(m->size(), 3 * (shared->input_bytes() + shared->output_bytes()));
    for (uint64_t i = 0; i < 3; ++i) {
        const Bytes in = input_of(*heap, i);
        EXPECT_EQ(input_of(*shared, i), in) << i;
        const std::span<std::byte> place = m->bytes().subspan(i * in.size(), in.size());
        EXPECT_TRUE(std::equal(in.begin(), in.end(), place.begin())) << i;
        shared->read_input(i, place);  // dst is where the input lives: nothing to copy
        EXPECT_TRUE(std::equal(in.begin(), in.end(), place.begin())) << i;
    }
}

TEST(WorkloadItems, CpuTableIsBuiltOncePerWorkerAndLeavesResultsAlone) {
    auto plain = configured("cpu", {{"iterations", "100"}}, 2);
    auto tabled = configured("cpu", {{"iterations", "100"}, {"table_mb", "8"}}, 2);
    ASSERT_TRUE(plain && tabled);
    EXPECT_EQ(tabled->resolved_params().at("table_mb"), "8");
    const auto rss_kib = [] {
        std::ifstream status("/proc/self/status");
        std::string line;
        while (std::getline(status, line))
            if (line.rfind("VmRSS:", 0) == 0) return std::stoul(line.substr(6));
        return 0ul;
    };
    const unsigned long before = rss_kib();
    tabled->enter_worker(1);
    EXPECT_GE(rss_kib() - before, 7ul * 1024) << "the table's pages are resident";
    for (uint64_t i = 0; i < 2; ++i) EXPECT_EQ(output_of(*tabled, i), output_of(*plain, i));
}

TEST(WorkloadItems, CpuSecondArgumentTravelsWithEveryItemAndIsRead) {
    auto plain = configured("cpu", {{"iterations", "100"}}, 2);
    auto tupled = configured("cpu", {{"iterations", "100"}, {"arg_kb", "4"}}, 2);
    ASSERT_TRUE(plain && tupled);
    EXPECT_EQ(tupled->input_bytes(), plain->input_bytes() + 4096);
    // The same table in every item's tuple.
    const Bytes a = input_of(*tupled, 0), b = input_of(*tupled, 1);
    EXPECT_TRUE(std::equal(a.begin() + 16, a.end(), b.begin() + 16));
    // The item reads it: a changed table changes the result.
    Bytes changed = a;
    changed.back() ^= std::byte{1};
    Bytes out(8), again(8);
    ASSERT_EQ(tupled->run_item(0, a, out), std::nullopt);
    ASSERT_EQ(tupled->run_item(0, changed, again), std::nullopt);
    EXPECT_NE(out, again);
}

TEST(WorkloadItems, SkewedCostsRiseAndHaveAHeavyTail) {
    constexpr uint64_t kSize = 1000;
    auto w = configured("skewed", {}, kSize);
    ASSERT_TRUE(w);
    const auto& skewed = static_cast<const SkewedWorkload&>(*w);
    uint64_t heavy = 0;
    uint64_t last_light = 0;
    for (uint64_t i = 0; i < kSize; ++i) {
        const uint64_t light = 2000 * (kSize + 3 * i) / kSize;  // base * (1 + 3i/n)
        const uint64_t cost = skewed.iterations_for(i);
        if (skewed.is_heavy(i)) {
            ++heavy;
            EXPECT_NEAR(static_cast<double>(cost), 20.0 * static_cast<double>(light), 20.0);
        } else {
            EXPECT_NEAR(static_cast<double>(cost), static_cast<double>(light), 1.0);
            EXPECT_GE(cost, last_light);
            last_light = cost;
        }
    }
    // About 2 % of 1000; a seeded choice, so this count never changes between runs.
    EXPECT_GE(heavy, 8u);
    EXPECT_LE(heavy, 40u);
    EXPECT_GT(last_light, 3 * 2000u);  // the last items cost about four times the first

    // The item runs the cpu loop for its own cost.
    const Bytes in = input_of(*w, 7);
    EXPECT_EQ(u64_at(in), 7u);
    EXPECT_EQ(u64_at(in, 8), skewed.iterations_for(7));
    EXPECT_EQ(u64_at(output_of(*w, 7)), CpuWorkload::sum_of_squares(7, skewed.iterations_for(7)));
}

TEST(WorkloadItems, SkewedSeedAndTailDecideTheHeavyItems) {
    auto none = configured("skewed", {{"tail", "0"}}, 500);
    auto all = configured("skewed", {{"tail", "1"}}, 500);
    auto one = configured("skewed", {{"seed", "1"}}, 500);
    auto two = configured("skewed", {{"seed", "2"}}, 500);
    ASSERT_TRUE(none && all && one && two);
    int differ = 0;
    for (uint64_t i = 0; i < 500; ++i) {
        EXPECT_FALSE(static_cast<SkewedWorkload&>(*none).is_heavy(i));
        EXPECT_TRUE(static_cast<SkewedWorkload&>(*all).is_heavy(i));
        differ += static_cast<SkewedWorkload&>(*one).is_heavy(i) !=
                  static_cast<SkewedWorkload&>(*two).is_heavy(i);
    }
    EXPECT_GT(differ, 0);
}

TEST(WorkloadItems, SleepTakesItsTime) {
    auto w = configured("sleep", {{"ms", "5.5"}}, 3);
    ASSERT_TRUE(w);
    const auto t0 = std::chrono::steady_clock::now();
    const Bytes out = output_of(*w, 2);
    EXPECT_GE(std::chrono::steady_clock::now() - t0, std::chrono::microseconds(5500));
    EXPECT_EQ(u64_at(out), 2u);
}

TEST(WorkloadItems, SleepFirstMsMakesItemZeroAStraggler) {
    auto w = configured("sleep", {{"ms", "0"}, {"first_ms", "30"}}, 3);
    ASSERT_TRUE(w);
    const auto t0 = std::chrono::steady_clock::now();
    output_of(*w, 1);
    const auto t1 = std::chrono::steady_clock::now();
    output_of(*w, 0);
    const auto t2 = std::chrono::steady_clock::now();
    EXPECT_GE(t2 - t1, std::chrono::milliseconds(30));
    EXPECT_LT(t1 - t0, t2 - t1);
}

TEST(WorkloadItems, SleepCleanForkHelperExits) {
    auto w = configured("sleep", {{"ms", "0"}, {"fork", "clean"}}, 2);
    ASSERT_TRUE(w);
    EXPECT_EQ(u64_at(output_of(*w, 1)), 1u);
}

#ifdef POOLSCOPE_HAVE_OPENCV
const ParamMap kSmall{{"width", "64"}, {"height", "48"}};

ParamMap small_with(const std::string& key, const std::string& value) {
    ParamMap p = kSmall;
    p[key] = value;
    return p;
}

cv::Mat as_image(const Bytes& b, int width = 64, int height = 48) {
    return cv::Mat(height, width, CV_8UC3, const_cast<std::byte*>(b.data())).clone();
}

bool same_pixels(const cv::Mat& a, const cv::Mat& b) {
    return a.size() == b.size() && a.type() == b.type() && cv::norm(a, b, cv::NORM_INF) == 0;
}

TEST(WorkloadItems, BlurKeepMatchesOpenCvCalledDirectly) {
    auto w = configured("blur", small_with("output", "keep"), 4);
    auto soft = configured(
        "blur",
        [] {
            ParamMap p = small_with("output", "keep");
            p["sigma"] = "2";
            return p;
        }(),
        4);
    ASSERT_TRUE(w && soft);
    w->prepare();
    w->enter_worker(1);
    soft->enter_worker(1);
    for (uint64_t i = 0; i < 4; ++i) {
        const Bytes in = input_of(*w, i);
        const Bytes out = output_of(*w, i);
        EXPECT_NE(out, in);
        cv::Mat expected;
        cv::GaussianBlur(as_image(in), expected, cv::Size(), 10);
        EXPECT_TRUE(same_pixels(as_image(out), expected)) << i;
        EXPECT_NE(output_of(*soft, i), out) << "sigma is ignored";
    }
}

TEST(WorkloadItems, BlurLoadedInTheWorkerGivesTheSameImagesFromItemNumbers) {
    auto parent = configured("blur", small_with("output", "keep"), 3);
    ParamMap p = small_with("output", "keep");
    p["load"] = "worker";
    auto worker = configured("blur", p, 3);
    ASSERT_TRUE(parent && worker);
    parent->prepare();
    worker->prepare();
    EXPECT_EQ(worker->input_bytes(), 8u);  // the item's number stands for its file name
    EXPECT_EQ(worker->prepared_bytes(), 0u);
    EXPECT_EQ(u64_at(input_of(*worker, 2)), 2u);
    for (uint64_t i = 0; i < 3; ++i) EXPECT_EQ(output_of(*worker, i), output_of(*parent, i)) << i;
}

TEST(WorkloadItems, BlurChecksumIsTheHashOfTheBlurredImage) {
    auto keep = configured("blur", small_with("output", "keep"), 3);
    auto sum = configured("blur", kSmall, 3);
    ASSERT_TRUE(keep && sum);
    keep->prepare();
    sum->prepare();
    for (uint64_t i = 0; i < 3; ++i)
        EXPECT_EQ(u64_at(output_of(*sum, i)), item_hash(i, output_of(*keep, i))) << i;
}

TEST(WorkloadItems, BlurWriteSavesOnePngPerItem) {
    ScratchDir out;
    ParamMap p = small_with("output", "write");
    p["out_dir"] = out.path();
    auto w = configured("blur", p, 3);
    auto keep = configured("blur", small_with("output", "keep"), 3);
    ASSERT_TRUE(w && keep);
    w->prepare();
    keep->prepare();
    for (uint64_t i = 0; i < 3; ++i) {
        const uint64_t hash = u64_at(output_of(*w, i));
        const Bytes blurred = output_of(*keep, i);
        EXPECT_EQ(hash, item_hash(i, blurred));
        const cv::Mat saved = cv::imread(out.file("item_" + std::to_string(i) + ".png"));
        EXPECT_TRUE(same_pixels(saved, as_image(blurred))) << i;  // PNG is lossless
    }
    EXPECT_FALSE(std::filesystem::exists(out.file("item_3.png")));
}

TEST(WorkloadItems, BlurFolderImagesAreSortedResizedAndReused) {
    ScratchDir dir;
    // Solid images stay solid through any resize, so the check does not depend on the filter.
    cv::imwrite(dir.file("b.png"), cv::Mat(40, 50, CV_8UC1, cv::Scalar(77)));  // grey, enlarged
    cv::imwrite(dir.file("a.png"), cv::Mat(90, 120, CV_8UC3, cv::Scalar(10, 20, 30)));
    dir.write("notes.txt", "not an image");
    dir.write("c_broken.png", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
    auto w = configured("blur", {{"dir", dir.path()}, {"width", "32"}, {"height", "24"}}, 6);
    ASSERT_TRUE(w);
    w->prepare();
    EXPECT_EQ(w->input_bytes(), 32u * 24 * 3);
    const cv::Mat a(24, 32, CV_8UC3, cv::Scalar(10, 20, 30));
    const cv::Mat b(24, 32, CV_8UC3, cv::Scalar(77, 77, 77));
    // The broken file is dropped when decoding fails, so items alternate between a and b.
    for (uint64_t i = 0; i < 6; ++i)
        EXPECT_TRUE(same_pixels(as_image(input_of(*w, i), 32, 24), i % 2 == 0 ? a : b)) << i;

    // A run of one item needs only the first image.
    auto one = configured("blur", {{"dir", dir.path()}, {"width", "32"}, {"height", "24"}}, 1);
    ASSERT_TRUE(one);
    EXPECT_EQ(one->prepared_bytes(), 32u * 24 * 3);
}
#endif

}  // namespace
}  // namespace poolscope
