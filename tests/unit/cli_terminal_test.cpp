// The pieces behind the CLI's terminal manners: the option table agrees with run's parser
// (every option it lists is accepted, with each of its allowed values), the progress line
// forwards every call to the observer it wraps and formats what a run reports, and colour is
// added only when asked for.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <map>

#include "app/cli/option_table.h"
#include "app/cli/progress_line.h"
#include "app/cli/run_options.h"
#include "app/cli/terminal_style.h"
#include "core/platform/clock.h"

using namespace poolscope;
using namespace poolscope::cli;

TEST(CliOptionTable, ParserAcceptsEveryOptionAndEveryAllowedValue) {
    // A valid value for each option whose values are free.
    const std::map<std::string, std::string> sample{
        {"--param", "ms=1"},        {"--size", "10"},
        {"--workers", "2"},         {"--chunksize", "3"},
        {"--lib-threads", "1"},     {"--repeat", "2"},
        {"--warmup", "1"},          {"--sample-ms", "50"},
        {"--events", "-"},          {"--chunk-detail", "5"},
        {"--task-timeout", "1.5"},  {"--inject", "shm-full"},
        {"--max-frame", "4096"},    {"--python", "/usr/bin/python3"},
        {"--hosts", "localhost:4"}, {"--reap-delay-ms", "100"}};
    for (const OptionSpec& o : run_option_table()) {
        std::vector<std::vector<std::string>> tries;
        if (o.metavar.empty()) {
            tries.push_back({o.name});
            if (!o.short_name.empty()) tries.push_back({o.short_name});
        } else {
            for (const auto& v : o.values) tries.push_back({o.name, v});
            if (o.values.empty() || sample.count(o.name)) {
                ASSERT_TRUE(sample.count(o.name)) << "no sample value for " << o.name;
                tries.push_back({o.name, sample.at(o.name)});
                tries.push_back({o.name + "=" + sample.at(o.name)});
            }
        }
        for (const auto& args : tries) {
            RunOptions opt;
            std::string err;
            EXPECT_TRUE(parse_run_options(args, opt, err)) << args[0] << ": " << err;
        }
    }
    RunOptions opt;
    std::string err;
    EXPECT_FALSE(parse_run_options({"--progress", "sometimes"}, opt, err));
    EXPECT_NE(err.find("auto, always or never"), std::string::npos) << err;
    EXPECT_TRUE(parse_run_options({"--progress=never", "--color", "always", "-q"}, opt, err));
    EXPECT_EQ(opt.progress, ProgressMode::Never);
    EXPECT_EQ(opt.color, ColorMode::Always);
    EXPECT_TRUE(opt.quiet);
}

TEST(CliOptionTable, WorkloadValuesAreTheRegisteredWorkloads) {
    const OptionSpec* w = find_run_option("--workload");
    ASSERT_NE(w, nullptr);
    EXPECT_NE(std::find(w->values.begin(), w->values.end(), "square"), w->values.end());
    EXPECT_EQ(find_run_option("-h"), find_run_option("--help"));
    EXPECT_EQ(find_run_option("--frobnicate"), nullptr);
}

namespace {

struct Recorder : RunObserver {
    int starts = 0, progress = 0, ticks = 0, ends = 0, errors = 0;
    void on_run_start(const std::string&, const RunConfig&, const MachineInfo&, int64_t) override {
        ++starts;
    }
    void on_progress(const ProgressEvent&) override { ++progress; }
    void on_error(const std::string&, const RunError&, int64_t) override { ++errors; }
    void on_tick(int64_t) override { ++ticks; }
    void on_run_end(const RunResult&) override { ++ends; }
    int ms_until_tick(int64_t) const override { return 7; }
};

}  // namespace

TEST(ProgressLine, ForwardsEverythingAndFormatsTheFigures) {
    Recorder next;
    int fds[2];
    ASSERT_EQ(pipe(fds), 0);
    {
        ProgressLine line(next, fds[1], /*enabled=*/false);
        line.expect_runs(4, "lesson 3 b (2/3) ");
        RunConfig cfg;
        cfg.workload = "square";
        cfg.size = 200;
        line.on_run_start("r1", cfg, MachineInfo{}, 0);
        ProgressEvent p;
        p.items_done = 50;
        p.items_total = 200;
        line.on_progress(p);
        line.on_tick(1);
        line.on_error("r1", RunError{}, 2);
        line.on_run_end(RunResult{});
        EXPECT_EQ(line.ms_until_tick(0), 7);  // disabled: the wrapped observer's wish alone
        EXPECT_EQ(next.starts, 1);
        EXPECT_EQ(next.progress, 1);
        EXPECT_EQ(next.ticks, 1);
        EXPECT_EQ(next.errors, 1);
        EXPECT_EQ(next.ends, 1);
        const std::string text = line.format(monotonic_ns(), 200);
        EXPECT_EQ(text.rfind("lesson 3 b (2/3) run 1/4 50/200 [#####...............]", 0), 0u)
            << text;
        EXPECT_NE(text.find("ETA"), std::string::npos) << text;
        EXPECT_NE(text.find("square"), std::string::npos) << text;
        EXPECT_LE(line.format(monotonic_ns(), 30).size(), 29u);
    }
    close(fds[1]);
    char buf[16];
    EXPECT_EQ(read(fds[0], buf, sizeof buf), 0);  // disabled: nothing written
    close(fds[0]);
}

TEST(ProgressLine, EnabledDrawsAtMostEvery100msAndClearErases) {
    Recorder next;
    int fds[2];
    ASSERT_EQ(pipe(fds), 0);
    ProgressLine line(next, fds[1], /*enabled=*/true);
    const int64_t t0 = 1'000'000'000'000;
    line.on_tick(t0);                                   // draws
    line.on_tick(t0 + 50'000'000);                      // too soon
    EXPECT_EQ(line.ms_until_tick(t0 + 50'000'000), 7);  // min(theirs 7, ours 50)
    EXPECT_EQ(line.ms_until_tick(t0 + 99'000'000), 1);
    line.on_tick(t0 + 100'000'000);  // draws
    line.clear();
    line.clear();  // nothing shown: nothing written
    close(fds[1]);
    std::string got;
    char buf[4096];
    for (ssize_t n; (n = read(fds[0], buf, sizeof buf)) > 0;)
        got.append(buf, static_cast<size_t>(n));
    close(fds[0]);
    std::size_t erases = 0;
    for (std::size_t p = 0; (p = got.find("\r\033[K", p)) != std::string::npos; ++p) ++erases;
    EXPECT_EQ(erases, 3u) << got;  // two draws and one clear
    EXPECT_TRUE(got.ends_with("\r\033[K"));
}

TEST(TerminalStyle, ColourOnlyWhenAsked) {
    const std::string table = "row\n  error [x]: y\nverdict: T > 10·C: parallel pays\n";
    EXPECT_EQ(colorize_report(table, false), table);
    const std::string c = colorize_report(table, true);
    EXPECT_NE(c.find("\033[31m  error [x]: y\033[0m\n"), std::string::npos) << c;
    EXPECT_NE(c.find("\033[32mverdict: "), std::string::npos) << c;
    EXPECT_EQ(c.rfind("row\n", 0), 0u);
    EXPECT_EQ(error_prefix("run", false), "poolscope-cli run: error: ");
    EXPECT_TRUE(color_wanted(ColorMode::Always, -1));
    EXPECT_FALSE(color_wanted(ColorMode::Never, -1));
    EXPECT_FALSE(color_wanted(ColorMode::Auto, -1));  // not a terminal
}
