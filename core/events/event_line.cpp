#include "core/events/event_line.h"

#include <charconv>

namespace poolscope {

std::string event_head(const char* type, double t_s, const std::string& run_id) {
    std::string out = "{\"type\":\"";
    out += type;
    out += "\",\"t\":";
    char text[32];
    const auto result = std::to_chars(text, text + sizeof text, t_s);
    out.append(text, result.ptr);
    if (!run_id.empty()) {
        out += ",\"run\":";
        out += safe_dump(run_id);
    }
    return out;
}

std::string event_line(const char* type, double t_s, const std::string& run_id,
                       const nlohmann::json& body) {
    std::string out = event_head(type, t_s, run_id);
    const std::string fields = safe_dump(body);
    // fields is "{...}": splice its inside after the head's keys.
    if (fields.size() > 2) {
        out += ',';
        out.append(fields, 1, std::string::npos);
    } else {
        out += '}';
    }
    return out;
}

}  // namespace poolscope
