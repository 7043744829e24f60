// transfer: each item ships a rows×cols float64 array (default 10000×100, the article's
// serialization example) and gets one of the same size back. The work per byte is tiny
// (y = 2x + 1), so moving the data dominates: the pipe-versus-shared-memory lesson.
#pragma once

#include <memory>

#include "core/platform/shared_memory.h"
#include "core/workloads/workload.h"

namespace poolscope {

class TransferWorkload final : public Workload {
  public:
    const WorkloadInfo& info() const override;
    std::optional<std::string> configure(const ParamMap& params, uint64_t size) override;
    ParamMap resolved_params() const override;
    void build_input_in_shared_memory(bool on, uint64_t front_bytes = 0) override {
        shared_ = on;
        front_bytes_ = front_bytes;
    }
    const SharedMemory* shared_input() const override;
    void prepare() override;
    uint64_t input_bytes() const override { return rows_ * cols_ * 8; }
    uint64_t output_bytes() const override { return rows_ * cols_ * 8; }
    void read_input(uint64_t index, std::span<std::byte> dst) const override;
    std::span<const std::byte> inputs_in_memory(uint64_t first, uint64_t count) const override;
    std::optional<std::string> run_item(uint64_t index, std::span<const std::byte> in,
                                        std::span<std::byte> out) override;
    uint64_t prepared_bytes() const override { return size_ * input_bytes(); }

    // Element `k` of item `index`'s input array. Small multiples of 0.5, so 2x + 1 is exact.
    static double input_value(uint64_t index, uint64_t k);

    static constexpr uint64_t kMaxItemBytes = uint64_t{1} << 30;

  private:
    uint64_t rows_ = 10000;
    uint64_t cols_ = 100;
    uint64_t size_ = 0;
    // Every item's input in one engine-side buffer: fork workers inherit it copy-on-write, so
    // their RSS counts it again while their PSS shares it out (the memory lesson). With shared_,
    // the buffer is the start of shared_memory_ (outputs follow it), else heap_.
    bool shared_ = false;
    uint64_t front_bytes_ = 0;  // the pool's task board, before the inputs
    SharedMemory shared_memory_;
    std::unique_ptr<double[]> heap_;
    double* inputs_ = nullptr;
    uint64_t prepared_items_ = 0;
};

}  // namespace poolscope
