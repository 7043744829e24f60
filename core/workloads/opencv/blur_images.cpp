#include "core/workloads/opencv/blur_images.h"

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <opencv2/imgcodecs.hpp>  // IMREAD_COLOR; the functions come from image_codecs.h
#include <opencv2/imgproc.hpp>
#include <system_error>

#include "core/workloads/opencv/image_codecs.h"
#include "core/workloads/splitmix.h"

namespace poolscope {

void BlurImages::allocate(uint64_t count, int width, int height) {
    image_bytes_ = static_cast<uint64_t>(width) * static_cast<uint64_t>(height) * 3;
    // No value-initialisation: every byte is written by the caller.
    pixels_ = std::make_unique_for_overwrite<std::byte[]>(count * image_bytes_);
    count_ = 0;
}

void BlurImages::make_synthetic(uint64_t count, int width, int height) {
    allocate(count, width, height);
    for (uint64_t i = 0; i < count; ++i)
        fill_synthetic(i, {pixels_.get() + i * image_bytes_, image_bytes_});
    count_ = count;
}

void BlurImages::load(const std::vector<std::string>& files, uint64_t limit, int width,
                      int height) {
    const uint64_t slots = std::min<uint64_t>(files.size(), limit);
    allocate(slots, width, height);
    for (std::size_t f = 0; f < files.size() && count_ < slots; ++f) {
        const std::span<std::byte> slot{pixels_.get() + count_ * image_bytes_, image_bytes_};
        if (load_image(files[f], width, height, slot)) ++count_;
    }
}

std::span<const std::byte> BlurImages::image(uint64_t i) const {
    return {pixels_.get() + i * image_bytes_, image_bytes_};
}

// Our own generator rather than cv::randu: the pixels, and so every checksum, stay the same
// whatever OpenCV version is installed, and image synthesis never enters OpenCV's parallel
// code, which could start threads in the engine.
void BlurImages::fill_synthetic(uint64_t index, std::span<std::byte> dst) {
    uint64_t state = index * 0x2545f4914f6cdd1dULL + 0x5bd1e995ULL;
    std::size_t i = 0;
    for (; i + 8 <= dst.size(); i += 8) {
        const uint64_t word = splitmix64(state);
        std::memcpy(dst.data() + i, &word, 8);
    }
    const uint64_t word = splitmix64(state);
    std::memcpy(dst.data() + i, &word, dst.size() - i);
}

std::vector<std::string> list_image_files(const std::string& dir) {
    std::vector<std::string> files;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
        std::error_code type_ec;
        if (!entry.is_regular_file(type_ec)) continue;
        // haveImageReader reads only the file's first bytes (its signature), not the pixels.
        const std::string path = entry.path().string();
        if (image_codecs::have_reader(path)) files.push_back(path);
    }
    std::sort(files.begin(), files.end());
    return files;
}

bool can_decode(const std::string& path) {
    try {
        return !image_codecs::read(path, cv::IMREAD_COLOR).empty();
    } catch (const cv::Exception&) {
        return false;
    }
}

bool load_image(const std::string& path, int width, int height, std::span<std::byte> dst) {
    try {
        const cv::Mat src = image_codecs::read(path, cv::IMREAD_COLOR);
        if (src.empty()) return false;
        cv::Mat out(height, width, CV_8UC3, dst.data());
        // INTER_AREA averages when shrinking (no aliasing); bilinear when enlarging.
        const bool shrink = src.cols > width || src.rows > height;
        cv::resize(src, out, out.size(), 0, 0, shrink ? cv::INTER_AREA : cv::INTER_LINEAR);
        // resize writes into `out` in place because its size and type already match; copy in
        // case a future version allocates anyway.
        if (out.data != reinterpret_cast<uchar*>(dst.data()))
            std::memcpy(dst.data(), out.data, dst.size());
        return true;
    } catch (const cv::Exception&) {
        return false;
    }
}

}  // namespace poolscope
