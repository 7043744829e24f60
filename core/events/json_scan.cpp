#include "core/events/json_scan.h"

#include <charconv>
#include <cmath>

namespace poolscope {
namespace {

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

template <typename T>
bool whole_text(std::string_view text, T& out) {
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    return ec == std::errc() && end == text.data() + text.size();
}

}  // namespace

void JsonScan::skip_space() {
    while (at_ < text_.size()) {
        const char c = text_[at_];
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return;
        ++at_;
    }
}

bool JsonScan::eat(char c) {
    skip_space();
    if (at_ >= text_.size() || text_[at_] != c) return false;
    ++at_;
    return true;
}

bool JsonScan::at_end() {
    skip_space();
    return at_ == text_.size();
}

bool JsonScan::string(std::string_view& out) {
    if (!eat('"')) return false;
    const std::size_t start = at_;
    for (; at_ < text_.size(); ++at_) {
        const auto c = static_cast<unsigned char>(text_[at_]);
        if (c == '"') {
            out = text_.substr(start, at_ - start);
            ++at_;
            return true;
        }
        // An escape, a control character or a byte of UTF-8: the tree parser decodes and checks
        // those.
        if (c == '\\' || c < 0x20 || c >= 0x80) return false;
    }
    return false;
}

// JSON's grammar: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
bool JsonScan::number_text(std::string_view& out, bool& integer) {
    skip_space();
    const std::size_t start = at_;
    const auto digits = [this] {
        const std::size_t from = at_;
        while (at_ < text_.size() && is_digit(text_[at_])) ++at_;
        return at_ - from;
    };
    if (at_ < text_.size() && text_[at_] == '-') ++at_;
    if (at_ < text_.size() && text_[at_] == '0')
        ++at_;
    else if (digits() == 0)
        return false;
    integer = true;
    if (at_ < text_.size() && text_[at_] == '.') {
        ++at_;
        if (digits() == 0) return false;
        integer = false;
    }
    if (at_ < text_.size() && (text_[at_] == 'e' || text_[at_] == 'E')) {
        ++at_;
        if (at_ < text_.size() && (text_[at_] == '+' || text_[at_] == '-')) ++at_;
        if (digits() == 0) return false;
        integer = false;
    }
    out = text_.substr(start, at_ - start);
    return true;
}

bool JsonScan::u64(uint64_t& out) {
    std::string_view text;
    bool integer = false;
    return number_text(text, integer) && integer && text[0] != '-' && whole_text(text, out);
}

bool JsonScan::i64(int64_t& out) {
    std::string_view text;
    bool integer = false;
    return number_text(text, integer) && integer && whole_text(text, out);
}

// The tree parser keeps an integer as a 64-bit integer (converted to double when read as one)
// and reads any other number with strtod; from_chars rounds correctly as strtod does. What
// neither integer type holds, and what rounds to zero or infinity, is left to the tree parser.
bool JsonScan::number(double& out) {
    std::string_view text;
    bool integer = false;
    if (!number_text(text, integer)) return false;
    if (integer) {
        if (text[0] == '-') {
            int64_t i = 0;
            if (!whole_text(text, i)) return false;
            out = static_cast<double>(i);
        } else {
            uint64_t u = 0;
            if (!whole_text(text, u)) return false;
            out = static_cast<double>(u);
        }
        return true;
    }
    return whole_text(text, out) && std::isfinite(out);
}

bool JsonScan::boolean(bool& out) {
    skip_space();
    const std::string_view rest = text_.substr(at_);
    if (rest.starts_with("true")) {
        at_ += 4;
        out = true;
        return true;
    }
    if (rest.starts_with("false")) {
        at_ += 5;
        out = false;
        return true;
    }
    return false;
}

bool JsonScan::null() {
    skip_space();
    if (!text_.substr(at_).starts_with("null")) return false;
    at_ += 4;
    return true;
}

int key_index(std::string_view key, const std::string_view* keys, int count, uint64_t& seen) {
    for (int i = 0; i < count; ++i) {
        if (keys[i] != key) continue;
        const uint64_t bit = uint64_t{1} << i;
        if (seen & bit) return -1;
        seen |= bit;
        return i;
    }
    return -1;
}

}  // namespace poolscope
