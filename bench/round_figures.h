// Figures of runs that take turns round after round, kept per figure and configuration in round
// order, so each configuration's run can be set against its baseline's run of the same round.
#pragma once

#include <algorithm>
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace poolscope::bench {

class RoundFigures {
  public:
    void add(const std::string& figure, const std::string& config, double value) {
        values_[figure][config].push_back(value);
    }

    // Round by round, config's figure over base's (rounds where either is not positive skipped).
    std::vector<double> ratios(const std::string& figure, const std::string& config,
                               const std::string& base) const {
        std::vector<double> out;
        const auto& a = of(figure, config);
        const auto& b = of(figure, base);
        for (std::size_t i = 0; i < a.size() && i < b.size(); ++i)
            if (a[i] > 0 && b[i] > 0) out.push_back(a[i] / b[i]);
        return out;
    }

    std::optional<double> lowest(const std::string& figure, const std::string& config) const {
        const auto& v = of(figure, config);
        if (v.empty()) return std::nullopt;
        return *std::min_element(v.begin(), v.end());
    }

    std::optional<double> highest(const std::string& figure, const std::string& config) const {
        const auto& v = of(figure, config);
        if (v.empty()) return std::nullopt;
        return *std::max_element(v.begin(), v.end());
    }

  private:
    const std::vector<double>& of(const std::string& figure, const std::string& config) const {
        static const std::vector<double> none;
        const auto f = values_.find(figure);
        if (f == values_.end()) return none;
        const auto c = f->second.find(config);
        return c == f->second.end() ? none : c->second;
    }

    std::map<std::string, std::map<std::string, std::vector<double>>> values_;
};

}  // namespace poolscope::bench
