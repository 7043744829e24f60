#include "app/cli/terminal_style.h"

#include <unistd.h>

#include <cstdlib>

namespace poolscope::cli {

namespace {

constexpr const char* kReset = "\033[0m";
constexpr const char* kRed = "\033[31m";
constexpr const char* kBoldRed = "\033[1;31m";
constexpr const char* kGreen = "\033[32m";
constexpr const char* kYellow = "\033[33m";

bool contains(const std::string& s, const char* what) {
    return s.find(what) != std::string::npos;
}

bool starts_with(const std::string& s, const char* what) {
    return s.rfind(what, 0) == 0;
}

// The colour of one line of a table, or nullptr.
const char* line_color(const std::string& line) {
    if (starts_with(line, "verdict: ")) {
        if (contains(line, "parallel pays")) return kGreen;
        if (contains(line, "differ") || contains(line, "did not finish")) return kRed;
        return kYellow;
    }
    if (starts_with(line, "  error [") || starts_with(line, "  partial result")) return kRed;
    if (contains(line, "checksums DIFFER")) return kRed;
    if (starts_with(line, "PASS")) return kGreen;
    if (starts_with(line, "FAIL")) return kRed;
    if (starts_with(line, "DISTURBED")) return kYellow;
    return nullptr;
}

}  // namespace

bool color_wanted(ColorMode mode, int fd) {
    if (mode != ColorMode::Auto) return mode == ColorMode::Always;
    const char* no_color = std::getenv("NO_COLOR");
    if (no_color && *no_color) return false;
    return isatty(fd) == 1;
}

std::string colorize_report(const std::string& text, bool color) {
    if (!color) return text;
    std::string out;
    out.reserve(text.size() + 64);
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t end = text.find('\n', pos);
        const bool newline = end != std::string::npos;
        if (!newline) end = text.size();
        const std::string line = text.substr(pos, end - pos);
        if (const char* c = line_color(line))
            out += c + line + kReset;
        else
            out += line;
        if (newline) out += '\n';
        pos = end + 1;
    }
    return out;
}

std::string error_prefix(const std::string& command, bool color) {
    const std::string head = "poolscope-cli " + command + ": ";
    return color ? head + kBoldRed + "error" + kReset + ": " : head + "error: ";
}

}  // namespace poolscope::cli
