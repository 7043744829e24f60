// Test support for the reliability tests: an event stream saved with --events FILE, read back as
// JSON objects, with each event's time turned into CLOCK_MONOTONIC nanoseconds (the stream's
// hello carries its origin) so a test can measure from something it did itself, such as a kill.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace poolscope::test {

class SavedEvents {
  public:
    // Reads the file; a torn last line (the writer was killed mid-line) is skipped.
    explicit SavedEvents(const std::string& path);

    const std::vector<nlohmann::json>& all() const { return events_; }
    std::vector<nlohmann::json> of_type(const std::string& type) const;
    bool has_type(const std::string& type) const { return !of_type(type).empty(); }
    // CLOCK_MONOTONIC of an event from this stream (hello's origin_ns + t).
    int64_t monotonic_ns(const nlohmann::json& event) const;

  private:
    std::vector<nlohmann::json> events_;
    int64_t origin_ns_ = 0;
};

}  // namespace poolscope::test
