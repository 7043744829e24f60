// Per-iteration figures a benchmark keeps under a name, so that the ratio table printed after
// the run uses medians: one slow iteration on a shared machine does not move them.
#pragma once

#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace poolscope::bench {

class Medians {
  public:
    void add(const std::string& name, double value) { values_[name].push_back(value); }

    // The median (the lower one for an even count); nullopt when nothing was recorded.
    std::optional<double> median(const std::string& name) const {
        const auto it = values_.find(name);
        if (it == values_.end() || it->second.empty()) return std::nullopt;
        std::vector<double> v = it->second;
        const auto mid = v.begin() + static_cast<std::ptrdiff_t>((v.size() - 1) / 2);
        std::nth_element(v.begin(), mid, v.end());
        return *mid;
    }

  private:
    std::map<std::string, std::vector<double>> values_;
};

}  // namespace poolscope::bench
