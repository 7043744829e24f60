// Paired ratios with their uncertainty: each pair is one run of a configuration and one of its
// baseline, back to back, so a change in the machine's load lands on both. The summary is the
// median of the pairs' ratios and the geometric mean, each with a 95 % bootstrap interval (a
// fixed seed, so the same pairs always give the same interval), and how many pairs came out
// faster than their baseline. On a machine where single runs differ by ±5 %, a difference of a
// few per cent is only a figure with its interval next to it.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

namespace poolscope::bench {

struct RatioInterval {
    double value = 0;
    double low = 0;   // 2.5th percentile of the bootstrap
    double high = 0;  // 97.5th percentile
};

struct PairedSummary {
    std::size_t pairs = 0;
    RatioInterval median;
    RatioInterval geometric_mean;
    std::size_t faster = 0;  // pairs where the configuration beat its baseline
};

namespace detail {

inline double median_of(std::vector<double> v) {
    const std::size_t n = v.size();
    std::sort(v.begin(), v.end());
    return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

inline double geometric_mean_of(const std::vector<double>& v) {
    double sum = 0;
    for (const double x : v) sum += std::log(x);
    return std::exp(sum / static_cast<double>(v.size()));
}

inline double percentile(std::vector<double>& sorted, double p) {
    const double at = p * static_cast<double>(sorted.size() - 1);
    const auto lo = static_cast<std::size_t>(std::floor(at));
    const auto hi = std::min(lo + 1, sorted.size() - 1);
    return sorted[lo] + (sorted[hi] - sorted[lo]) * (at - static_cast<double>(lo));
}

}  // namespace detail

// ratios: configuration / baseline, one per pair, all > 0. Empty in, zeroes out.
inline PairedSummary summarize_pairs(const std::vector<double>& ratios, int resamples = 10000) {
    PairedSummary s;
    s.pairs = ratios.size();
    if (ratios.empty()) return s;
    s.faster = static_cast<std::size_t>(
        std::count_if(ratios.begin(), ratios.end(), [](double r) { return r < 1; }));
    s.median.value = detail::median_of(ratios);
    s.geometric_mean.value = detail::geometric_mean_of(ratios);
    std::mt19937_64 rng(20261128);
    std::uniform_int_distribution<std::size_t> pick(0, ratios.size() - 1);
    std::vector<double> medians, means, sample(ratios.size());
    medians.reserve(static_cast<std::size_t>(resamples));
    means.reserve(static_cast<std::size_t>(resamples));
    for (int i = 0; i < resamples; ++i) {
        for (auto& x : sample) x = ratios[pick(rng)];
        means.push_back(detail::geometric_mean_of(sample));
        medians.push_back(detail::median_of(sample));
    }
    std::sort(medians.begin(), medians.end());
    std::sort(means.begin(), means.end());
    s.median.low = detail::percentile(medians, 0.025);
    s.median.high = detail::percentile(medians, 0.975);
    s.geometric_mean.low = detail::percentile(means, 0.025);
    s.geometric_mean.high = detail::percentile(means, 0.975);
    return s;
}

// One line: "  label: median …× (95 % interval …), geometric mean …× (…), k of n pairs below
// base", or "not run" when there are no pairs.
inline void print_pairs_line(const std::string& label, const std::vector<double>& ratios,
                             const std::string& base) {
    if (ratios.empty()) {
        std::printf("  %s: not run\n", label.c_str());
        return;
    }
    const PairedSummary p = summarize_pairs(ratios);
    std::printf(
        "  %s: median %.3f× (95 %% interval %.3f–%.3f), geometric mean %.3f× (%.3f–%.3f), "
        "%zu of %zu pairs below %s\n",
        label.c_str(), p.median.value, p.median.low, p.median.high, p.geometric_mean.value,
        p.geometric_mean.low, p.geometric_mean.high, p.faster, p.pairs, base.c_str());
}

}  // namespace poolscope::bench
