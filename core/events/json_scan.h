// JsonScan: reads one line of JSON text in place, for the event lines that arrive many times a
// second (chunks, sample), without building a tree (a tree costs allocations per number). It is
// strict and narrow on purpose: it takes only the plain shapes the writer produces — strings of
// printable ASCII without escapes, numbers of the kind a field holds — and answers false for
// anything else, so the caller can hand such a line to the tree parser, which gives the same
// values or the error in its words. Numbers convert exactly as the tree parser converts them
// (integers as integers, then to double; other numbers correctly rounded).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace poolscope {

class JsonScan {
  public:
    explicit JsonScan(std::string_view text) : text_(text) {}

    // The next non-space character is c: it is consumed.
    bool eat(char c);
    // The text ends here (spaces aside).
    bool at_end();
    // A string of printable ASCII without escapes; out points into the text.
    bool string(std::string_view& out);
    bool u64(uint64_t& out);   // an integer ≥ 0 (no fraction or exponent)
    bool i64(int64_t& out);    // an integer (no fraction or exponent)
    bool number(double& out);  // any number, converted as the tree parser would
    bool boolean(bool& out);
    bool null();

    // { "key": value, ... }: field(key) reads each value and returns false to stop.
    template <typename Field>
    bool object(Field field) {
        if (!eat('{')) return false;
        if (eat('}')) return true;
        do {
            std::string_view key;
            if (!string(key) || !eat(':') || !field(key)) return false;
        } while (eat(','));
        return eat('}');
    }

    // [ value, ... ]: item() reads each value and returns false to stop.
    template <typename Item>
    bool array(Item item) {
        if (!eat('[')) return false;
        if (eat(']')) return true;
        do {
            if (!item()) return false;
        } while (eat(','));
        return eat(']');
    }

  private:
    void skip_space();
    // The text of a JSON number at the cursor (consumed); integer: no fraction or exponent.
    bool number_text(std::string_view& out, bool& integer);

    std::string_view text_;
    std::size_t at_ = 0;
};

// Which of a fixed list of keys a key is (its index), or -1; `seen` gets its bit, and a key seen
// twice is -1 too (the tree parser keeps the last of two, a scan would keep both).
int key_index(std::string_view key, const std::string_view* keys, int count, uint64_t& seen);

}  // namespace poolscope
