#include "support/reliability_events.h"

#include <cmath>
#include <fstream>

namespace poolscope::test {

SavedEvents::SavedEvents(const std::string& path) {
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line)) {
        auto j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
        if (j.is_discarded() || !j.is_object()) continue;
        if (j.value("type", "") == "hello") origin_ns_ = j.value("origin_ns", int64_t{0});
        events_.push_back(std::move(j));
    }
}

std::vector<nlohmann::json> SavedEvents::of_type(const std::string& type) const {
    std::vector<nlohmann::json> out;
    for (const auto& e : events_)
        if (e.value("type", "") == type) out.push_back(e);
    return out;
}

int64_t SavedEvents::monotonic_ns(const nlohmann::json& event) const {
    return origin_ns_ + static_cast<int64_t>(std::llround(event.value("t", 0.0) * 1e9));
}

}  // namespace poolscope::test
