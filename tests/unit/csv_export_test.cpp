// CSV export: one row per run under one header, RFC 4180 quoting.
#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "core/config/config_json.h"
#include "core/report/csv_export.h"
#include "support/synthetic_run.h"

namespace poolscope {
namespace {

// Splits one CSV line into fields, honouring quotes (the reading side of RFC 4180).
std::vector<std::string> split_csv(const std::string& line) {
    std::vector<std::string> fields(1);
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char ch = line[i];
        if (quoted && ch == '"' && i + 1 < line.size() && line[i + 1] == '"') {
            fields.back() += '"';
            ++i;
        } else if (ch == '"') {
            quoted = !quoted;
        } else if (ch == ',' && !quoted) {
            fields.emplace_back();
        } else {
            fields.back() += ch;
        }
    }
    return fields;
}

TEST(CsvExport, QuotesOnlyWhatNeedsIt) {
    EXPECT_EQ(csv_field("plain"), "plain");
    EXPECT_EQ(csv_field("a,b"), "\"a,b\"");
    EXPECT_EQ(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
    EXPECT_EQ(csv_field("two\nlines"), "\"two\nlines\"");
}

TEST(CsvExport, OneRowPerRunWithAsManyFieldsAsTheHeader) {
    RunResult a = test_support::synthetic_result("1", test_support::kLateOriginNs);
    RunResult b = a;
    b.run_id = "2";
    b.config.chunksize.reset();
    const std::string csv = runs_to_csv({a, b});
    std::vector<std::string> lines;
    for (std::size_t at = 0, next; (next = csv.find("\r\n", at)) != std::string::npos;
         at = next + 2) {
        lines.push_back(csv.substr(at, next - at));
    }
    ASSERT_EQ(lines.size(), 3u);
    const auto header = split_csv(lines[0]);
    const auto row = split_csv(lines[1]);
    ASSERT_EQ(row.size(), header.size());
    ASSERT_EQ(split_csv(lines[2]).size(), header.size());
    auto column = [&](const std::vector<std::string>& r, const std::string& name) {
        for (std::size_t i = 0; i < header.size(); ++i)
            if (header[i] == name) return r[i];
        ADD_FAILURE() << "no column " << name;
        return std::string();
    };
    EXPECT_EQ(column(row, "run_id"), "1");
    EXPECT_EQ(column(row, "params"), "cols=7;rows=100");
    EXPECT_EQ(column(row, "chunksize"), "17");
    EXPECT_EQ(column(split_csv(lines[2]), "chunksize"), "auto");
    EXPECT_EQ(column(row, "cpu_model"), "Example CPU \"X\" @ 3.0GHz");  // quoted, read back
    EXPECT_EQ(column(row, "checksum"), "0xfedcba9876543210");
    EXPECT_EQ(column(row, "wall_s"), "0.095000123");
    EXPECT_EQ(column(row, "partial"), "true");
    EXPECT_EQ(column(row, "errors"), "2");
}

// A knob added to the run's configuration shows in the CSV too: every field the result JSON's
// config has (docs/events.md) is a column, so a spreadsheet can tell two runs apart by it.
TEST(CsvExport, EveryConfigFieldIsAColumn) {
    RunResult a = test_support::synthetic_result("1", test_support::kLateOriginNs);
    a.config.backend = Backend::Mpi;  // the only backend whose config names its hosts
    a.config.hosts = "a:2,b:2";
    a.config.reap_delay_ms = 250;
    a.memory.peak_zombie_workers = 3;
    const std::string csv = runs_to_csv({a});
    const std::size_t eol = csv.find("\r\n");
    ASSERT_NE(eol, std::string::npos);
    const auto header = split_csv(csv.substr(0, eol));
    const auto row = split_csv(csv.substr(eol + 2, csv.find("\r\n", eol + 2) - eol - 2));
    ASSERT_EQ(row.size(), header.size());
    auto column = [&](const std::string& name) {
        const auto it = std::find(header.begin(), header.end(), name);
        return it == header.end() ? std::string("<no column>") : row[it - header.begin()];
    };
    const nlohmann::json config = a.config;
    for (const auto& [key, value] : config.items()) EXPECT_NE(column(key), "<no column>") << key;
    EXPECT_EQ(column("reap_delay_ms"), "250");
    EXPECT_EQ(column("hosts"), "a:2,b:2");
    EXPECT_EQ(column("peak_zombie_workers"), "3");
}

}  // namespace
}  // namespace poolscope
