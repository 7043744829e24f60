// The blur workload's input images: width×height 8-bit BGR pictures held in one engine-side
// buffer. It is filled before any fork, so fork workers share it copy-on-write, as a Python
// pool's fork workers share a list of images loaded by the parent.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

namespace poolscope {

class BlurImages {
  public:
    // `count` images of pseudo-random pixels, image i seeded by i.
    void make_synthetic(uint64_t count, int width, int height);
    // Decodes `files` in order and resizes each to width×height, stopping after `limit` images
    // (a run of n items never uses more than n). A file that cannot be decoded is left out.
    void load(const std::vector<std::string>& files, uint64_t limit, int width, int height);

    uint64_t count() const { return count_; }
    // Pixels of image i (i < count()), rows packed without padding.
    std::span<const std::byte> image(uint64_t i) const;

    // Fills dst with synthetic image `index`'s pixels (any size).
    static void fill_synthetic(uint64_t index, std::span<std::byte> dst);

  private:
    void allocate(uint64_t count, int width, int height);

    std::unique_ptr<std::byte[]> pixels_;
    uint64_t count_ = 0;
    uint64_t image_bytes_ = 0;
};

// Regular files in `dir` whose signature OpenCV recognises as an image format, sorted by name.
// Empty when the folder cannot be read.
std::vector<std::string> list_image_files(const std::string& dir);

// Whether OpenCV can decode `path` (a full decode: a valid signature may hide a broken body).
bool can_decode(const std::string& path);

// Decodes `path` as 8-bit BGR and resizes it to width×height into dst (width·height·3 bytes).
// False when it cannot be decoded.
bool load_image(const std::string& path, int width, int height, std::span<std::byte> dst);

}  // namespace poolscope
