// BoundedBuffer / BoundedSeries: a time series that never grows past its capacity. When full it
// halves itself (every other point kept) and from then on keeps one point in two, then four, ... so
// an hour of samples costs as much memory as a minute; the newest point is always kept, so a live
// line ends where the data ends. Plain C++ (the views turn it into QPointF buffers).
#pragma once

#include <cstddef>
#include <utility>
#include <vector>

namespace poolscope::ui {

struct SeriesPoint {
    double x = 0;
    double y = 0;
};

template <typename T>
class BoundedBuffer {
  public:
    explicit BoundedBuffer(std::size_t capacity = 2048) : capacity_(capacity < 4 ? 4 : capacity) {}

    void append(T value) {
        ++appended_;
        ++seen_;
        if ((seen_ - 1) % stride_ != 0) {  // between kept points: held as the newest only
            tail_ = std::move(value);
            has_tail_ = true;
            return;
        }
        has_tail_ = false;
        points_.push_back(std::move(value));
        if (points_.size() >= capacity_) compact();
    }

    // Calls f on every point in order, the newest included.
    template <typename F>
    void for_each(F&& f) const {
        for (const auto& p : points_) f(p);
        if (has_tail_) f(tail_);
    }
    std::vector<T> points() const {
        std::vector<T> out = points_;
        if (has_tail_) out.push_back(tail_);
        return out;
    }
    std::size_t size() const { return points_.size() + (has_tail_ ? 1 : 0); }
    bool empty() const { return size() == 0; }
    const T& last() const { return has_tail_ ? tail_ : points_.back(); }
    std::size_t capacity() const { return capacity_; }
    std::size_t stride() const { return stride_; }
    // Every append ever made: changes whenever the series does (its size may not).
    std::size_t appended() const { return appended_; }
    void clear() { *this = BoundedBuffer(capacity_); }

  private:
    void compact() {
        std::size_t j = 0;
        for (std::size_t i = 0; i < points_.size(); i += 2) points_[j++] = points_[i];
        points_.resize(j);
        stride_ *= 2;
        seen_ = 0;  // the next append starts a new stride
    }

    std::size_t capacity_;
    std::size_t stride_ = 1;
    std::size_t seen_ = 0;
    std::size_t appended_ = 0;
    std::vector<T> points_;
    T tail_{};
    bool has_tail_ = false;
};

class BoundedSeries : public BoundedBuffer<SeriesPoint> {
  public:
    using BoundedBuffer::BoundedBuffer;
    void append(double x, double y) { BoundedBuffer::append({x, y}); }
};

}  // namespace poolscope::ui
