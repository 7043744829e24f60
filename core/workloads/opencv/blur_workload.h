// blur: OpenCV GaussianBlur (sigma 10 by default) on 8-bit 3-channel images, synthetic or read
// from a folder: the article's image-batching example and the hidden-library-threads lesson.
// The result of an item is the blurred image itself (keep), a 64-bit hash of it (checksum), or
// a hash while the image is written to a PNG file (write). The images are made or read by the
// engine before the run and travel in the tasks (load=parent, the list a program builds before
// pool.map), or each worker makes or reads its own and tasks carry only item numbers
// (load=worker: a batch of file names).
#pragma once

#include <algorithm>
#include <string>
#include <vector>

#include "core/workloads/opencv/blur_images.h"
#include "core/workloads/workload.h"

namespace poolscope {

class BlurWorkload final : public Workload {
  public:
    enum class Output { checksum, keep, write };

    const WorkloadInfo& info() const override;
    std::optional<std::string> configure(const ParamMap& params, uint64_t size) override;
    ParamMap resolved_params() const override;
    void prepare() override;
    uint64_t input_bytes() const override { return worker_loads_ ? 8 : image_bytes(); }
    uint64_t output_bytes() const override { return output_ == Output::keep ? image_bytes() : 8; }
    void read_input(uint64_t index, std::span<std::byte> dst) const override;
    void enter_worker(int lib_threads) override;
    std::optional<std::string> run_item(uint64_t index, std::span<const std::byte> in,
                                        std::span<std::byte> out) override;
    uint64_t prepared_bytes() const override;

    // The PNG file item `index` writes in output=write mode.
    std::string output_path(uint64_t index) const;

  private:
    uint64_t image_bytes() const {
        return static_cast<uint64_t>(width_) * static_cast<uint64_t>(height_) * 3;
    }
    // Images prepare() builds: one per item, or one per folder file up to one per item.
    uint64_t image_count() const {
        return dir_.empty() ? size_ : std::min<uint64_t>(size_, files_.size());
    }
    std::optional<std::string> configure_output(const ParamMap& params);
    std::optional<std::string> configure_folder(const ParamMap& params);
    std::optional<std::string> blur_to_hash(uint64_t index, std::span<const std::byte> in,
                                            uint64_t& hash) const;
    std::optional<std::string> blur_item(uint64_t index, std::span<const std::byte> in,
                                         std::span<std::byte> out) const;
    // load=worker: item `index`'s image, made or read in the worker, into `image`.
    std::optional<std::string> load_in_worker(uint64_t index, std::vector<std::byte>& image) const;

    double sigma_ = 10;
    int width_ = 320;
    int height_ = 240;
    std::string dir_;
    std::vector<std::string> files_;  // folder mode: candidate images, sorted by name
    Output output_ = Output::checksum;
    bool worker_loads_ = false;
    std::string out_dir_;
    uint64_t size_ = 0;
    BlurImages images_;
};

}  // namespace poolscope
