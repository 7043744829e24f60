// The table every benchmark prints after Google Benchmark's own output: each measurement as a
// time and as ratios to the baselines measured in the same run (the machine is shared, so only
// ratios travel). Printed as Markdown, so it can be pasted into a README as it stands.
#pragma once

#include <cstdio>
#include <optional>
#include <string>
#include <vector>

namespace poolscope::bench {

class RatioTable {
  public:
    // value_header names the figure ("per task"); values are seconds shown in `unit`.
    RatioTable(std::string title, std::string value_header, std::string unit, double per_second)
        : title_(std::move(title)),
          value_header_(std::move(value_header)),
          unit_(std::move(unit)),
          per_second_(per_second) {}

    // A baseline is a row too, and the header of one ratio column ("vs <column>").
    void add_baseline(std::string column, std::string label, std::optional<double> seconds) {
        baselines_.push_back({std::move(column), seconds});
        add_row(std::move(label), seconds);
    }
    void add_row(std::string label, std::optional<double> seconds) {
        rows_.push_back({std::move(label), seconds, {}});
    }
    // A measurement that did not run, with the reason in place of its figures.
    void add_note(std::string label, std::string note) {
        rows_.push_back({std::move(label), std::nullopt, std::move(note)});
    }

    void print() const {
        std::printf("\n%s\n\n| measurement | %s |", title_.c_str(), value_header_.c_str());
        for (const auto& b : baselines_) std::printf(" vs %s |", b.column.c_str());
        std::printf("\n|---|---:|");
        for (std::size_t i = 0; i < baselines_.size(); ++i) std::printf("---:|");
        std::printf("\n");
        for (const auto& r : rows_) print_row(r);
        std::fflush(stdout);
    }

  private:
    struct Baseline {
        std::string column;
        std::optional<double> seconds;
    };
    struct Row {
        std::string label;
        std::optional<double> seconds;
        std::string note;
    };

    void print_row(const Row& r) const {
        std::printf("| %s |", r.label.c_str());
        if (!r.note.empty()) {
            std::printf(" %s |", r.note.c_str());
            for (std::size_t i = 0; i < baselines_.size(); ++i) std::printf(" – |");
        } else if (!r.seconds) {
            std::printf(" not run |");
            for (std::size_t i = 0; i < baselines_.size(); ++i) std::printf(" – |");
        } else {
            std::printf(" %.3g %s |", *r.seconds * per_second_, unit_.c_str());
            for (const auto& b : baselines_) {
                if (b.seconds && *b.seconds > 0)
                    std::printf(" %.2f× |", *r.seconds / *b.seconds);
                else
                    std::printf(" – |");
            }
        }
        std::printf("\n");
    }

    std::string title_;
    std::string value_header_;
    std::string unit_;
    double per_second_;
    std::vector<Baseline> baselines_;
    std::vector<Row> rows_;
};

}  // namespace poolscope::bench
