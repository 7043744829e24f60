// ViewSignature: what a view last drew from, so the redraw timer's refresh costs nothing when
// that part of the session did not change (a CPU sample must not redraw the breakdown, and an
// idle window must not redraw at all). Series count every append (BoundedBuffer::appended()).
#pragma once

#include <QAbstractSeries>
#include <QString>
#include <array>
#include <cstdint>

namespace poolscope::ui {

class ViewSignature {
  public:
    // True (and remembered) when the values differ from the last call's.
    template <typename... V>
    bool changed(V... values) {
        const std::array<uint64_t, sizeof...(V)> now{static_cast<uint64_t>(values)...};
        uint64_t h = 1469598103934665603ull;
        for (uint64_t v : now) h = (h ^ v) * 1099511628211ull;
        if (valid_ && h == last_) return false;
        last_ = h;
        valid_ = true;
        return true;
    }
    void reset() { valid_ = false; }

  private:
    uint64_t last_ = 0;
    bool valid_ = false;
};

// A series' legend entry is laid out again on every setName: only when the name changed.
inline void setNameIfChanged(QAbstractSeries* series, const QString& name) {
    if (series->name() != name) series->setName(name);
}

}  // namespace poolscope::ui
