#include "core/workloads/transfer_workload.h"

#include <cstring>

namespace poolscope {

const WorkloadInfo& TransferWorkload::info() const {
    static const WorkloadInfo kInfo{
        "transfer",
        "ship a rows x cols float64 array per item and get one back (y = 2x + 1)",
        {{"rows", "10000", "1 … 100000000", "rows of each item's array"},
         {"cols", "100", "1 … 100000000",
          "columns of each item's array (at most 1 GiB per item)"}}};
    return kInfo;
}

std::optional<std::string> TransferWorkload::configure(const ParamMap& params, uint64_t size) {
    if (auto e = check_known_params(info(), params)) return e;
    uint64_t rows = 0;
    uint64_t cols = 0;
    if (auto e = param_u64(params, "rows", 1, 100'000'000, rows)) return e;
    if (auto e = param_u64(params, "cols", 1, 100'000'000, cols)) return e;
    const std::string shape = std::to_string(rows) + "x" + std::to_string(cols);
    uint64_t item_bytes = 0;
    const bool overflow = __builtin_mul_overflow(rows, cols, &item_bytes) ||
                          __builtin_mul_overflow(item_bytes, uint64_t{8}, &item_bytes);
    if (overflow || item_bytes > kMaxItemBytes)
        return "parameters rows x cols = " + shape + " float64 make " +
               (overflow ? "more than 2^64" : std::to_string(item_bytes)) +
               " bytes per item; at most " + std::to_string(kMaxItemBytes) + " (1 GiB) allowed";
    uint64_t total = 0;
    if (__builtin_mul_overflow(item_bytes, size, &total))
        return "transfer of " + std::to_string(size) + " items of " + shape +
               " float64 needs more than 2^64 bytes";
    rows_ = rows;
    cols_ = cols;
    size_ = size;
    inputs_ = nullptr;
    heap_.reset();
    shared_memory_.reset();
    prepared_items_ = 0;
    return std::nullopt;
}

ParamMap TransferWorkload::resolved_params() const {
    return {{"rows", std::to_string(rows_)}, {"cols", std::to_string(cols_)}};
}

double TransferWorkload::input_value(uint64_t index, uint64_t k) {
    return static_cast<double>((index * 7919 + k) & 0xFFFF) * 0.5;
}

const SharedMemory* TransferWorkload::shared_input() const {
    return shared_memory_.data() ? &shared_memory_ : nullptr;
}

void TransferWorkload::prepare() {
    const uint64_t per_item = rows_ * cols_;
    const uint64_t bytes = size_ * per_item * 8;
    // A memfd's pages are page-aligned, so the doubles are too. Failing that (no room in
    // tmpfs), the heap, and the run makes a segment of its own (and reports its failure).
    if (!shared_ || shared_memory_.create(front_bytes_ + bytes + size_ * output_bytes()))
        heap_ = std::make_unique_for_overwrite<double[]>(size_ * per_item);
    inputs_ = heap_ ? heap_.get() : reinterpret_cast<double*>(shared_memory_.data() + front_bytes_);
    // No value-initialisation: every element is written below, once.
    for (uint64_t i = 0; i < size_; ++i) {
        double* item = inputs_ + i * per_item;
        for (uint64_t k = 0; k < per_item; ++k) item[k] = input_value(i, k);
    }
    prepared_items_ = size_;
}

void TransferWorkload::read_input(uint64_t index, std::span<std::byte> dst) const {
    const uint64_t per_item = rows_ * cols_;
    if (index < prepared_items_) {
        const double* src = inputs_ + index * per_item;
        if (static_cast<const void*>(dst.data()) != src) std::memcpy(dst.data(), src, per_item * 8);
        return;
    }
    // Not prepared (or past the prepared size): the same values, computed on the spot.
    for (uint64_t k = 0; k < per_item; ++k) {
        const double x = input_value(index, k);
        std::memcpy(dst.data() + k * 8, &x, 8);
    }
}

std::span<const std::byte> TransferWorkload::inputs_in_memory(uint64_t first,
                                                              uint64_t count) const {
    if (first > prepared_items_ || count > prepared_items_ - first) return {};
    const uint64_t per_item = rows_ * cols_;
    return std::as_bytes(std::span<const double>(inputs_ + first * per_item, count * per_item));
}

std::optional<std::string> TransferWorkload::run_item(uint64_t, std::span<const std::byte> in,
                                                      std::span<std::byte> out) {
    // memcpy per element: payloads sit at any offset inside a frame, so they may be unaligned.
    const uint64_t count = rows_ * cols_;
    for (uint64_t k = 0; k < count; ++k) {
        double x;
        std::memcpy(&x, in.data() + k * 8, 8);
        const double y = 2.0 * x + 1.0;
        std::memcpy(out.data() + k * 8, &y, 8);
    }
    return std::nullopt;
}

}  // namespace poolscope
