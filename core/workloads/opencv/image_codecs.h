// OpenCV's image file reading and writing (libopencv_imgcodecs), loaded on first use. That
// library pulls in about 120 more shared libraries (GDAL, GDCM, the codecs) than the blur
// itself needs; linked, every poolscope-cli process would map them at start — tens of
// milliseconds of dynamic loading for each spawned worker — and every fork would copy their
// mappings, though only a blur over a folder of images, or one that writes its results, reads
// or writes an image file. Loading happens in the engine before any fork when a folder is
// listed, and otherwise in the first process that writes an image (safe from several threads).
#pragma once

#include <opencv2/core.hpp>
#include <optional>
#include <string>

namespace poolscope::image_codecs {

// Why the library could not be loaded, or nullopt once it is.
std::optional<std::string> load();

// cv::haveImageReader, cv::imread and cv::imwrite; without the library: false, an empty
// image, false.
bool have_reader(const std::string& path);
cv::Mat read(const std::string& path, int flags);
bool write(const std::string& path, const cv::Mat& image);

}  // namespace poolscope::image_codecs
