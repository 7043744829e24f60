#include "core/workloads/opencv/blur_workload.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>
#include <stdexcept>

#include "core/workloads/double_text.h"
#include "core/workloads/opencv/image_codecs.h"

namespace poolscope {

namespace {

// 16384² × 3 bytes = 768 MiB: an item always stays under the 1 GiB frame limit.
constexpr uint64_t kMaxSide = 16384;

// Debian 12's OpenCV 4.6 runs its parallel code on TBB. With the default thread count (one
// per core) the first parallel call (cv::resize enlarging an image, cv::GaussianBlur) starts
// TBB worker threads in the calling process, and they stay. The engine forks its workers, so it
// must never hold a second thread: OpenCV is told to use only the calling thread before any
// image is touched. setNumThreads(1) itself starts no thread (nor do cv::imread and
// cv::haveImageReader; all checked on Debian 12), and workers set their own count in
// enter_worker().
void keep_opencv_on_this_thread() {
    cv::setNumThreads(1);
}

std::string param_or_empty(const ParamMap& params, const std::string& key) {
    const auto it = params.find(key);
    return it == params.end() ? std::string() : it->second;
}

}  // namespace

const WorkloadInfo& BlurWorkload::info() const {
    static const WorkloadInfo kInfo{
        "blur",
        "OpenCV GaussianBlur on 8-bit 3-channel images, synthetic or from a folder",
        {{"sigma", "10", "0.1 … 100", "Gaussian standard deviation in pixels", true},
         {"width", "320", "1 … 16384", "image width in pixels (folder images are resized)"},
         {"height", "240", "1 … 16384", "image height in pixels (folder images are resized)"},
         {"dir", "", "folder",
          "images to read, sorted by name; item i uses image i mod count (none: synthetic)"},
         {"output", "checksum", "checksum|keep|write",
          "result per item: a 64-bit hash, the blurred image, or a hash and out_dir/item_<i>.png"},
         {"out_dir", "", "writable folder", "where output=write saves its PNG files"},
         {"load", "parent", "parent|worker",
          "who makes or reads the images: the engine before the run, each task carrying its "
          "images (parent), or each worker for its own items, tasks carrying item numbers only "
          "(worker)"}}};
    return kInfo;
}

std::optional<std::string> BlurWorkload::configure(const ParamMap& params, uint64_t size) {
    if (auto e = check_known_params(info(), params)) return e;
    if (auto e = param_double(params, "sigma", 0.1, 100, sigma_)) return e;
    uint64_t width = 0;
    uint64_t height = 0;
    if (auto e = param_u64(params, "width", 1, kMaxSide, width)) return e;
    if (auto e = param_u64(params, "height", 1, kMaxSide, height)) return e;
    width_ = static_cast<int>(width);
    height_ = static_cast<int>(height);
    if (auto e = configure_output(params)) return e;
    const std::string load = param_or_empty(params, "load");
    if (load != "parent" && load != "worker")
        return "parameter load must be one of parent, worker; got '" + load + "'";
    worker_loads_ = load == "worker";
    if (auto e = configure_folder(params)) return e;
    size_ = size;
    uint64_t total = 0;
    if (__builtin_mul_overflow(image_count(), image_bytes(), &total))
        return "blur of " + std::to_string(size) + " images of " + std::to_string(width) + "x" +
               std::to_string(height) + " pixels needs more than 2^64 bytes";
    images_ = BlurImages{};
    return std::nullopt;
}

std::optional<std::string> BlurWorkload::configure_output(const ParamMap& params) {
    const std::string output = param_or_empty(params, "output");
    if (output == "checksum") {
        output_ = Output::checksum;
    } else if (output == "keep") {
        output_ = Output::keep;
    } else if (output == "write") {
        output_ = Output::write;
    } else {
        return "parameter output must be one of checksum, keep, write; got '" + output + "'";
    }
    out_dir_ = param_or_empty(params, "out_dir");
    if (output_ != Output::write) {
        if (out_dir_.empty()) return std::nullopt;
        return "parameter out_dir is only used with output=write; got out_dir '" + out_dir_ +
               "' with output=" + output;
    }
    if (out_dir_.empty())
        return "parameter out_dir is required with output=write (an existing writable folder)";
    std::error_code ec;
    if (!std::filesystem::is_directory(out_dir_, ec))
        return "parameter out_dir must be an existing writable folder; got '" + out_dir_ + "'";
    if (faccessat(AT_FDCWD, out_dir_.c_str(), W_OK | X_OK, AT_EACCESS) != 0)
        return "parameter out_dir must be a writable folder; got '" + out_dir_ + "' (" +
               std::strerror(errno) + ")";
    // Loaded here, before any fork or thread: the workers inherit it.
    if (auto e = image_codecs::load()) return "output=write: " + *e;
    return std::nullopt;
}

std::optional<std::string> BlurWorkload::configure_folder(const ParamMap& params) {
    dir_ = param_or_empty(params, "dir");
    files_.clear();
    if (dir_.empty()) return std::nullopt;
    std::error_code ec;
    if (!std::filesystem::is_directory(dir_, ec))
        return "parameter dir must be an existing folder; got '" + dir_ + "'";
    keep_opencv_on_this_thread();
    if (auto e = image_codecs::load()) return "parameter dir: " + *e;
    files_ = list_image_files(dir_);
    // Decode until one file succeeds: a folder with no readable image is refused here, before
    // any process starts, at the cost of one decode. prepare() drops any later file that fails.
    while (!files_.empty() && !can_decode(files_.front())) files_.erase(files_.begin());
    if (files_.empty())
        return "parameter dir: folder '" + dir_ + "' holds no image file OpenCV can read";
    return std::nullopt;
}

ParamMap BlurWorkload::resolved_params() const {
    static const char* const kOutputs[] = {"checksum", "keep", "write"};
    ParamMap out{{"sigma", double_text(sigma_)},
                 {"width", std::to_string(width_)},
                 {"height", std::to_string(height_)},
                 {"output", kOutputs[static_cast<int>(output_)]},
                 {"load", worker_loads_ ? "worker" : "parent"}};
    if (!dir_.empty()) out["dir"] = dir_;
    if (!out_dir_.empty()) out["out_dir"] = out_dir_;
    return out;
}

void BlurWorkload::prepare() {
    keep_opencv_on_this_thread();
    if (worker_loads_) return;  // the engine holds no image
    if (dir_.empty())
        images_.make_synthetic(size_, width_, height_);
    else
        images_.load(files_, size_, width_, height_);
}

uint64_t BlurWorkload::prepared_bytes() const {
    return worker_loads_ ? 0 : image_count() * image_bytes();
}

void BlurWorkload::read_input(uint64_t index, std::span<std::byte> dst) const {
    if (worker_loads_) {  // the item's number stands for its file name
        std::memcpy(dst.data(), &index, 8);
        return;
    }
    if (dir_.empty()) {
        if (index < images_.count())
            std::memcpy(dst.data(), images_.image(index).data(), dst.size());
        else
            BlurImages::fill_synthetic(index, dst);  // not prepared: the same pixels, made now
        return;
    }
    // Only when the folder changed between configure() and prepare(), or prepare() never ran.
    if (images_.count() == 0)
        throw std::runtime_error("blur: no image of folder '" + dir_ + "' has been loaded");
    std::memcpy(dst.data(), images_.image(index % images_.count()).data(), dst.size());
}

void BlurWorkload::enter_worker(int lib_threads) {
    cv::setNumThreads(lib_threads);
}

std::string BlurWorkload::output_path(uint64_t index) const {
    return (std::filesystem::path(out_dir_) / ("item_" + std::to_string(index) + ".png")).string();
}

std::optional<std::string> BlurWorkload::load_in_worker(uint64_t index,
                                                        std::vector<std::byte>& image) const {
    image.resize(image_bytes());
    if (dir_.empty()) {
        BlurImages::fill_synthetic(index, image);
        return std::nullopt;
    }
    const std::string& file = files_[index % image_count()];
    if (!load_image(file, width_, height_, image))
        return "blur of item " + std::to_string(index) + ": cannot read image '" + file + "'";
    return std::nullopt;
}

std::optional<std::string> BlurWorkload::run_item(uint64_t index, std::span<const std::byte> in,
                                                  std::span<std::byte> out) {
    if (!worker_loads_) return blur_item(index, in, out);
    // The threads backend runs items concurrently: each thread its own buffer, kept for the
    // next item as a program reuses its image buffer.
    thread_local std::vector<std::byte> image;
    if (auto e = load_in_worker(index, image)) return e;
    return blur_item(index, image, out);
}

std::optional<std::string> BlurWorkload::blur_item(uint64_t index, std::span<const std::byte> in,
                                                   std::span<std::byte> out) const {
    if (output_ != Output::keep) {
        uint64_t hash = 0;
        if (auto e = blur_to_hash(index, in, hash)) return e;
        std::memcpy(out.data(), &hash, 8);
        return std::nullopt;
    }
    try {
        // GaussianBlur only reads src; dst wraps the output span, so the result lands in place.
        const cv::Mat src(height_, width_, CV_8UC3, const_cast<std::byte*>(in.data()));
        cv::Mat dst(height_, width_, CV_8UC3, out.data());
        cv::GaussianBlur(src, dst, cv::Size(), sigma_);
        if (dst.data != reinterpret_cast<uchar*>(out.data()))
            std::memcpy(out.data(), dst.data, out.size());
    } catch (const cv::Exception& e) {
        return std::string("GaussianBlur failed: ") + e.what();
    }
    return std::nullopt;
}

// The result is item_hash of the blurred pixels: the hash the same item's keep-mode result
// would get, so a checksum-mode output can be checked against a keep-mode run.
std::optional<std::string> BlurWorkload::blur_to_hash(uint64_t index, std::span<const std::byte> in,
                                                      uint64_t& hash) const {
    try {
        const cv::Mat src(height_, width_, CV_8UC3, const_cast<std::byte*>(in.data()));
        cv::Mat dst;  // local, not a member: the threads backend runs items concurrently
        cv::GaussianBlur(src, dst, cv::Size(), sigma_);
        hash = item_hash(index, {reinterpret_cast<const std::byte*>(dst.data), image_bytes()});
        if (output_ == Output::write && !image_codecs::write(output_path(index), dst))
            return "could not write " + output_path(index);
    } catch (const cv::Exception& e) {
        return std::string("blur of item ") + std::to_string(index) + " failed: " + e.what();
    }
    return std::nullopt;
}

}  // namespace poolscope
