// The CLI's terminal manners: a progress line on a terminal's stderr that is erased before the
// table (and on Ctrl-C), nothing of it in a pipe; colour only on a terminal and never with
// NO_COLOR; --help and --version on stdout with exit 0 for every command; the bash completion
// script and the man page generated from the option table. A terminal is util-linux `script`'s
// pseudo-terminal.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <regex>
#include <set>

#include "app/cli/option_table.h"
#include "core/platform/read_file.h"
#include "support/process_hygiene.h"
#include "support/scratch_dir.h"
#include "support/shell_run.h"

using namespace poolscope::test;
using nlohmann::json;

namespace {

class CliManners : public ProcessHygiene {};

constexpr const char* kErase = "\r\033[K";

// Runs the CLI with args under a pseudo-terminal (stdout and stderr both on it); env goes
// before the command (e.g. "NO_COLOR=1").
CliResult run_on_terminal(const std::string& args, const std::string& env = "") {
    return run_shell("SHELL=/bin/sh script -qec " + shell_quote(env + " \"$CLI\" " + args) +
                         " /dev/null </dev/null",
                     60);
}

// The terminal's "\r\n" (its output processing) back to "\n".
std::string without_crlf(std::string s) {
    for (std::size_t p; (p = s.find("\r\n")) != std::string::npos;) s.replace(p, 2, "\n");
    return s;
}

bool has_sgr(const std::string& s) {
    static const std::regex kSgr("\x1b\\[[0-9;]*m");
    return std::regex_search(s, kSgr);
}

std::set<std::string> keys(const json& j) {
    std::set<std::string> k;
    for (const auto& [key, v] : j.items()) k.insert(key);
    return k;
}

const char* kSlowRun = "run --workload sleep --param ms=10 --size 60 --workers 2 --sample-ms 0";

}  // namespace

TEST_F(CliManners, TerminalShowsProgressThenAClearedLineAndTheTable) {
    const auto r = run_on_terminal(std::string(kSlowRun) + " --repeat 2");
    ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
    const std::string& out = r.out;
    // At least one drawn line: the label, the figures and the bar, the series position.
    const auto first = out.find(kErase);
    ASSERT_NE(first, std::string::npos) << out;
    EXPECT_NE(out.find("/60 ["), std::string::npos) << out;
    EXPECT_NE(out.find("run 1/2"), std::string::npos) << out;
    EXPECT_NE(out.find("sleep"), std::string::npos) << out;
    // After the last erase comes the table and nothing of the progress line.
    const std::string tail =
        without_crlf(out.substr(out.rfind(kErase) + std::string(kErase).size()));
    EXPECT_EQ(tail.find('\r'), std::string::npos) << tail;
    EXPECT_EQ(tail.find("/60 ["), std::string::npos) << tail;  // no bar
    EXPECT_NE(tail.find("breakdown"), std::string::npos) << tail;
    EXPECT_EQ(tail.rfind("\033[K"), std::string::npos);
}

TEST_F(CliManners, ProgressNeverAndQuietDrawNothingOnATerminal) {
    for (const char* opt : {" --progress never", " --quiet"}) {
        const auto r = run_on_terminal(std::string(kSlowRun) + opt, "NO_COLOR=1");
        ASSERT_EQ(r.exit_code, 0) << r.out;
        EXPECT_EQ(r.out.find('\033'), std::string::npos) << opt << r.out;
        EXPECT_NE(r.out.find("breakdown"), std::string::npos) << opt;
    }
}

TEST_F(CliManners, CtrlCErasesTheLineAndPrintsThePartialTable) {
    const auto r = run_shell(
        "SHELL=/bin/sh script -qec " +
            shell_quote("timeout --preserve-status -s INT 1 \"$CLI\" run --workload sleep "
                        "--param ms=50 --size 400 --workers 2 --sample-ms 0") +
            " /dev/null </dev/null",
        60);
    EXPECT_EQ(r.exit_code, 130) << r.out << r.err;
    const auto last = r.out.rfind(kErase);
    ASSERT_NE(last, std::string::npos) << r.out;
    const std::string tail = without_crlf(r.out.substr(last + std::string(kErase).size()));
    EXPECT_EQ(tail.find('\r'), std::string::npos) << tail;
    EXPECT_NE(tail.find("breakdown"), std::string::npos) << tail;
    EXPECT_NE(tail.find("interrupted"), std::string::npos) << tail;
}

TEST_F(CliManners, PipeGetsNoProgressAndTheSameDocument) {
    const std::vector<std::string> base{"run", "--workload", "square", "--size", "10", "--json"};
    auto never = base;
    never.insert(never.end(), {"--progress", "never"});
    const auto a = run_cli(base), b = run_cli(never);
    ASSERT_EQ(a.exit_code, 0) << a.err;
    ASSERT_EQ(b.exit_code, 0) << b.err;
    for (const auto* r : {&a, &b}) {
        EXPECT_EQ(r->out.find_first_of("\r\033"), std::string::npos);
        EXPECT_EQ(r->err.find_first_of("\r\033"), std::string::npos) << r->err;
    }
    const json ja = json::parse(a.out), jb = json::parse(b.out);
    EXPECT_EQ(keys(ja), keys(jb));
    EXPECT_EQ(ja["checksum"], jb["checksum"]);
    EXPECT_EQ(ja["items"], 10);

    const auto t = run_cli({"run", "--workload", "square", "--size", "10", "--compare"});
    ASSERT_EQ(t.exit_code, 0) << t.err;
    EXPECT_EQ(t.out.find_first_of("\r\033"), std::string::npos) << t.out;
    EXPECT_TRUE(t.err.empty()) << t.err;
}

TEST_F(CliManners, VerdictIsColouredOnATerminalUnlessNoColor) {
    const std::string args = "run --workload square --size 10 --compare --progress never";
    const auto coloured = run_on_terminal(args);
    ASSERT_EQ(coloured.exit_code, 0) << coloured.out;
    EXPECT_NE(coloured.out.find("\033[3"), std::string::npos) << coloured.out;
    EXPECT_NE(coloured.out.find("verdict"), std::string::npos);

    const auto plain = run_on_terminal(args, "NO_COLOR=1");
    ASSERT_EQ(plain.exit_code, 0) << plain.out;
    EXPECT_EQ(plain.out.find('\033'), std::string::npos) << plain.out;
    const auto never = run_on_terminal(args + " --color never");
    EXPECT_EQ(never.out.find('\033'), std::string::npos) << never.out;
    // NO_COLOR with the progress line on: the erase sequences stay, no colour.
    const auto progress = run_on_terminal(std::string(kSlowRun), "NO_COLOR=1");
    EXPECT_FALSE(has_sgr(progress.out)) << progress.out;
    // A bad input's error line too.
    const auto bad = run_on_terminal("run --size nine", "NO_COLOR=1");
    EXPECT_EQ(bad.exit_code, 2);
    EXPECT_EQ(bad.out.find('\033'), std::string::npos) << bad.out;
    const auto bad_colour = run_on_terminal("run --size nine");
    EXPECT_TRUE(has_sgr(bad_colour.out)) << bad_colour.out;
}

TEST_F(CliManners, HelpAndVersionGoToStdoutWithExitZeroForEveryCommand) {
    for (const char* cmd : {"run", "sweep", "list", "replay", "export", "lessons", "lesson"}) {
        for (const char* flag : {"--help", "--version"}) {
            const auto r = run_cli({cmd, flag});
            EXPECT_EQ(r.exit_code, 0) << cmd << " " << flag << r.err;
            EXPECT_FALSE(r.out.empty()) << cmd << " " << flag;
            EXPECT_TRUE(r.err.empty()) << cmd << " " << flag << r.err;
            if (std::string(flag) == "--version")
                EXPECT_EQ(r.out.rfind("poolscope-cli ", 0), 0u) << r.out;
            else
                EXPECT_NE(r.out.find("usage: poolscope-cli " + std::string(cmd)), std::string::npos)
                    << r.out;
        }
    }
    // Anywhere among the arguments, as GNU programs do.
    const auto r = run_cli({"run", "--size", "10", "--help"});
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_NE(r.out.find("--progress WHEN"), std::string::npos);
}

TEST_F(CliManners, RunHelpListsEveryOptionOfTheTable) {
    const auto r = run_cli({"run", "--help"});
    ASSERT_EQ(r.exit_code, 0);
    for (const auto& o : poolscope::cli::run_option_table())
        EXPECT_NE(r.out.find("  " + (o.short_name.empty() ? "" : o.short_name + ", ") + o.name),
                  std::string::npos)
            << o.name;
}

namespace {

// COMPREPLY of the generated completion function for the words given (the last is completed).
std::vector<std::string> complete(const std::string& words, int cword) {
    const auto r = run_shell("f=$(mktemp) && \"$CLI\" completion bash > \"$f\" && bash -c " +
                             shell_quote(". \"$1\"; COMP_WORDS=(" + words +
                                         "); COMP_CWORD=" + std::to_string(cword) +
                                         "; _poolscope_cli; printf '%s\\n' \"${COMPREPLY[@]}\"") +
                             " _ \"$f\"; rc=$?; rm -f \"$f\"; exit $rc");
    EXPECT_EQ(r.exit_code, 0) << r.err;
    std::vector<std::string> out;
    std::size_t pos = 0;
    while (pos < r.out.size()) {
        const auto nl = r.out.find('\n', pos);
        const auto line = r.out.substr(pos, nl - pos);
        if (!line.empty()) out.push_back(line);
        if (nl == std::string::npos) break;
        pos = nl + 1;
    }
    return out;
}

}  // namespace

TEST_F(CliManners, CompletionOffersTheDispatchMethodsWorkloadsAndOptions) {
    EXPECT_EQ(complete("poolscope-cli run --dispatch ''", 3),
              (std::vector<std::string>{"map", "imap", "imap_unordered", "apply_async", "static"}));
    EXPECT_EQ(complete("poolscope-cli run --dispatch = im", 4),
              (std::vector<std::string>{"imap", "imap_unordered"}));
    std::vector<std::string> workloads;
    for (const auto& o : poolscope::cli::run_option_table())
        if (o.name == "--workload") workloads = o.values;
    ASSERT_FALSE(workloads.empty());
    EXPECT_EQ(complete("poolscope-cli run --workload ''", 3), workloads);
    EXPECT_EQ(complete("poolscope-cli run --prog", 2), (std::vector<std::string>{"--progress"}));
    EXPECT_EQ(complete("poolscope-cli run --progress ''", 3),
              (std::vector<std::string>{"auto", "always", "never"}));
    const auto commands = complete("poolscope-cli l", 1);
    EXPECT_EQ(commands, (std::vector<std::string>{"list", "lessons", "lesson"}));
    EXPECT_TRUE(complete("poolscope-cli run --size ''", 3).empty());
}

TEST_F(CliManners, CompletionKnowsSweepItsAxesAndItsSeed) {
    EXPECT_EQ(complete("poolscope-cli sw", 1), (std::vector<std::string>{"sweep"}));
    EXPECT_EQ(complete("poolscope-cli sweep --dispatch ''", 3),
              (std::vector<std::string>{"map", "imap", "imap_unordered", "apply_async", "static"}));
    EXPECT_EQ(complete("poolscope-cli sweep --se", 2), (std::vector<std::string>{"--seed"}));
    // A sweep always compares with serial: --compare is refused, so it is not offered.
    EXPECT_TRUE(complete("poolscope-cli sweep --comp", 2).empty());
    EXPECT_EQ(complete("poolscope-cli sweep --work", 2),
              (std::vector<std::string>{"--workload", "--workers"}));
}

// An option whose value is a file completes to file names (and one that takes a number does
// not); --dispatch still completes to its methods.
TEST_F(CliManners, CompletionOffersFileNamesWhereAnOptionTakesAFile) {
    poolscope::test_support::ScratchDir dir;
    const std::string file = dir.write("events.jsonl", "");
    const std::string partial = "'" + file.substr(0, file.size() - 5) + "'";  // ".../events."
    const std::pair<const char*, int> cases[] = {
        {"poolscope-cli run --events ", 3},   {"poolscope-cli run --python ", 3},
        {"poolscope-cli run --hosts ", 3},    {"poolscope-cli sweep --events ", 3},
        {"poolscope-cli sweep --csv ", 3},    {"poolscope-cli export x --trace ", 4},
        {"poolscope-cli lesson 1 --file ", 4}};
    for (const auto& [words, cword] : cases)
        EXPECT_EQ(complete(words + partial, cword), std::vector<std::string>{file}) << words;
    EXPECT_TRUE(complete("poolscope-cli run --size " + partial, 3).empty());
    EXPECT_TRUE(complete("poolscope-cli run --workers " + partial, 3).empty());
    EXPECT_EQ(complete("poolscope-cli run --dispatch ''", 3),
              (std::vector<std::string>{"map", "imap", "imap_unordered", "apply_async", "static"}));
}

// docs/cli.md is written by hand (with ranges, defaults and notes the table does not carry): it
// must still name every option the commands accept, in a row of its table.
TEST_F(CliManners, ReferenceDocumentsEveryOptionOfRunAndSweep) {
    const auto doc =
        poolscope::read_text_file(std::string(POOLSCOPE_RESOURCES_DIR) + "/../docs/cli.md");
    ASSERT_TRUE(doc.has_value());
    for (const auto& c : poolscope::cli::command_table()) {
        if (c.name != "run" && c.name != "sweep") continue;
        for (const auto& o : c.options)
            EXPECT_TRUE(doc->find("`" + o.name + "`") != std::string::npos ||
                        doc->find("`" + o.name + " ") != std::string::npos)
                << c.name << " " << o.name;
    }
}

TEST_F(CliManners, ManPageListsEveryOptionOfTheTable) {
    const auto r = run_cli({"manpage"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out.rfind(".\\\"", 0), 0u);
    EXPECT_NE(r.out.find(".TH POOLSCOPE\\-CLI 1"), std::string::npos);
    const auto roff_name = [](const std::string& name) {
        std::string out;
        for (char c : name) out += c == '-' ? std::string("\\-") : std::string(1, c);
        return "\\fB" + out + "\\fR";
    };
    for (const auto& c : poolscope::cli::command_table())
        for (const auto& o : c.options)
            EXPECT_NE(r.out.find(roff_name(o.name)), std::string::npos) << c.name << " " << o.name;
}

TEST_F(CliManners, LessonShowsWhichRunOfTheLessonAndColoursTheCheck) {
    poolscope::test_support::ScratchDir dir;
    const auto file = dir.write("lessons.json", R"({
      "schema": 2, "default_lesson": 1,
      "lessons": [{
        "id": 1, "title": "Sleepy", "summary": "sleeps through a pool", "what_you_should_see": "x",
        "repeat": 1,
        "runs": [{"id": "nap", "label": "serial vs pool",
                  "args": ["--workload", "sleep", "--param", "ms=5", "--size", "40",
                           "--workers", "2", "--sample-ms", "0", "--compare"]}],
        "expectations": [
          {"id": "any", "text": "a speedup at all", "left": "nap.speedup", "op": "<", "right": 1000}
        ]
      }]
    })");
    const auto r = run_on_terminal("lesson 1 --check --file " + shell_quote(file));
    ASSERT_EQ(r.exit_code, 0) << r.out;
    EXPECT_NE(r.out.find("lesson 1 nap (1/1) run 1/2"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("run 2/2"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("\033[32mPASS"), std::string::npos) << r.out;
    const auto last = r.out.rfind(kErase);
    ASSERT_NE(last, std::string::npos);
    const std::string tail = without_crlf(r.out.substr(last + std::string(kErase).size()));
    EXPECT_EQ(tail.find('\r'), std::string::npos) << tail;
    EXPECT_NE(tail.find("verdict:"), std::string::npos) << tail;

    const auto piped = run_cli({"lesson", "1", "--check", "--file", file});
    ASSERT_EQ(piped.exit_code, 0) << piped.err;
    EXPECT_EQ(piped.out.find_first_of("\r\033"), std::string::npos) << piped.out;
    EXPECT_EQ(piped.err.find_first_of("\r\033"), std::string::npos) << piped.err;
}
